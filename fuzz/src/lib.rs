//! What the fuzz targets share: fixture indexes and the checks every search must pass.

use std::ops::Range;
use std::path::{Path, PathBuf};

use helpdex_core::index::build::{analyze, BuildOptions, BuiltIndex, IndexBuilder};
use helpdex_core::search::limits;
use helpdex_core::{Article, Excerpt, Heading, Index, Part, SearchOptions};

/// The sample help centers in `shared/` (real Markdown, English and Chinese), next to the
/// repository as in CI.
pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpora/samples")
}

/// A handful of English and Chinese articles, small enough to open on every run.
pub fn tiny_articles() -> Vec<Article> {
    let article = |id: &str, title: &str, body: &str, section: Option<(&str, &str)>| {
        let mut parts = vec![Part {
            heading: None,
            text: body.into(),
        }];
        if let Some((heading, text)) = section {
            parts.push(Part {
                heading: Some(Heading {
                    level: 2,
                    text: heading.into(),
                    anchor: heading.to_lowercase().replace(' ', "-"),
                }),
                text: text.into(),
            });
        }
        Article {
            page: helpdex_core::Page {
                id: id.into(),
                url: format!("/{id}"),
                title: title.into(),
                parts,
                ..helpdex_core::Page::default()
            },
            tags: vec!["account".into()],
            ..Article::default()
        }
    };
    vec![
        article(
            "reset",
            "Reset your password",
            "Open Settings, then Security, and choose Reset password.",
            Some(("If the link expired", "Request a new reset email.")),
        ),
        article(
            "outlook",
            "Outlook not responding",
            "Outlook stops responding when an add-in hangs. Start Outlook in safe mode.",
            Some(("Repair Office", "Run the Office repair tool.")),
        ),
        article(
            "mima",
            "密码管理",
            "在知识库中修改用户密码。忘记密码时，请联系管理员。",
            Some(("常见问题", "数据库连接失败怎么办？")),
        ),
        article(
            "cafe",
            "Café menu: naïve Ünïcödé",
            "Full-width ＡＢＣ, Ελληνικά, עברית, 😀 emoji.",
            None,
        ),
    ]
}

/// Builds `articles` in order, with small chunks so an index has several of each kind.
pub fn build(articles: &[Article], chunk_bytes: usize) -> BuiltIndex {
    let mut builder = IndexBuilder::new(BuildOptions {
        vocabulary_shard_bytes: chunk_bytes,
        postings_chunk_bytes: chunk_bytes,
        fragments_chunk_bytes: chunk_bytes,
        ..BuildOptions::default()
    });
    for a in articles {
        builder.add(analyze(a));
    }
    builder.finish()
}

/// Opens a built index with every chunk loaded.
pub fn open_all(built: &BuiltIndex) -> Index {
    built.open().expect("a fresh build opens")
}

/// Candidate terms one planned word may have at most: exact, the most completions, typos,
/// homophones and pinyin readings, as `search::limits` caps each.
pub fn max_candidates_per_word() -> usize {
    1 + limits::prefix_terms(usize::MAX)
        + limits::MAX_TYPO_TERMS
        + limits::MAX_HOMOPHONE_TERMS
        + limits::MAX_PINYIN_TERMS
}

/// What a search must deliver, whatever the query.
pub struct Expect<'a> {
    /// Every chunk is loaded and undamaged, so the search itself must succeed.
    pub intact: bool,
    /// The id of each doc number, when the fragments are the fixture's own.
    pub ids: Option<&'a [String]>,
}

/// Plans, searches and presents `query` like the browser module does, checking that the work
/// stays within the limits and that every result is an article of the index.
pub fn search_and_check(index: &Index, query: &str, typos: bool, limit: usize, expect: &Expect) {
    let plan = index.plan(query, typos);
    assert!(plan.words().count() <= limits::MAX_PLAN_WORDS);
    let most = max_candidates_per_word();
    for candidates in plan.candidates() {
        assert!(
            candidates.len() <= most,
            "{} candidates for one word of {query:?}",
            candidates.len()
        );
    }
    let hits = match index.search(&plan, &SearchOptions { limit, typos }) {
        Ok(hits) => hits,
        Err(e) if !expect.intact => {
            let _ = e.to_string();
            return;
        }
        Err(e) => panic!("search of {query:?} failed on an intact index: {e}"),
    };
    assert!(hits.len() <= limit);
    let mut docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    assert_eq!(docs.len(), hits.len(), "an article listed twice");
    for hit in &hits {
        assert!(hit.doc < index.docs(), "hit {} beyond the index", hit.doc);
        assert!(hit.score.is_finite(), "score {} for {query:?}", hit.score);
        let Some(shown) = index.present(&plan, hit) else {
            assert!(!expect.intact, "fragments of hit {} not loaded", hit.doc);
            continue;
        };
        if let Some(ids) = expect.ids {
            assert_eq!(shown.fragment.page.id, ids[hit.doc as usize]);
        }
        check_excerpt(&shown.title);
        check_excerpt(&shown.excerpt);
        for sub in &shown.sub_results {
            check_excerpt(&sub.excerpt);
        }
    }
}

/// Highlights are ascending, disjoint ranges on character boundaries of the text.
pub fn check_excerpt(excerpt: &Excerpt) {
    let mut end = 0;
    for Range { start, end: stop } in excerpt.highlights.iter().cloned() {
        assert!(start >= end && start <= stop, "{:?}", excerpt.highlights);
        assert!(
            excerpt.text.get(start..stop).is_some(),
            "highlight {start}..{stop} splits a character of {:?}",
            excerpt.text
        );
        end = stop;
    }
}
