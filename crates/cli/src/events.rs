//! The search event log: what the search box and the API report, one JSON object per line.
//!
//! This is the documented format `helpdex gaps` reads (README, "Knowledge gaps"). Every event
//! has a `type` and a `time`; the other fields depend on the type:
//!
//! | type | fields |
//! |---|---|
//! | `search` | `query`, `results` (count), `top` (ids of the first results), `lang`, `intent` |
//! | `no-results` | as `search`, with `results` 0 |
//! | `select` | `query`, `id` (the chosen article), `rank` (1-based), `intent` |
//! | `feedback` | `article` (its id, or the page's path), `helpful` (bool), `reason` (optional) |
//! | `suggest` | `results`, `top` (ids of the articles suggested for a message), `lang`, `intent` |
//! | `suggest-select` | `id` (the suggested article opened), `rank` (1-based), `intent` |
//! | `suggest-dismissed` | `intent`, `submitted` (true: the form was sent anyway; false: hidden) |
//!
//! The `suggest` kinds come from `<helpdex-suggest>` under a contact form: one intent per message.
//! `time` is RFC 3339 (`2026-12-01T09:30:00Z`) or milliseconds since the Unix epoch. `intent`
//! ties a `select` to its `search` (one id per search intent, random, nothing about the
//! person); without it a `select` belongs to the last search of the same query. Other types
//! are counted and otherwise left alone, so newer logs stay readable. Logs may be gzipped.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::{Context, Result};
use flate2::read::MultiGzDecoder;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::Deserialize;

/// One event as read from a log line.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The day it happened, in UTC.
    pub day: Date,
    pub kind: EventKind,
}

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A search intent ended with `results` results (`no-results` events have 0).
    Search {
        query: String,
        results: u32,
        top: Vec<String>,
        intent: Option<String>,
    },
    /// A result was chosen.
    Select {
        query: String,
        id: String,
        rank: u32,
        intent: Option<String>,
    },
    /// A reader said whether an article helped.
    Feedback {
        article: String,
        helpful: bool,
        reason: Option<String>,
    },
    /// Articles were suggested for a message being written.
    Suggest { top: Vec<String>, intent: String },
    /// A suggested article was opened.
    SuggestSelect { id: String, intent: String },
    /// The suggestions were hidden, or the form was sent anyway (`submitted`).
    SuggestDismissed { intent: String, submitted: bool },
    /// Any other type.
    Other,
}

/// A line that could not be read as an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// `path:line`.
    pub place: String,
    pub reason: String,
}

/// Every event of a log, and the lines that were not events.
#[derive(Debug, Default)]
pub struct Log {
    pub events: Vec<Event>,
    pub bad: Vec<BadLine>,
}

#[derive(Deserialize)]
struct Line {
    #[serde(rename = "type")]
    kind: String,
    time: serde_json::Value,
    query: Option<String>,
    results: Option<u32>,
    #[serde(default)]
    top: Vec<String>,
    intent: Option<String>,
    id: Option<String>,
    rank: Option<u32>,
    article: Option<String>,
    helpful: Option<bool>,
    reason: Option<String>,
    submitted: Option<bool>,
}

impl Log {
    /// Reads one log file (plain or gzipped JSON Lines) into `self`. A file that cannot be
    /// opened is an error; a bad line is recorded and skipped.
    pub fn read_file(&mut self, path: &Path) -> Result<()> {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let mut reader = BufReader::new(file);
        let gzip = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn Read> = if gzip {
            Box::new(MultiGzDecoder::new(reader))
        } else {
            Box::new(reader)
        };
        self.read(&path.display().to_string(), BufReader::new(reader))
    }

    /// Reads JSON Lines from `reader`; `name` says where they come from in reports.
    pub fn read(&mut self, name: &str, reader: impl BufRead) -> Result<()> {
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            match parse(&line) {
                Ok(event) => self.events.push(event),
                Err(reason) => self.bad.push(BadLine {
                    place: format!("{name}:{}", n + 1),
                    reason,
                }),
            }
        }
        Ok(())
    }
}

