//! `helpdex build`: articles in, index directory out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use helpdex_core::analysis::{FullFold, Synonyms};
use helpdex_core::index::build::{analyze, BuildOptions, IndexBuilder};
use helpdex_core::Article;
use helpdex_ingest::{Ingested, Options, Problem, Sources};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::status;
use helpdex::index_dir;

/// Articles analysed in parallel per batch: enough to keep both cores busy, few enough that
/// analysed terms of the whole corpus never sit in memory at once.
const BATCH: usize = 512;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folders of Markdown or HTML files, `.jsonl`/`.jsonl.gz` records, tinysearch `.json`.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Folder to write the index into (created if missing; the previous index there is
    /// replaced atomically).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// Fail (exit 1, write nothing) if anything is reported (a bad article, a duplicate url)
    /// instead of indexing the rest.
    #[arg(long)]
    strict: bool,
    /// URL prefix for articles read from files (`guide/a.md` → `{base-url}guide/a`).
    #[arg(long, default_value = "/", value_name = "URL")]
    base_url: String,
    /// Read only the files of input folders that match this glob (repeatable), matched against
    /// the path below the folder: `*` stays in a folder, `**` crosses folders, and a glob
    /// without `/` matches a file name at any depth (`docs/**/*.html`, `*.md`).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Leave out the files of input folders that match this glob (repeatable; wins over
    /// `--include`): `--exclude 'genindex*.html' --exclude '_static/**'`.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Largest article file or JSON line read, in bytes; larger ones are reported and skipped.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    max_article_bytes: u64,
    /// The site's own synonyms: one group of equivalent phrases per line, separated by
    /// commas (`sign in, log in, login`); `#` starts a comment line. Applied at query time,
    /// beside the built-in support vocabulary.
    #[arg(long, value_name = "FILE")]
    synonyms: Option<PathBuf>,
    /// Print only errors and problems, no progress or summary.
    #[arg(long, short)]
    quiet: bool,
    /// Also print one JSON object on standard output: whether the index was written, the
    /// counts, and every problem, warning and skipped article as data (`{"path", "line",
    /// "reason"}`), for programs that run the build (the npm package's build API does).
    #[arg(long)]
    json: bool,
}

/// What `--json` prints.
#[derive(serde::Serialize)]
struct Report {
    written: bool,
    articles: usize,
    terms: Option<u64>,
    problems: Vec<Reported>,
    warnings: Vec<Reported>,
    skipped: Vec<Reported>,
    /// Files of input folders that `--include`/`--exclude` left out.
    excluded: usize,
}

/// One problem, warning or skipped article.
#[derive(serde::Serialize)]
struct Reported {
    path: String,
    line: Option<u64>,
    reason: String,
}

impl Report {
    fn new(ingested: &Ingested, articles: usize, excluded: usize) -> Self {
        let reported = |list: &[Problem]| {
            list.iter()
                .map(|p| Reported {
                    path: p.path.display().to_string(),
                    line: p.line,
                    reason: p.reason.to_string(),
                })
                .collect()
        };
        Report {
            written: false,
            articles,
            terms: None,
            problems: reported(&ingested.problems),
            warnings: reported(&ingested.warnings),
            skipped: ingested
                .skipped
                .iter()
                .map(|s| Reported {
                    path: s.path.display().to_string(),
                    line: None,
                    reason: s.reason.to_string(),
                })
                .collect(),
            excluded,
        }
    }

    fn print(&self, json: bool) -> Result<()> {
        if json {
            println!("{}", serde_json::to_string(self)?);
        }
        Ok(())
    }
}

