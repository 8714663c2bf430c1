//! JSON Lines records, one article per line (see shared/corpora/README.md for the format).
//!
//! A JSON Lines file can be far larger than one article (the en-large corpus is 241 MB), so it
//! is streamed: one thread decompresses and splits lines into batches while the rayon pool
//! parses batches in parallel. Memory stays bounded by the few batches in flight plus the
//! articles themselves.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
#[cfg(not(target_family = "wasm"))]
use std::sync::mpsc;

use flate2::read::MultiGzDecoder;
use helpdex_core::Article;
#[cfg(not(target_family = "wasm"))]
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::Deserialize;

use super::{json_error, required};
use crate::front_matter::normalize_date;
use crate::problem::Reason;
use crate::source::Source;
use crate::text::{collapse, push_tag};
use crate::{markdown, Found, Options, Outcome, Problem};

/// Lines are handed to the parsers in batches of about this many bytes: big enough that
/// channel hand-offs cost nothing, small enough to spread work over the threads.
const BATCH_BYTES: usize = 1 << 20;
/// Batches read ahead of the parsers; bounds memory when parsing is the slower side.
#[cfg(not(target_family = "wasm"))]
const BATCHES_IN_FLIGHT: usize = 4;
const READ_BUFFER: usize = 256 << 10;
/// A UTF-8 byte order mark, which some editors put at the start of a file.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// One line of a JSON Lines file (see shared/corpora/README.md for the format).
#[derive(Deserialize)]
struct Record {
    id: String,
    url: String,
    title: String,
    /// Markdown.
    body: Option<String>,
    lang: Option<String>,
    section: Option<String>,
    tags: Option<Tags>,
    updated: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "`tags` as a list of strings or a comma-separated string"
)]
enum Tags {
    List(Vec<String>),
    Text(String),
}

/// Reads a `.jsonl` or `.jsonl.gz` file, reporting compressed bytes to `progress` as they are
/// read.
pub(crate) fn read_lines(
    source: &Source,
    index: usize,
    gzip: bool,
    opts: &Options,
    progress: &(dyn Fn(u64) + Sync),
) -> Vec<Outcome> {
    let problem = |line, reason| {
        Outcome::Problem(Problem {
            path: source.path.clone(),
            line,
            reason,
        })
    };
    let file = match File::open(&source.path) {
        Ok(file) => file,
        Err(e) => {
            progress(source.size);
            return vec![problem(None, Reason::Unreadable(e.to_string()))];
        }
    };
    let counted = AtomicU64::new(0);
    let input = Counting {
        inner: file,
        progress,
        counted: &counted,
    };
    let reader: Box<dyn BufRead + Send + '_> = if gzip {
        Box::new(BufReader::with_capacity(
            READ_BUFFER,
            MultiGzDecoder::new(input),
        ))
    } else {
        Box::new(BufReader::with_capacity(READ_BUFFER, input))
    };
    let cap = opts.max_article_bytes;
    let parse = |batch: Vec<Line>| {
        batch.into_iter().map(|line| {
            let number = line.number;
            match line.content.and_then(|bytes| record_article(&bytes)) {
                Ok(article) => Outcome::Article(Box::new(Found {
                    article,
                    order: (index, number),
                    path: source.path.clone(),
                    line: Some(number),
                    html: None,
                    warning: None,
                })),
                Err(reason) => problem(Some(number), reason),
            }
        })
    };
    #[cfg(not(target_family = "wasm"))]
    let (mut outcomes, stopped) = std::thread::scope(|scope| {
        let (batches, received) = mpsc::sync_channel(BATCHES_IN_FLIGHT);
        let splitter =
            scope.spawn(move || split_lines(reader, cap, &mut |b| batches.send(b).is_ok()));
        let outcomes: Vec<Outcome> = received
            .into_iter()
            .par_bridge()
            .flat_map_iter(parse)
            .collect();
        let stopped = splitter
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (outcomes, stopped)
    });
    // The WebAssembly build (wasm32-wasip1, `npx helpdex`) has no threads: split and parse in
    // turn. Outcomes are sorted by `order` later, so the result is the same.
    #[cfg(target_family = "wasm")]
    let (mut outcomes, stopped) = {
        let mut outcomes = Vec::new();
        let stopped = split_lines(reader, cap, &mut |batch| {
            outcomes.extend(parse(batch));
            true
        });
        (outcomes, stopped)
    };
    if let Some((line, e)) = stopped {
        outcomes.push(problem(Some(line), Reason::Unreadable(e.to_string())));
    }
    // Keep the progress total exact when reading stopped early.
    let counted = counted.into_inner();
    if counted < source.size {
        progress(source.size - counted);
    }
    outcomes.shrink_to_fit();
    outcomes
}

