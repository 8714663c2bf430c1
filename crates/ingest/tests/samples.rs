//! The shared corpora: real help-center Markdown, as files and as JSON Lines records.

use std::collections::HashMap;
use std::path::PathBuf;

use helpdex_core::Article;
use helpdex_ingest::{read, Ingested, Options, Sources};

fn shared(path: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpora"
    ))
    .join(path)
}

fn ingest(path: &str) -> Ingested {
    let opts = Options::default();
    let sources = Sources::discover(&[shared(path)], &opts).expect("shared corpus is readable");
    read(sources, &opts, &|_| {})
}

fn article<'a>(ingested: &'a Ingested, id: &str) -> &'a Article {
    ingested
        .articles
        .iter()
        .find(|a| a.page.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

/// (level, text, anchor) of every heading.
fn headings(article: &Article) -> Vec<(u8, &str, &str)> {
    article
        .page
        .parts
        .iter()
        .filter_map(|p| p.heading.as_ref())
        .map(|h| (h.level, h.text.as_str(), h.anchor.as_str()))
        .collect()
}

#[test]
fn en_markdown_sample_reads_all_50_and_ignores_source_txt() {
    let ingested = ingest("samples/en-help-md");
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    assert!(ingested.skipped.is_empty());
    assert_eq!(ingested.articles.len(), 50);
    assert!(ingested.articles.iter().all(|a| a.page.id.ends_with(".md")));
    let ids: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "articles come sorted by id");

    let a = article(
        &ingested,
        "Outlook/Client/message-body/hyperlinks-not-working-in-outlook.md",
    );
    assert_eq!(a.page.title, "Hyperlinks are not working");
    assert_eq!(
        a.page.url,
        "/Outlook/Client/message-body/hyperlinks-not-working-in-outlook"
    );
    assert_eq!(a.page.updated.as_deref(), Some("2024-01-30"));
    assert!(a
        .description
        .as_deref()
        .unwrap()
        .starts_with("You receive an error message"));
    // The body's H1 is longer than the front-matter title, so it stays as a heading.
    let h = headings(a);
    assert_eq!(
        h[..3],
        [
            (
                1,
                "Hyperlinks are not working in Outlook",
                "hyperlinks-are-not-working-in-outlook"
            ),
            (2, "Symptoms", "symptoms"),
            (2, "Resolution", "resolution"),
        ]
    );
    assert!(h.contains(&(
        3,
        "Method 1: Reset Internet Explorer settings",
        "method-1-reset-internet-explorer-settings"
    )));
    let symptoms = &a.page.parts[1].text;
    assert!(symptoms.starts_with("After you install the Outlook Desktop July 11th"));
    assert!(
        !symptoms.contains("[!NOTE]"),
        "DocFX marker kept: {symptoms}"
    );
    assert!(!symptoms.contains("https://"), "link URL kept: {symptoms}");
}

#[test]
fn zh_markdown_sample_reads_all_50_with_chinese_anchors() {
    let ingested = ingest("samples/zh-help-md");
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    assert_eq!(ingested.articles.len(), 50);

    let a = article(
        &ingested,
        "ai/integrations/vector-search-auto-embedding-openai.md",
    );
    assert_eq!(a.page.title, "OpenAI 向量嵌入");
    assert_eq!(
        a.page.url,
        "/ai/integrations/vector-search-auto-embedding-openai"
    );
    // `summary` stands in for `description`.
    assert_eq!(
        a.description.as_deref(),
        Some("了解如何在 TiDB Cloud 中使用 OpenAI 向量嵌入模型。")
    );
    // The H1 repeats the title, so the text under it is the first, heading-less part.
    assert_eq!(a.page.parts[0].heading, None);
    assert!(a.page.parts[0]
        .text
        .starts_with("本文档介绍如何在 TiDB Cloud 中结合 Auto Embedding 使用"));
    let h = headings(a);
    assert_eq!(h[0], (2, "可用模型", "可用模型"));
    assert_eq!(h[1], (2, "使用示例", "使用示例"));
    assert!(h.contains(&(2, "使用 Azure OpenAI", "使用-azure-openai")));

    let filtering = article(&ingested, "ai/guides/filtering.md");
    let h = headings(filtering);
    assert!(
        h.contains(&(2, "字典过滤器", "dictionary-filters")),
        "{h:?}"
    );
    assert!(h.contains(&(3, "比较运算符", "compare-operators")), "{h:?}");

    let import = article(&ingested, "sql-statements/sql-statement-import-into.md");
    let h = headings(import);
    assert!(
        h.contains(&(
            2,
            "IMPORT INTO ... FROM FILE 使用说明",
            "import-into--from-file-使用说明"
        )),
        "{h:?}"
    );
    // Every article repeats "另请参阅"-style headings at most once, so anchors are unique.
    for article in &ingested.articles {
        let anchors: Vec<&str> = headings(article).iter().map(|h| h.2).collect();
        let mut unique = anchors.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(anchors.len(), unique.len(), "{}", article.page.id);
    }
}

