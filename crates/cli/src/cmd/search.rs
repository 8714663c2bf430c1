//! `helpdex search`: ranked results from an index directory, for people or as JSON lines.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use helpdex_core::{Excerpt, Hit, Index, Presented, SearchOptions};
use serde::Serialize;

use crate::status;
use helpdex::index_dir;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The index folder written by `helpdex build`.
    #[arg(long, short, value_name = "DIR")]
    index: PathBuf,
    /// Maximum number of results per query.
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Print one JSON array of results per query.
    #[arg(long)]
    json: bool,
    /// Match only exact spellings (no typo tolerance).
    #[arg(long)]
    no_typos: bool,
    /// Show why each result ranks where it does.
    #[arg(long, conflicts_with = "json")]
    explain: bool,
    /// Read the query as long text (a ticket, a chat message, an email): greetings, signatures,
    /// quoted lines and context weigh little or nothing, and each result gets a confidence
    /// (0-1) and the words it matched. On standard input, a line that is a JSON string holds
    /// a text with line breaks.
    #[arg(long)]
    suggest: bool,
    /// The query; without it, queries are read from standard input, one per line.
    query: Option<String>,
}

/// One result as `--json` prints it. Relevance tooling reads this: keep it stable.
#[derive(Serialize)]
struct JsonResult<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    score: f32,
    excerpt: &'a str,
    anchor: Option<&'a str>,
    /// With `--suggest` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    /// With `--suggest` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<Vec<&'a str>>,
}

pub fn run(args: Args) -> Result<u8> {
    let index = index_dir::open(&args.index)?;
    let options = SearchOptions {
        limit: args.limit,
        typos: !args.no_typos,
    };
    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && !args.json;
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(query) = &args.query {
        let found = answer(&index, query, &options, &args, color, &mut out)?;
        out.flush()?;
        return Ok(if found { status::OK } else { status::NOTHING });
    }
    for line in std::io::stdin().lock().lines() {
        let mut query = line?;
        if args.suggest && query.starts_with('"') {
            query = serde_json::from_str(&query).map_err(|e| {
                anyhow::anyhow!("a line starting with '\"' must be a JSON string: {e}")
            })?;
        }
        if !args.json {
            writeln!(out, "> {query}")?;
        }
        answer(&index, &query, &options, &args, color, &mut out)?;
        // Line-at-a-time consumers (a relevance script) get each answer as soon as it exists.
        out.flush()?;
    }
    Ok(status::OK)
}

/// Prints the results of one query; returns whether there were any.
fn answer(
    index: &Index,
    query: &str,
    options: &SearchOptions,
    args: &Args,
    color: bool,
    out: &mut impl Write,
) -> Result<bool> {
    let plan = if args.suggest {
        index.plan_suggestions(query, options.typos)
    } else {
        index.plan(query, options.typos)
    };
    // Hits with their confidence, for long text.
    let hits: Vec<(Hit, Option<f32>)> = if args.suggest {
        let found = index.suggest(&plan, options)?;
        found.into_iter().map(|(h, c)| (h, Some(c))).collect()
    } else {
        let found = index.search(&plan, options)?;
        found.into_iter().map(|h| (h, None)).collect()
    };
    let presented: Vec<(&Hit, Option<f32>, Presented)> = hits
        .iter()
        .filter_map(|(h, c)| Some((h, *c, index.present(&plan, h)?)))
        .collect();
    let round = |x: f32| (x * 1000.0).round() / 1000.0;
    let suggested = |hit: &Hit, confidence: Option<f32>| {
        Some((round(confidence?), index.matched_words(&plan, hit)))
    };
    if args.json {
        let results: Vec<JsonResult> = presented
            .iter()
            .map(|(hit, confidence, p)| {
                let (confidence, matched) = suggested(hit, *confidence).unzip();
                JsonResult {
                    id: &p.fragment.page.id,
                    url: &p.fragment.page.url,
                    title: &p.fragment.page.title,
                    score: round(hit.score),
                    excerpt: &p.excerpt.text,
                    anchor: p.anchor,
                    confidence,
                    matched,
                }
            })
            .collect();
        serde_json::to_writer(&mut *out, &results)?;
        writeln!(out)?;
        return Ok(!results.is_empty());
    }
    if presented.is_empty() {
        writeln!(out, "no results")?;
    }
    for (rank, (hit, confidence, p)) in presented.iter().enumerate() {
        let score = hit.score;
        let section = p
            .fragment
            .page
            .section
            .as_deref()
            .map(|s| format!("  [{s}]"))
            .unwrap_or_default();
        writeln!(out, "{:>2}. {}{section}", rank + 1, marked(&p.title, color))?;
        let anchor = p.anchor.map(|a| format!("#{a}")).unwrap_or_default();
        writeln!(out, "    {}{anchor}", p.fragment.page.url)?;
        if !p.excerpt.text.is_empty() {
            writeln!(out, "    {}", marked(&p.excerpt, color))?;
        }
        if let Some((confidence, matched)) = suggested(hit, *confidence) {
            writeln!(out, "    confidence {confidence:.2}: {}", matched.join(" "))?;
        }
        if args.explain {
            let d = &hit.details;
            writeln!(
                out,
                "    score {score:.3}: key words {} · words {} · typos {} · exact title {} · terms {:.3} · \
                 proximity {:.3} · title coverage {:.3} · title phrase {:.3}",
                d.key_words,
                d.words,
                d.typos,
                d.exact_title,
                d.terms,
                d.proximity,
                d.title_coverage,
                d.title_phrase
            )?;
        }
    }
    Ok(!presented.is_empty())
}

/// The excerpt with its highlights in bold on a terminal, as plain text otherwise.
fn marked(e: &Excerpt, color: bool) -> String {
    if !color {
        return e.text.clone();
    }
    let mut s = String::with_capacity(e.text.len() + e.highlights.len() * 8);
    let mut at = 0;
    for r in &e.highlights {
        s.push_str(&e.text[at..r.start]);
        s.push_str("\x1b[1m");
        s.push_str(&e.text[r.clone()]);
        s.push_str("\x1b[0m");
        at = r.end;
    }
    s.push_str(&e.text[at..]);
    s
}
