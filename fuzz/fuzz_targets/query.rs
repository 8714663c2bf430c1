//! Arbitrary queries against a real index (the sample help centers, English and Chinese): every
//! search stays within the query limits, succeeds, and returns only articles of the index with
//! well-formed highlights.
//!
//! Input: a flags byte, then the query. Flag bit 0: typos on; bit 1: the query is UTF-16 code
//! units (little endian) as a JavaScript string holds them, lone surrogates included, converted
//! the way wasm-bindgen passes a `&str` argument (`TextEncoder`: each lone surrogate becomes
//! U+FFFD); otherwise UTF-8, invalid sequences replaced. The other bits give the result limit.

#![no_main]

use std::sync::OnceLock;

use helpdex_core::Index;
use helpdex_fuzz::{build, open_all, samples_dir, search_and_check, Expect};
use helpdex_ingest::{read, Options, Sources};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    index: Index,
    ids: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let samples = samples_dir();
        let options = Options::default();
        let sources = Sources::discover(std::slice::from_ref(&samples), &options)
            .unwrap_or_else(|e| panic!("sample help centers in {}: {e}", samples.display()));
        let articles = read(sources, &options, &|_| {}).articles;
        assert!(articles.len() > 50, "too few sample articles");
        // Default-sized chunks, as `helpdex build` writes them.
        let built = build(&articles, 24 * 1024);
        Fixture {
            index: open_all(&built),
            ids: articles.into_iter().map(|a| a.page.id).collect(),
        }
    })
}

fuzz_target!(
    // Built before the first input, so it counts towards no input's time limit.
    init: {
        fixture();
    },
    |data: &[u8]| {
        let Some((&flags, text)) = data.split_first() else {
            return;
        };
        let query = if flags & 2 != 0 {
            let units: Vec<u16> = text
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            String::from_utf8_lossy(text).into_owned()
        };
        let f = fixture();
        let expect = Expect {
            intact: true,
            ids: Some(&f.ids),
        };
        search_and_check(&f.index, &query, flags & 1 != 0, (flags >> 2) as usize, &expect);
    }
);
