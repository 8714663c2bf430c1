//! The browser module in a real browser (headless Chromium via wasm-bindgen-test): open an
//! index, fetch-on-demand protocol, ranked results with UTF-16 highlights, loud failures.
#![cfg(target_arch = "wasm32")]

use helpdex_core::index::build::{analyze, BuildOptions, BuiltIndex, IndexBuilder};
use helpdex_core::{Article, Heading, Part};
use helpdex_wasm::Index;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn built() -> BuiltIndex {
    let mut b = IndexBuilder::new(BuildOptions {
        vocabulary_shard_bytes: 64,
        postings_chunk_bytes: 64,
        fragments_chunk_bytes: 64,
        ..BuildOptions::default()
    });
    let docs = [
        (
            "reset.md",
            "Reset your password",
            "Open Settings, then Security, then Reset.",
        ),
        ("kb.md", "知识库使用指南", "在知识库中搜索文章。"),
        ("mail.md", "Mail flow rules", "Create a mail flow rule."),
    ];
    for (id, title, text) in docs {
        b.add(analyze(&Article {
            page: helpdex_core::Page {
                id: id.into(),
                url: format!("/{id}"),
                title: title.into(),
                parts: vec![Part {
                    heading: Some(Heading {
                        level: 2,
                        text: "Steps".into(),
                        anchor: "steps".into(),
                    }),
                    text: text.into(),
                }],
                ..helpdex_core::Page::default()
            },
            ..Article::default()
        }));
    }
    b.finish()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

/// Adds the files `missing` names (`[kind, n, …]`) from `b` until it names none, and returns
/// how many rounds that took.
fn load(index: &mut Index, b: &BuiltIndex, missing: impl Fn(&mut Index) -> Vec<u32>) -> usize {
    let mut rounds = 0;
    loop {
        let files = missing(index);
        if files.is_empty() {
            return rounds;
        }
        rounds += 1;
        for pair in files.chunks(2) {
            let (kind, n) = (pair[0], pair[1] as usize);
            let file = if kind == 0 {
                &b.vocabulary[n]
            } else {
                &b.postings[n]
            };
            index.add(kind, pair[1], file).unwrap();
        }
    }
}

/// Loads exactly what the index asks for, the way the JavaScript loader does; returns the
/// number of hits.
fn search(index: &mut Index, b: &BuiltIndex, q: &str) -> usize {
    load(index, b, |ix| ix.missing(q, true));
    let hits = index.search(q, 10, true).unwrap();
    for hit in hits.chunks(3) {
        let chunk = hit[1] as u32;
        if index.results().is_none() {
            index.add(2, chunk, &b.fragments[chunk as usize]).unwrap();
        }
    }
    hits.len() / 3
}

/// Hit `i` of the last search, parsed as JavaScript does.
fn result(index: &Index, i: u32) -> JsValue {
    let all = JSON::parse(&index.results().expect("fragments loaded")).unwrap();
    Array::from(&all).get(i)
}

#[wasm_bindgen_test]
fn typo_query_finds_the_article_with_highlights() {
    let b = built();
    let mut index = Index::new(&b.core).unwrap();
    assert_eq!(search(&mut index, &b, "pasword"), 1);
    let r = result(&index, 0);
    assert_eq!(get(&r, "id").as_string().unwrap(), "reset.md");
    assert_eq!(get(&r, "anchor"), JsValue::NULL); // matched in the title only
    let marks: Vec<u32> = u32s(&get(&r, "titleHighlights"));
    let title = get(&r, "title").as_string().unwrap();
    let utf16: Vec<u16> = title.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[marks[0] as usize..marks[1] as usize]).unwrap(),
        "password"
    );
}

#[wasm_bindgen_test]
fn results_wait_for_their_fragments() {
    let b = built();
    let mut index = Index::new(&b.core).unwrap();
    // Shards first, then the chunks they point to.
    assert_eq!(load(&mut index, &b, |ix| ix.missing("mail", true)), 2);
    assert_eq!(index.search("mail", 10, true).unwrap().len(), 3);
    assert!(index.results().is_none());
    assert_eq!(search(&mut index, &b, "mail"), 1);
    assert_eq!(
        Array::from(&JSON::parse(&index.results().unwrap()).unwrap()).length(),
        1
    );
}

#[wasm_bindgen_test]
fn chinese_highlights_are_utf16_offsets() {
    let b = built();
    let mut index = Index::new(&b.core).unwrap();
    search(&mut index, &b, "知识库");
    let r = result(&index, 0);
    let excerpt = get(&r, "excerpt");
    let text = get(&excerpt, "text").as_string().unwrap();
    let marks = u32s(&get(&excerpt, "highlights"));
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[marks[0] as usize..marks[1] as usize]).unwrap(),
        "知识库"
    );
    assert_eq!(get(&r, "anchor").as_string().unwrap(), "steps");
}

#[wasm_bindgen_test]
fn damaged_or_mixed_files_throw() {
    let b = built();
    let mut truncated = b.core.clone();
    truncated.truncate(b.core.len() - 1);
    assert!(Index::new(&truncated).is_err());
    assert!(Index::new(b"\x1f\x8b\x08 still gzip").is_err());
    let mut index = Index::new(&b.core).unwrap();
    let other = {
        let mut x = IndexBuilder::new(BuildOptions::default());
        x.add(analyze(&Article {
            page: helpdex_core::Page {
                id: "x".into(),
                title: "Other".into(),
                ..helpdex_core::Page::default()
            },
            ..Article::default()
        }));
        x.finish()
    };
    assert!(index.add(1, 0, &other.postings[0]).is_err());
    assert!(index.add(0, 0, &other.vocabulary[0]).is_err());
    // Searching before the shards and chunks arrive is an error, not an empty answer.
    assert!(index.search("password", 10, true).is_err());
    let shards = index.missing("password", true);
    assert_eq!(shards[0], 0, "a vocabulary shard first");
    index
        .add(0, shards[1], &b.vocabulary[shards[1] as usize])
        .unwrap();
    assert!(index.search("password", 10, true).is_err());
}

fn u32s(v: &JsValue) -> Vec<u32> {
    Array::from(v)
        .iter()
        .map(|x| x.as_f64().unwrap() as u32)
        .collect()
}

/// The suggestion module: long text plans its own words, results carry a confidence (the
/// fourth number of each hit) and the words they matched; a plain search after it is plain.
#[cfg(feature = "suggest")]
#[wasm_bindgen_test]
fn suggestions_rank_long_text_with_confidence() {
    let b = built();
    let mut index = Index::new(&b.core).unwrap();
    let ticket =
        "Hi team,\nI changed my phone last week. How do I reset my password?\nThanks,\nAnna";
    load(&mut index, &b, |ix| ix.missing_suggest(ticket, true));
    let hits = index.suggest(ticket, 5, true).unwrap();
    assert_eq!(hits.len() % 4, 0);
    assert!((0.0..=1.0).contains(&hits[3]), "confidence {}", hits[3]);
    let chunk = hits[1] as u32;
    if index.results().is_none() {
        index.add(2, chunk, &b.fragments[chunk as usize]).unwrap();
    }
    let first = Array::from(&JSON::parse(&index.results().unwrap()).unwrap()).get(0);
    assert_eq!(get(&first, "id"), "reset.md");
    let matched: Vec<String> = Array::from(&get(&first, "matched"))
        .iter()
        .map(|w| w.as_string().unwrap())
        .collect();
    assert_eq!(matched, ["reset", "password"]);
    assert_eq!(search(&mut index, &b, "mail"), 1);
    assert!(get(&result(&index, 0), "matched").is_undefined());
}
