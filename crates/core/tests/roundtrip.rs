//! Property tests: build → load → search round trips on random help centers.

mod common;

use std::collections::HashSet;

use helpdex_core::analysis::{FullFold, Tokenizer};
use helpdex_core::index::build::{analyze, BuildOptions, IndexBuilder};
use helpdex_core::{Article, Index, SearchOptions};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "outlook",
    "mailbox",
    "calendar",
    "password",
    "reset",
    "sharepoint",
    "library",
    "sync",
    "teams",
    "meeting",
    "license",
    "printer",
    "error",
    "crash",
    "update",
    "configuration",
    "知识库",
    "密码",
    "重置",
    "数据库",
    "日历",
    "café",
    "Ünïcödé",
    "2016",
    "0x80070005",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..max).prop_map(|w| w.join(" "))
}

fn corpus() -> impl Strategy<Value = Vec<Article>> {
    prop::collection::vec((text(5), text(40)), 1..16).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (title, body))| common::article(&format!("doc{i:02}"), &title, &body, &[]))
            .collect()
    })
}

fn terms_of(article: &Article) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut tokenizer = Tokenizer::new(&FullFold);
    for t in std::iter::once(&article.page.title).chain(article.page.parts.iter().map(|p| &p.text))
    {
        tokenizer.tokenize(t, 0, |tok| {
            out.insert(tok.term.to_string());
        });
    }
    out
}

/// Queries as people type them: words of the corpus whole, cut short, misspelled, as pinyin
/// or initials, and a last word still being typed.
fn typed_query() -> impl Strategy<Value = String> {
    let word = (prop::sample::select(WORDS), 0..6usize, any::<u8>()).prop_map(|(w, how, at)| {
        let chars: Vec<char> = w.chars().collect();
        let at = at as usize % chars.len();
        match how {
            0 => chars[..=at].iter().collect(),
            1 => chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != at)
                .map(|(_, c)| c)
                .collect(),
            2 if chars.len() > 1 => {
                let mut c = chars.clone();
                c.swap(at.min(chars.len() - 2), at.min(chars.len() - 2) + 1);
                c.into_iter().collect()
            }
            _ => w.to_string(),
        }
    });
    let pinyin = prop::sample::select(
        &[
            "mima", "chongzhi", "zhishiku", "mm", "shujuku", "rili", "zsk",
        ][..],
    );
    (
        prop::collection::vec(
            prop_oneof![3 => word, 1 => pinyin.prop_map(String::from)],
            1..4,
        ),
        any::<bool>(),
    )
        .prop_map(|(words, typing)| words.join(" ") + if typing { "" } else { " " })
}

/// Builds `articles` with `options`.
fn built(articles: &[Article], options: BuildOptions) -> helpdex_core::index::build::BuiltIndex {
    let mut b = IndexBuilder::new(options);
    articles.iter().for_each(|a| b.add(analyze(a)));
    b.finish()
}

