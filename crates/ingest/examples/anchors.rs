//! Prints the headings of every article as ingest reads them, with their anchors: one JSON
//! line per article, `{"id": ..., "headings": [{"level": 2, "text": ..., "anchor": ...}]}`.
//! The demo help center (`www/demo/build.mjs`) gives its pages' headings these ids, so the
//! slug rule lives only in `src/slug.rs` and result anchors always exist on the pages.
//!
//! ```sh
//! cargo run -p helpdex-ingest --example anchors -- articles.jsonl
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use helpdex_ingest::{read, Options, Sources};

fn main() -> ExitCode {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage: anchors INPUT...");
        return ExitCode::from(2);
    }
    let opts = Options::default();
    let sources = match Sources::discover(&inputs, &opts) {
        Ok(sources) => sources,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let ingested = read(sources, &opts, &|_| {});
    for problem in &ingested.problems {
        eprintln!("{problem}");
    }
    let mut out = std::io::stdout().lock();
    for article in &ingested.articles {
        let headings: Vec<_> = article
            .page
            .parts
            .iter()
            .filter_map(|p| p.heading.as_ref())
            .map(|h| serde_json::json!({ "level": h.level, "text": h.text, "anchor": h.anchor }))
            .collect();
        let line = serde_json::json!({ "id": article.page.id, "headings": headings });
        if writeln!(out, "{line}").is_err() {
            return ExitCode::from(2);
        }
    }
    if ingested.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