/// One line as an event, or why it is not one.
fn parse(line: &str) -> Result<Event, String> {
    let l: Line = serde_json::from_str(line).map_err(|e| format!("not an event: {e}"))?;
    let day = day(&l.time)?;
    let query = |l: &Line| {
        l.query
            .clone()
            .ok_or_else(|| format!("{} without `query`", l.kind))
    };
    let kind = match l.kind.as_str() {
        "search" | "no-results" => EventKind::Search {
            query: query(&l)?,
            results: if l.kind == "no-results" {
                0
            } else {
                l.results.ok_or("search without `results`")?
            },
            top: l.top,
            intent: l.intent,
        },
        "select" => EventKind::Select {
            query: query(&l)?,
            id: l.id.ok_or("select without `id`")?,
            rank: l
                .rank
                .filter(|&r| r > 0)
                .ok_or("select without a `rank` ≥ 1")?,
            intent: l.intent,
        },
        "feedback" => EventKind::Feedback {
            article: l.article.ok_or("feedback without `article`")?,
            helpful: l.helpful.ok_or("feedback without `helpful`")?,
            reason: l.reason,
        },
        "suggest" => EventKind::Suggest {
            top: l.top,
            intent: l.intent.ok_or("suggest without `intent`")?,
        },
        "suggest-select" => EventKind::SuggestSelect {
            id: l.id.ok_or("suggest-select without `id`")?,
            intent: l.intent.ok_or("suggest-select without `intent`")?,
        },
        "suggest-dismissed" => EventKind::SuggestDismissed {
            intent: l.intent.ok_or("suggest-dismissed without `intent`")?,
            submitted: l.submitted.ok_or("suggest-dismissed without `submitted`")?,
        },
        _ => EventKind::Other,
    };
    Ok(Event { day, kind })
}

/// The UTC day of an event's `time`.
fn day(time: &serde_json::Value) -> Result<Date, String> {
    let timestamp = match time {
        serde_json::Value::String(s) => s
            .parse::<Timestamp>()
            .map_err(|e| format!("`time` {s:?} is not RFC 3339: {e}"))?,
        serde_json::Value::Number(n) => n
            .as_i64()
            .and_then(|ms| Timestamp::from_millisecond(ms).ok())
            .ok_or_else(|| format!("`time` {n} is not milliseconds since 1970"))?,
        _ => return Err("`time` missing: RFC 3339 text or milliseconds".into()),
    };
    Ok(TimeZone::UTC.to_datetime(timestamp).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Log {
        let mut log = Log::default();
        log.read("events.jsonl", text.as_bytes()).unwrap();
        log
    }

    #[test]
    fn reads_each_type_and_both_time_forms() {
        let log = read(concat!(
            r#"{"type":"search","time":"2026-12-01T23:59:00Z","query":"reset password","results":3,"top":["a","b"],"intent":"i1"}"#,
            "\n",
            r#"{"type":"no-results","time":1764633600000,"query":"pasport"}"#,
            "\n\n",
            r#"{"type":"select","time":"2026-12-02T08:00:00+08:00","query":"reset password","id":"b","rank":2,"intent":"i1"}"#,
            "\n",
            r#"{"type":"feedback","time":"2026-12-02T10:00:00Z","article":"a","helpful":false,"reason":"unclear"}"#,
            "\n",
            r#"{"type":"later-kind","time":"2026-12-02T10:00:00Z"}"#,
            "\n",
            r#"{"type":"suggest","time":0,"results":1,"top":["a"],"intent":"m1"}"#,
            "\n",
            r#"{"type":"suggest-dismissed","time":0,"intent":"m1","submitted":true}"#,
        ));
        assert!(log.bad.is_empty(), "{:?}", log.bad);
        let days: Vec<String> = log.events.iter().map(|e| e.day.to_string()).collect();
        assert_eq!(
            days,
            [
                "2026-12-01",
                "2025-12-02",
                "2026-12-02",
                "2026-12-02",
                "2026-12-02",
                "1970-01-01",
                "1970-01-01"
            ]
        );
        assert!(matches!(
            &log.events[1].kind,
            EventKind::Search { results: 0, .. }
        ));
        assert!(matches!(
            &log.events[2].kind,
            EventKind::Select { rank: 2, .. }
        ));
        assert!(
            matches!(&log.events[3].kind, EventKind::Feedback { helpful: false, reason: Some(r), .. } if r == "unclear")
        );
        assert_eq!(log.events[4].kind, EventKind::Other);
        assert!(matches!(&log.events[5].kind, EventKind::Suggest { top, .. } if top == &["a"]));
        assert!(matches!(
            &log.events[6].kind,
            EventKind::SuggestDismissed {
                submitted: true,
                ..
            }
        ));
    }

    #[test]
    fn bad_lines_are_reported_with_their_place_and_the_rest_is_read() {
        let log = read(concat!(
            "not json\n",
            r#"{"type":"search","time":"yesterday","query":"x","results":1}"#,
            "\n",
            r#"{"type":"select","time":0,"query":"x","id":"a","rank":0}"#,
            "\n",
            r#"{"type":"search","time":0,"query":"x","results":1}"#,
            "\n",
        ));
        assert_eq!(log.events.len(), 1);
        let places: Vec<&str> = log.bad.iter().map(|b| b.place.as_str()).collect();
        assert_eq!(
            places,
            ["events.jsonl:1", "events.jsonl:2", "events.jsonl:3"]
        );
        assert!(
            log.bad[1].reason.contains("RFC 3339"),
            "{}",
            log.bad[1].reason
        );
        assert!(log.bad[2].reason.contains("rank"), "{}", log.bad[2].reason);
    }
}