pub fn run(args: Args) -> Result<u8> {
    let started = Instant::now();
    // Read first: a bad synonyms file fails the build before any work is done.
    let synonyms = match &args.synonyms {
        Some(path) => read_synonyms(path)?,
        None => Synonyms::default(),
    };
    let options = Options {
        max_article_bytes: args.max_article_bytes,
        base_url: args.base_url.clone(),
        include: args.include.clone(),
        exclude: args.exclude.clone(),
    };
    let sources = Sources::discover(&args.inputs, &options)?;
    let excluded = sources.excluded();
    let bar = progress(args.quiet, sources.total_bytes(), "reading", true);
    let mut ingested = helpdex_ingest::read(sources, &options, &|bytes| bar.inc(bytes));
    bar.finish_and_clear();
    for problem in ingested.problems.iter().chain(&ingested.warnings) {
        eprintln!("warning: {problem}");
    }
    let mut report = Report::new(&ingested, ingested.articles.len(), excluded);
    if ingested.articles.is_empty() {
        report.print(args.json)?;
        bail!(
            "no articles found in {} (looked for .md/.markdown/.html files in folders, and \
             .jsonl/.jsonl.gz/.json files)",
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let reports = ingested.problems.len() + ingested.warnings.len();
    if args.strict && reports > 0 {
        eprintln!("error: {reports} problem(s) reported and --strict: nothing written");
        report.print(args.json)?;
        return Ok(status::NOTHING);
    }
    let read_time = started.elapsed();

    let languages = count_languages(&ingested.articles);
    let bar = progress(
        args.quiet,
        ingested.articles.len() as u64,
        "indexing",
        false,
    );
    let text_bytes: u64 = (ingested.articles.iter())
        .map(|a| a.page.title.len() + a.page.parts.iter().map(|p| p.text.len()).sum::<usize>())
        .sum::<usize>() as u64;
    let mut builder = IndexBuilder::new(BuildOptions {
        synonyms,
        ..BuildOptions::for_site(text_bytes)
    });
    // Each batch of articles is dropped once analysed: the builder keeps their display text,
    // so holding the articles too would keep the whole corpus in memory twice.
    let mut articles = std::mem::take(&mut ingested.articles).into_iter();
    loop {
        let batch: Vec<Article> = articles.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let analyzed: Vec<_> = batch.par_iter().map(analyze).collect();
        for a in analyzed {
            builder.add(a);
        }
        bar.inc(batch.len() as u64);
    }
    bar.set_message("writing");
    let built = builder.finish();
    let written = index_dir::write(&args.out, &built, languages)?;
    bar.finish_and_clear();
    report.written = true;
    report.terms = Some(built.stats.terms);
    report.print(args.json)?;

    if !args.quiet {
        let s = &built.stats;
        let total = started.elapsed();
        eprintln!(
            "indexed {} articles ({} terms) from {} in {} (reading {})",
            s.articles,
            s.terms,
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            secs(total),
            secs(read_time),
        );
        let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
        for s in &ingested.skipped {
            *skipped.entry(s.reason.to_string()).or_default() += 1;
        }
        if !ingested.problems.is_empty() {
            *skipped
                .entry("bad article (see warnings)".into())
                .or_default() += ingested.problems.len();
        }
        if excluded > 0 {
            *skipped
                .entry("file (--include/--exclude)".into())
                .or_default() += excluded;
        }
        if !skipped.is_empty() {
            let why: Vec<String> = skipped.iter().map(|(r, &n)| counted(n, r)).collect();
            eprintln!("skipped {}", why.join(", "));
        }
        eprintln!(
            "wrote {} files to {}: {} raw, {} gzip ({} vocabulary shards, {} postings chunks, \
             {} fragments chunks)",
            written.files,
            args.out.display(),
            bytes(written.raw_bytes),
            bytes(written.compressed_bytes),
            built.vocabulary.len(),
            built.postings.len(),
            built.fragments.len(),
        );
    }
    Ok(status::OK)
}

fn read_synonyms(path: &Path) -> Result<Synonyms> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read synonyms file {}", path.display()))?;
    Synonyms::parse(&text, &FullFold)
        .map_err(|e| anyhow!("{}:{}: {}", path.display(), e.line, e.reason))
}

fn count_languages(articles: &[Article]) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    for a in articles {
        let lang = a.page.lang.as_deref().unwrap_or("");
        let primary = lang
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        *out.entry(primary).or_default() += 1;
    }
    out
}

fn progress(quiet: bool, total: u64, what: &'static str, in_bytes: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    // indicatif draws only when stderr is a terminal, so CI logs stay clean.
    let bar = ProgressBar::new(total);
    let counter = if in_bytes {
        "{binary_bytes}/{binary_total_bytes}"
    } else {
        "{pos}/{len}"
    };
    bar.set_style(
        ProgressStyle::with_template(&format!("{{msg:>9}} [{{bar:32}}] {counter} ({{eta}})"))
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what);
    bar
}

/// `1 draft`, `3 drafts`, `2 bad articles (see warnings)`: the count, and the reason's noun
/// (its last word before any parenthesis) in the plural when the count is not one.
fn counted(n: usize, reason: &str) -> String {
    if n == 1 {
        return format!("1 {reason}");
    }
    let (noun, rest) = reason.split_at(reason.find(" (").unwrap_or(reason.len()));
    format!("{n} {noun}s{rest}")
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 => format!("{:.1} MiB", n as f64 / (1 << 20) as f64),
        n if n >= 1 << 10 => format!("{:.1} KiB", n as f64 / 1024.0),
        n => format!("{n} B"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_as_english() {
        assert_eq!(super::counted(1, "draft"), "1 draft");
        assert_eq!(super::counted(3, "draft"), "3 drafts");
        let bad = "bad article (see warnings)";
        assert_eq!(super::counted(3, bad), "3 bad articles (see warnings)");
    }
}