/// The corpora were made from the same files, so titles must agree.
#[test]
fn markdown_samples_give_the_corpus_titles() {
    for (sample, corpus, repo) in [
        (
            "samples/en-help-md",
            "en-help.jsonl.gz",
            "MicrosoftDocs/OfficeDocs-Support",
        ),
        ("samples/zh-help-md", "zh-help.jsonl.gz", "pingcap/docs-cn"),
    ] {
        let records = ingest(corpus);
        let titles: HashMap<&str, &str> = records
            .articles
            .iter()
            .map(|a| (a.page.id.as_str(), a.page.title.as_str()))
            .collect();
        let files = ingest(sample);
        assert_eq!(files.articles.len(), 50);
        for article in &files.articles {
            let id = format!("{repo}:{}", article.page.id);
            let expected = titles
                .get(id.as_str())
                .unwrap_or_else(|| panic!("{id} not in {corpus}"));
            assert_eq!(&article.page.title, expected, "{id}");
        }
    }
}

#[test]
fn en_help_corpus_ingests_without_problems() {
    let ingested = ingest("en-help.jsonl.gz");
    assert!(
        ingested.problems.is_empty(),
        "{:?}",
        &ingested.problems[..3.min(ingested.problems.len())]
    );
    assert_eq!(ingested.articles.len(), 2446);
    let a = article(
        &ingested,
        "MicrosoftDocs/OfficeDocs-Support:Outlook/Client/message-body/hyperlinks-not-working-in-outlook.md",
    );
    assert_eq!(a.page.title, "Hyperlinks are not working");
    assert_eq!(
        a.page.url,
        "https://learn.microsoft.com/en-us/outlook/troubleshoot/message-body/hyperlinks-not-working-in-outlook"
    );
    assert_eq!(a.page.section.as_deref(), Some("Outlook"));
    assert_eq!(a.page.lang.as_deref(), Some("en"));
    assert!(a.tags.iter().any(|t| t == "Outlook 2016"), "{:?}", a.tags);
    assert_eq!(headings(a)[1], (2, "Symptoms", "symptoms"));
}

/// zh-help has five sub-folder `_index.md` pages that the corpus maps to one url; all are
/// kept, and the other four are reported as warnings naming the first.
#[test]
fn zh_help_corpus_reports_its_duplicate_urls() {
    let ingested = ingest("zh-help.jsonl.gz");
    assert_eq!(ingested.articles.len(), 1202);
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    assert_eq!(ingested.warnings.len(), 4, "{:?}", ingested.warnings);
    for problem in &ingested.warnings {
        let message = problem.to_string();
        assert!(
            message.contains(
                "duplicate url \"https://docs.pingcap.com/zh/tidb/dev/_index\": already used by"
            ) && message.ends_with("zh-help.jsonl.gz:3"),
            "{message}"
        );
    }
}

/// Slow in a debug build; run with `cargo test --release -p helpdex-ingest -- --ignored`.
#[test]
#[ignore]
fn en_large_corpus_ingests_without_problems() {
    let ingested = ingest("en-large.jsonl.gz");
    assert!(
        ingested.problems.is_empty(),
        "{:?}",
        &ingested.problems[..3.min(ingested.problems.len())]
    );
    assert_eq!(ingested.articles.len(), 48207);
}
