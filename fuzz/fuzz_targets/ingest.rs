//! Arbitrary bytes as an input file of each kind `helpdex build` reads: Markdown with front
//! matter, built HTML, JSON Lines records and tinysearch JSON. Reading never panics, accounts
//! for the whole file, and whatever articles come out can be analysed, indexed and searched.
//!
//! Input: a kind byte, then the file's bytes. Bits 0-1 of the kind: `.md`, `.html`, `.jsonl`,
//! `.json`; bit 2: a 256-byte article cap instead of the default; bits 3-7 all set: also build
//! an index of the articles and search each title (building makes the folding table, which
//! takes tens of milliseconds, so only one kind value in 32 does it).

#![no_main]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use helpdex_core::index::build::analyze;
use helpdex_fuzz::{build, open_all, search_and_check, Expect};
use helpdex_ingest::{read, Options, Sources};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["page.md", "page.html", "records.jsonl", "records.json"];

/// One scratch folder per process, rewritten on every run.
fn scratch() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
}

fuzz_target!(
    init: {
        scratch();
    },
    |data: &[u8]| {
        let Some((&kind, bytes)) = data.split_first() else {
            return;
        };
        let path: PathBuf = scratch().path().join(NAMES[kind as usize % 4]);
        std::fs::write(&path, bytes).expect("scratch file written");
        let mut options = Options::default();
        if kind & 4 != 0 {
            options.max_article_bytes = 256;
        }
        let sources = Sources::discover(std::slice::from_ref(&path), &options).expect("file exists");
        let total = sources.total_bytes();
        let reported = AtomicU64::new(0);
        let ingested = read(sources, &options, &|n| {
            reported.fetch_add(n, Ordering::Relaxed);
        });
        assert_eq!(reported.into_inner(), total, "progress must add up");
        for problem in ingested.problems.iter().chain(&ingested.warnings) {
            assert_eq!(problem.path, path);
            let _ = problem.to_string();
        }
        if kind % 4 < 2 {
            let outcomes = ingested.articles.len() + ingested.skipped.len() + ingested.problems.len();
            assert_eq!(outcomes, 1, "one page is one article, skip or problem");
        }
        assert!(
            ingested.articles.windows(2).all(|w| w[0].page.id < w[1].page.id),
            "articles sorted by unique id"
        );
        for article in &ingested.articles {
            analyze(article);
        }
        if ingested.articles.is_empty() || kind >> 3 != 0x1f {
            return;
        }
        let built = build(&ingested.articles, 256);
        let index = open_all(&built);
        let ids: Vec<String> = ingested.articles.iter().map(|a| a.page.id.clone()).collect();
        let expect = Expect {
            intact: true,
            ids: Some(&ids),
        };
        for article in &ingested.articles {
            search_and_check(&index, &article.page.title, true, 10, &expect);
        }
    }
);
