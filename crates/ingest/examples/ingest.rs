//! Ingests inputs and prints what came out: counts, timing, problems, and optionally one
//! article in full. Handy for checking a new input and for measuring ingest speed:
//!
//! ```sh
//! cargo run --release -p helpdex-ingest --example ingest -- ../shared/corpora/en-large.jsonl.gz
//! cargo run --release -p helpdex-ingest --example ingest -- docs/ --show guide/reset.md
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use helpdex_ingest::{read, Options, Sources};

fn main() -> ExitCode {
    let mut inputs = Vec::new();
    let mut show = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--show" {
            show = args.next();
        } else {
            inputs.push(PathBuf::from(arg));
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: ingest INPUT... [--show ID]");
        return ExitCode::from(2);
    }

    let opts = Options::default();
    let start = Instant::now();
    let sources = match Sources::discover(&inputs, &opts) {
        Ok(sources) => sources,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let total = sources.total_bytes();
    let files = sources.len();
    let done = AtomicU64::new(0);
    let ingested = read(sources, &opts, &|n| {
        done.fetch_add(n, Ordering::Relaxed);
    });
    let elapsed = start.elapsed();

    for problem in &ingested.problems {
        eprintln!("{problem}");
    }
    for skipped in &ingested.skipped {
        eprintln!("skipped {skipped}");
    }
    let text_bytes: usize = ingested
        .articles
        .iter()
        .flat_map(|a| &a.page.parts)
        .map(|p| p.text.len())
        .sum();
    let headings = ingested
        .articles
        .iter()
        .flat_map(|a| &a.page.parts)
        .filter(|p| p.heading.is_some())
        .count();
    println!(
        "{} articles, {} skipped, {} problems from {files} files ({total} bytes, progress saw {}) in {:.2?}",
        ingested.articles.len(),
        ingested.skipped.len(),
        ingested.problems.len(),
        done.load(Ordering::Relaxed),
        elapsed,
    );
    println!("{headings} headings, {text_bytes} bytes of plain text");
    if let Some(id) = show {
        match ingested.articles.iter().find(|a| a.page.id == id) {
            Some(article) => println!("{article:#?}"),
            None => eprintln!("no article with id {id:?}"),
        }
    }
    if ingested.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