fn everything(index: &Index) -> SearchOptions {
    SearchOptions {
        limit: index.docs() as usize,
        typos: true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A query for a word finds every article that contains it, and every hit contains one of
    /// the candidate terms the query expanded to.
    #[test]
    fn every_hit_matches_and_nothing_is_missed(articles in corpus(), pick in 0usize..WORDS.len()) {
        let ix = common::index(&articles);
        let word = WORDS[pick];
        let plan = ix.plan(&format!("{word} "), true);
        let hits = ix.search(&plan, &everything(&ix)).unwrap();
        let candidates: HashSet<&str> =
            plan.candidates().flatten().map(|c| c.term.as_str()).collect();
        let hit_docs: HashSet<u32> = hits.iter().map(|h| h.doc).collect();
        let mut query_terms = HashSet::new();
        Tokenizer::new(&FullFold).tokenize(word, 0, |t| { query_terms.insert(t.term.to_string()); });
        for (doc, a) in articles.iter().enumerate() {
            let terms = terms_of(a);
            if query_terms.iter().all(|t| terms.contains(t)) {
                prop_assert!(hit_docs.contains(&(doc as u32)), "{word:?} misses {}", a.page.id);
            }
            if hit_docs.contains(&(doc as u32)) {
                prop_assert!(terms.iter().any(|t| candidates.contains(t.as_str())),
                    "{} is a hit for {word:?} without any candidate term", a.page.id);
            }
        }
    }

    /// A vocabulary split into many small shards answers every query exactly as one shard
    /// does: the same candidates, hits and scores.
    #[test]
    fn sharding_the_vocabulary_changes_no_result(articles in corpus(), q in typed_query()) {
        let small = built(&articles, BuildOptions { vocabulary_shard_bytes: 24, ..BuildOptions::default() });
        let one = built(&articles, BuildOptions { vocabulary_shard_bytes: usize::MAX, ..BuildOptions::default() });
        prop_assert_eq!(one.vocabulary.len(), 1);
        let (small, one) = (small.open().unwrap(), one.open().unwrap());
        prop_assert!(small.vocabulary_shards() > 1 || small.terms() < 8);
        let (ps, po) = (small.plan(&q, true), one.plan(&q, true));
        prop_assert_eq!(
            format!("{:?}", ps.candidates().collect::<Vec<_>>()),
            format!("{:?}", po.candidates().collect::<Vec<_>>())
        );
        let (hs, ho) = (small.search(&ps, &everything(&small)).unwrap(), one.search(&po, &everything(&one)).unwrap());
        let key = |h: &helpdex_core::Hit| (h.doc, h.score.to_bits());
        prop_assert_eq!(hs.iter().map(key).collect::<Vec<_>>(), ho.iter().map(key).collect::<Vec<_>>());
    }

    /// The same articles give the same bytes, file for file.
    #[test]
    fn builds_are_deterministic(articles in corpus()) {
        let build = || {
            let mut b = IndexBuilder::new(BuildOptions::default());
            articles.iter().for_each(|a| b.add(analyze(a)));
            b.finish()
        };
        let (x, y) = (build(), build());
        prop_assert_eq!(x.core, y.core);
        prop_assert_eq!(x.vocabulary, y.vocabulary);
        prop_assert_eq!(x.postings, y.postings);
        prop_assert_eq!(x.fragments, y.fragments);
    }

    /// Starting from the core alone, loading exactly the shards and chunks a plan asks for is
    /// enough, and gives the hits of an index with every file loaded.
    #[test]
    fn missing_chunks_are_exactly_what_search_needs(articles in corpus(), q in typed_query()) {
        let mut b = IndexBuilder::new(BuildOptions { vocabulary_shard_bytes: 32, postings_chunk_bytes: 64, fragments_chunk_bytes: 64, ..BuildOptions::default() });
        articles.iter().for_each(|a| b.add(analyze(a)));
        let built = b.finish();
        let mut ix = Index::open(&built.core).unwrap();
        let plan = loop {
            let plan = ix.plan(&q, true);
            if plan.missing_vocabulary().is_empty() {
                break plan;
            }
            for &n in plan.missing_vocabulary() {
                prop_assert!(!ix.has_vocabulary(n));
                ix.add_vocabulary(n, &built.vocabulary[n as usize]).unwrap();
            }
        };
        let all = built.open().unwrap();
        let all_plan = all.plan(&q, true);
        prop_assert_eq!(
            format!("{:?}", plan.candidates().collect::<Vec<_>>()),
            format!("{:?}", all_plan.candidates().collect::<Vec<_>>())
        );
        for n in ix.missing_postings(&plan) {
            ix.add_postings(n, &built.postings[n as usize]).unwrap();
        }
        prop_assert!(ix.missing_postings(&plan).is_empty());
        let hits = ix.search(&plan, &everything(&ix)).unwrap();
        for h in &hits {
            let chunk = ix.fragments_chunk_of(h.doc);
            ix.add_fragments(chunk, &built.fragments[chunk as usize]).unwrap();
        }
        for h in &hits {
            prop_assert!(ix.present(&plan, h).is_some());
        }
    }

    /// Adding an article in another script never removes a hit that an exact, prefix or typo
    /// reading of a Latin query found before (a Latin word that also reads as pinyin keeps its
    /// own readings).
    #[test]
    fn another_script_never_removes_latin_hits(
        articles in latin_corpus(),
        chinese in prop::collection::vec(prop::sample::select(HAN), 1..12),
        pick in 0usize..LATIN.len(),
        form in 0usize..4,
    ) {
        let word = LATIN[pick];
        let query = match form {
            0 => format!("{word} "),                                   // exact
            1 => word[..word.len().min(4)].to_string(),                // prefix, being typed
            2 => format!("{}{} ", &word[..word.len() - 2], &word[word.len() - 1..]), // a deletion
            _ => format!("{} ", &word[..word.len() - 1]).replace(' ', "x "), // a substitution
        };
        let before = common::index(&articles);
        let found = hits_of(&before, &query);
        let mut more = articles.clone();
        more.push(common::article("zh", "中文", &chinese.join(" "), &[]));
        let after = common::index(&more);
        let still = hits_of(&after, &query);
        for doc in &found {
            prop_assert!(still.contains(doc), "{query:?} lost {doc} after adding {chinese:?}");
        }
    }
}

/// Latin words, some of which also read as pinyin syllables (`palette`: pa-le-t…, `dialog`:
/// di-a-lo…, `script`: s-c…): the words whose readings the Chinese article may add.
const LATIN: &[&str] = &[
    "palette",
    "dialog",
    "script",
    "scrollbars",
    "layer",
    "mailbox",
    "calendar",
    "password",
    "reset",
    "sharepoint",
    "teams",
    "meeting",
    "license",
    "printer",
    "change",
    "shadow",
    "banner",
    "zoom",
    "angle",
    "xian",
];

/// Han words whose characters read as many of the Latin words' syllables and initials.
const HAN: &[&str] = &[
    "帕乐特",
    "怕了",
    "特别",
    "色彩",
    "删除",
    "输出",
    "生成",
    "上传",
    "双层",
    "三次",
    "知识库",
    "中文",
    "你好",
    "密码",
    "大量",
    "拉了",
    "阿里",
    "西安",
    "长城",
    "沙发",
];

fn latin_corpus() -> impl Strategy<Value = Vec<Article>> {
    let text =
        |max| prop::collection::vec(prop::sample::select(LATIN), 0..max).prop_map(|w| w.join(" "));
    prop::collection::vec((text(4), text(30)), 1..12).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (title, body))| common::article(&format!("doc{i:02}"), &title, &body, &[]))
            .collect()
    })
}

/// Ids of every hit for `query`.
fn hits_of(ix: &Index, query: &str) -> HashSet<String> {
    let plan = ix.plan(query, true);
    let hits = ix.search(&plan, &everything(ix)).unwrap();
    hits.iter()
        .map(|h| ix.fragment(h.doc).unwrap().page.id.clone())
        .collect()
}
