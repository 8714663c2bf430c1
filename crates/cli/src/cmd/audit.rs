//! `helpdex audit`: a content-health report on the articles themselves.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Result};
use helpdex::audit::{self, Finding, Kind, Limits};
use helpdex_ingest::{Options, Sources};

use crate::status;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The articles, as `helpdex build` takes them: folders of Markdown or HTML, JSON Lines.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Articles updated longer ago than this are stale (`365d`, `18 months`, `2y`).
    #[arg(long, default_value = "365d", value_name = "SPAN")]
    stale_after: String,
    /// The day staleness is counted from (`YYYY-MM-DD`; default today, UTC).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Exit 1 when any of these kinds is found (comma-separated: broken-links,
    /// broken-anchors, stale, undated, duplicate-titles, duplicate-bodies, no-headings,
    /// too-long, no-description).
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    fail_on: Vec<String>,
    /// Articles of more words than this are too long.
    #[arg(long, default_value_t = 5_000, value_name = "WORDS")]
    max_words: usize,
    /// Findings listed per kind (all are counted; `--json` lists all).
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Print every finding as JSON.
    #[arg(long)]
    json: bool,
    /// URL prefix for articles read from files, as in `helpdex build`.
    #[arg(long, default_value = "/", value_name = "URL")]
    base_url: String,
}

pub fn run(args: Args) -> Result<u8> {
    let fail_on = (args.fail_on.iter())
        .map(|name| {
            Kind::parse(name.trim()).ok_or_else(|| {
                let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                anyhow!(
                    "--fail-on: unknown kind {name:?} (kinds: {})",
                    kinds.join(", ")
                )
            })
        })
        .collect::<Result<Vec<Kind>>>()?;
    let stale_after: jiff::Span = (args.stale_after.parse())
        .map_err(|e| anyhow!("--stale-after {:?}: {e}", args.stale_after))?;
    let today = match &args.today {
        Some(d) => d.parse().map_err(|e| anyhow!("--today {d:?}: {e}"))?,
        None => jiff::tz::TimeZone::UTC
            .to_datetime(jiff::Timestamp::now())
            .date(),
    };
    let options = Options {
        base_url: args.base_url.clone(),
        ..Options::default()
    };
    let sources = Sources::discover(&args.inputs, &options)?;
    let ingested = helpdex_ingest::read(sources, &options, &|_| {});
    for problem in ingested.problems.iter().chain(&ingested.warnings) {
        eprintln!("warning: {problem}");
    }
    if ingested.articles.is_empty() {
        bail!("no articles found in the inputs");
    }
    let limits = Limits {
        today,
        stale_after,
        headings_after_words: 300,
        max_words: args.max_words,
        duplicate_similarity: 0.9,
    };
    let findings = audit::audit(&ingested.articles, &limits);

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        let report = serde_json::json!({
            "articles": ingested.articles.len(),
            "unreadable": ingested.problems.len(),
            "findings": findings,
        });
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print(&mut out, ingested.articles.len(), &findings, args.top)?;
    }
    out.flush()?;
    let failed = findings.iter().any(|f| fail_on.contains(&f.kind));
    Ok(if failed { status::NOTHING } else { status::OK })
}

fn print(out: &mut impl Write, articles: usize, findings: &[Finding], top: usize) -> Result<()> {
    let mut by_kind: BTreeMap<Kind, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_kind.entry(f.kind).or_default().push(f);
    }
    writeln!(out, "{articles} articles audited")?;
    for kind in Kind::ALL {
        let Some(list) = by_kind.get(&kind) else {
            writeln!(out, "{:>6}  {}", 0, kind.name())?;
            continue;
        };
        writeln!(out, "{:>6}  {}", list.len(), kind.name())?;
        for f in list.iter().take(top) {
            let detail = if f.detail.is_empty() {
                String::new()
            } else {
                format!(": {}", f.detail)
            };
            writeln!(out, "          {}{detail}", f.article)?;
        }
        if list.len() > top {
            writeln!(
                out,
                "          … {} more (--json lists all)",
                list.len() - top
            )?;
        }
    }
    Ok(())
}