/// A line to parse, or why it will not be.
struct Line {
    /// 1-based.
    number: u64,
    content: Result<Vec<u8>, Reason>,
}

/// Splits the stream into batches of non-blank lines, handing each to `send` (which returns
/// false to stop). Returns the line where reading failed and why, if it did.
fn split_lines(
    mut reader: impl BufRead,
    cap: u64,
    send: &mut dyn FnMut(Vec<Line>) -> bool,
) -> Option<(u64, io::Error)> {
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    let mut number = 0;
    let failure = loop {
        number += 1;
        let mut bytes = Vec::new();
        let size = match read_line_capped(&mut reader, &mut bytes, cap) {
            Ok(Some(size)) => size,
            Ok(None) => break None,
            Err(e) => break Some((number, e)),
        };
        if number == 1 && bytes.starts_with(BOM) {
            bytes.drain(..BOM.len());
        }
        if bytes.iter().all(u8::is_ascii_whitespace) && size <= cap {
            continue;
        }
        batch_bytes += bytes.len();
        let content = if size > cap {
            Err(Reason::TooLarge { size, cap })
        } else {
            Ok(bytes)
        };
        batch.push(Line { number, content });
        if batch_bytes >= BATCH_BYTES {
            batch_bytes = 0;
            if !send(std::mem::take(&mut batch)) {
                return None;
            }
        }
    };
    // The receiver only goes away if parsing panicked, which resurfaces on join.
    send(batch);
    failure
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap` bytes: an oversized
/// line is skipped without being held in memory. Returns the line's full size, or `None` at the
/// end of the input.
fn read_line_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: u64,
) -> io::Result<Option<u64>> {
    let mut size = 0u64;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(size));
        }
        any = true;
        let (chunk, used, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        size += chunk.len() as u64;
        if size <= cap {
            buf.extend_from_slice(chunk);
        }
        reader.consume(used);
        if done {
            return Ok(Some(size));
        }
    }
}

/// Passes reads through, reporting their sizes.
struct Counting<'a, R> {
    inner: R,
    progress: &'a (dyn Fn(u64) + Sync),
    counted: &'a AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.counted.fetch_add(n as u64, Ordering::Relaxed);
            (self.progress)(n as u64);
        }
        Ok(n)
    }
}

/// One JSON Lines record → article.
fn record_article(line: &[u8]) -> Result<Article, Reason> {
    let text = std::str::from_utf8(line).map_err(|_| Reason::InvalidUtf8)?;
    let record: Record = serde_json::from_str(text).map_err(|e| json_error(&e, 1, 1).1)?;
    let id = required("id", record.id.trim())?.to_owned();
    let url = required("url", record.url.trim())?.to_owned();
    let title = required("title", &collapse(&record.title))?.to_owned();
    let body = record.body.unwrap_or_default();
    let markdown::Converted { parts, links, .. } = markdown::convert(&body, Some(title.clone()));
    let mut tags = Vec::new();
    match record.tags {
        Some(Tags::List(list)) => list.iter().for_each(|t| push_tag(&mut tags, collapse(t))),
        Some(Tags::Text(text)) => text
            .split(',')
            .for_each(|t| push_tag(&mut tags, collapse(t))),
        None => {}
    }
    let text = |s: Option<String>| s.map(|s| collapse(&s)).filter(|s| !s.is_empty());
    Ok(Article {
        page: helpdex_core::Page {
            id,
            url,
            title,
            lang: text(record.lang),
            section: text(record.section),
            updated: text(record.updated).map(|d| normalize_date(&d)),
            parts,
        },
        description: text(record.description),
        tags,
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_to_article() {
        let line = br##"{"id":"r:a.md","url":"https://x/a","title":"How to  reset","body":"# How to reset\n\nDo it.\n\n## Why\n\nBecause.","lang":"en","section":"Accounts","updated":"01/30/2024","tags":["A","b","a"],"description":null,"extra":1}"##;
        let a = record_article(line).unwrap();
        assert_eq!(a.page.id, "r:a.md");
        assert_eq!(a.page.url, "https://x/a");
        assert_eq!(a.page.title, "How to reset");
        assert_eq!(a.page.lang.as_deref(), Some("en"));
        assert_eq!(a.page.section.as_deref(), Some("Accounts"));
        assert_eq!(a.page.updated.as_deref(), Some("2024-01-30"));
        assert_eq!(a.tags, vec!["A", "b"]);
        assert_eq!(a.description, None);
        assert_eq!(a.page.parts.len(), 2);
        assert_eq!(a.page.parts[0].text, "Do it.");
        assert_eq!(a.page.parts[1].heading.as_ref().unwrap().anchor, "why");
    }

    #[test]
    fn tags_may_be_a_string() {
        let a = record_article(br#"{"id":"1","url":"/1","title":"T","body":"","tags":"x, y"}"#)
            .unwrap();
        assert_eq!(a.tags, vec!["x", "y"]);
        assert!(a.page.parts.is_empty());
    }

    #[test]
    fn bad_records() {
        let reason = |line: &[u8]| record_article(line).unwrap_err().to_string();
        assert_eq!(
            reason(br#"{"url":"/1","title":"T","body":""}"#),
            "bad record: missing field `id` (column 34)"
        );
        assert_eq!(
            reason(br#"{"id":"1","url":"/1","title":"","body":""}"#),
            "bad record: `title` is empty"
        );
        assert!(reason(br#"{"id":1,"url":"/1","title":"T"}"#)
            .starts_with("bad record: invalid type: integer `1`, expected a string"));
        assert!(
            reason(br#"{"id":"1","url":"/1","title":"T","tags":3}"#).contains("`tags` as a list")
        );
        assert!(reason(b"{\"id\": ").starts_with("bad record: EOF while parsing"));
        assert_eq!(reason(b"{\"id\":\"\xFF\"}"), "not valid UTF-8");
    }

    #[test]
    fn capped_lines() {
        let mut input: &[u8] = b"short\nthis line is long\n\nlast";
        let mut lines = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_line_capped(&mut input, &mut buf, 8).unwrap() {
                Some(size) => lines.push((size, String::from_utf8(buf).unwrap())),
                None => break,
            }
        }
        assert_eq!(
            lines,
            vec![
                (5, "short".into()),
                (17, String::new()),
                (0, String::new()),
                (4, "last".into())
            ]
        );
    }

    #[test]
    fn split_into_numbered_batches() {
        let input: &[u8] = b"\xEF\xBB\xBF{}\r\n\n  \n0123456789\n{}";
        let mut batches = Vec::new();
        let stopped = split_lines(input, 8, &mut |batch| {
            batches.push(batch);
            true
        });
        assert!(stopped.is_none());
        let lines: Vec<Line> = batches.into_iter().flatten().collect();
        let summary: Vec<(u64, bool)> = lines
            .iter()
            .map(|l| (l.number, l.content.is_ok()))
            .collect();
        assert_eq!(summary, vec![(1, true), (4, false), (5, true)]);
        assert_eq!(lines[0].content.as_deref(), Ok(&b"{}\r"[..]));
        assert_eq!(
            lines[1].content.as_ref().unwrap_err(),
            &Reason::TooLarge { size: 10, cap: 8 }
        );
    }
}
