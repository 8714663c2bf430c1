//! Small sites in each input format, read the way `helpdex build` reads them.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use helpdex_core::Article;
use helpdex_ingest::{read, Ingested, Options, Sources};

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn ingest(inputs: &[PathBuf], opts: &Options) -> Ingested {
    let ingested = read(Sources::discover(inputs, opts).unwrap(), opts, &|_| {});
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    ingested
}

/// Each part as (heading as (level, text, anchor), text).
type Summary<'a> = Vec<(Option<(u8, &'a str, &'a str)>, &'a str)>;

fn summary(a: &Article) -> Summary<'_> {
    a.page
        .parts
        .iter()
        .map(|p| {
            (
                p.heading
                    .as_ref()
                    .map(|h| (h.level, h.text.as_str(), h.anchor.as_str())),
                p.text.as_str(),
            )
        })
        .collect()
}

#[test]
fn html_site() {
    let site = tempfile::tempdir().unwrap();
    write(
        site.path(),
        "index.html",
        r#"<!doctype html><html lang="zh-CN"><head><title>帮助中心</title></head>
        <body><header>Logo</header><nav>菜单</nav><main><h1>帮助中心</h1><p>欢迎。</p></main></body></html>"#,
    );
    write(
        site.path(),
        "billing/refunds.html",
        r#"<html lang="en"><head><title>Refunds – Help</title>
        <meta name="description" content="Get your money back."><meta name="keywords" content="refund, money"></head>
        <body><nav>Home / Billing</nav>
        <article><h1>Refunds</h1><p>Refunds take <em>5 days</em>.</p>
        <h2 id="eligibility">Who can get one?</h2><ul><li>Everyone</li><li>Within 30 days</li></ul>
        <h2>How to ask</h2><p>Write to us.</p><div data-helpdex-ignore>Rate this page</div></article>
        <footer>© Example</footer></body></html>"#,
    );
    write(
        site.path(),
        "billing/index.htm",
        "<h1>Billing</h1><p>All about billing.</p>",
    );
    write(
        site.path(),
        "assets/app.js",
        "console.log('not an article')",
    );
    write(site.path(), ".cache/old.html", "<h1>Stale</h1>");
    write(
        site.path(),
        "node_modules/pkg/readme.html",
        "<h1>Vendor</h1>",
    );

    let ingested = ingest(&[site.path().to_path_buf()], &Options::default());
    let ids: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["billing/index.htm", "billing/refunds.html", "index.html"]
    );

    let [billing, refunds, home] = &ingested.articles[..] else {
        unreachable!()
    };
    assert_eq!(
        (billing.page.url.as_str(), billing.page.title.as_str()),
        ("/billing/", "Billing")
    );
    assert_eq!(home.page.url, "/");
    assert_eq!(home.page.title, "帮助中心");
    assert_eq!(home.page.lang.as_deref(), Some("zh-CN"));
    assert_eq!(summary(home), [(None, "欢迎。")]);

    assert_eq!(refunds.page.url, "/billing/refunds.html");
    assert_eq!(refunds.page.title, "Refunds");
    assert_eq!(refunds.page.lang.as_deref(), Some("en"));
    assert_eq!(refunds.description.as_deref(), Some("Get your money back."));
    assert_eq!(refunds.tags, ["refund", "money"]);
    // "How to ask" has no id, so no anchor a link could use: it is part of the section before.
    assert_eq!(
        summary(refunds),
        [
            (None, "Refunds take 5 days."),
            (
                Some((2, "Who can get one?", "eligibility")),
                "Everyone\nWithin 30 days\nHow to ask\nWrite to us."
            ),
        ]
    );
}

#[test]
fn markdown_site_urls_and_metadata() {
    let docs = tempfile::tempdir().unwrap();
    write(docs.path(), "_index.md", "# Help\n\nStart here.");
    write(
        docs.path(),
        "account/reset-password.markdown",
        "\u{feff}---\r\ntitle: Reset your password\r\nslug: reset\r\ntags: [account, security]\r\nsection: Account\r\nlang: en\r\n---\r\n\r\n# Reset your password\r\n\r\nOpen settings.\r\n",
    );
    write(
        docs.path(),
        "account/index.md",
        "+++\ntitle = \"Account\"\nupdated = 2024-03-01\n+++\nManage it.",
    );
    write(docs.path(), "no-title.md", "Just some text, no heading.");

    let opts = Options {
        base_url: "https://help.example/docs".into(),
        ..Options::default()
    };
    let ingested = ingest(&[docs.path().to_path_buf()], &opts);
    let got: Vec<(&str, &str, &str)> = ingested
        .articles
        .iter()
        .map(|a| {
            (
                a.page.id.as_str(),
                a.page.url.as_str(),
                a.page.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("_index.md", "https://help.example/docs/", "Help"),
            (
                "account/index.md",
                "https://help.example/docs/account/",
                "Account"
            ),
            (
                "account/reset-password.markdown",
                "https://help.example/docs/account/reset",
                "Reset your password"
            ),
            (
                "no-title.md",
                "https://help.example/docs/no-title",
                "no-title"
            ),
        ]
    );
    let reset = &ingested.articles[2];
    assert_eq!(reset.tags, ["account", "security"]);
    assert_eq!(reset.page.section.as_deref(), Some("Account"));
    assert_eq!(reset.page.lang.as_deref(), Some("en"));
    assert_eq!(summary(reset), [(None, "Open settings.")]);
    assert_eq!(
        ingested.articles[1].page.updated.as_deref(),
        Some("2024-03-01")
    );
}

#[test]
fn tinysearch_json() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "index.json",
        r#"[
  {"title": "First post", "url": "/first/", "body": "Hello\nworld"},
  {"title": "Second post", "url": "/second/", "body": "More text"}
]"#,
    );
    let ingested = ingest(&[dir.path().join("index.json")], &Options::default());
    let got: Vec<(&str, &str, &str)> = ingested
        .articles
        .iter()
        .map(|a| {
            (
                a.page.id.as_str(),
                a.page.url.as_str(),
                a.page.title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("/first/", "/first/", "First post"),
            ("/second/", "/second/", "Second post")
        ]
    );
    assert_eq!(summary(&ingested.articles[0]), [(None, "Hello\nworld")]);
}

#[test]
fn tinysearch_bad_entry_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "index.json",
        "[\n  {\"title\": \"Ok\", \"url\": \"/ok/\", \"body\": \"x\"},\n  {\"title\": \"No url\", \"body\": \"x\"}\n]",
    );
    let opts = Options::default();
    let ingested = read(
        Sources::discover(&[dir.path().join("index.json")], &opts).unwrap(),
        &opts,
        &|_| {},
    );
    assert_eq!(ingested.articles.len(), 1);
    assert_eq!(ingested.problems.len(), 1);
    let problem = ingested.problems[0].to_string();
    assert!(
        problem.ends_with("index.json:3: bad record: missing field `url` (column 34)"),
        "{problem}"
    );
}

#[test]
fn mixed_inputs_report_progress_and_come_back_sorted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/b.md", "# B\n\ntext");
    write(dir.path(), "docs/a.html", "<h1>A</h1><p>text</p>");
    write(
        dir.path(),
        "more.jsonl",
        "{\"id\":\"0\",\"url\":\"/0\",\"title\":\"Zero\",\"body\":\"text\"}\n",
    );
    write(dir.path(), "single.md", "# Single\n\ntext");
    let inputs = [
        dir.path().join("single.md"),
        dir.path().join("more.jsonl"),
        dir.path().join("docs"),
    ];
    let opts = Options::default();
    let sources = Sources::discover(&inputs, &opts).unwrap();
    assert_eq!(sources.len(), 4);
    let total = sources.total_bytes();
    let seen = AtomicU64::new(0);
    let ingested = read(sources, &opts, &|n| {
        seen.fetch_add(n, Ordering::Relaxed);
    });
    assert_eq!(seen.into_inner(), total);
    let ids: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect();
    assert_eq!(ids, ["0", "a.html", "b.md", "single.md"]);
    assert_eq!(ingested.articles[3].page.url, "/single");

    // Same input, any order of arguments: same articles.
    let reversed: Vec<PathBuf> = inputs.iter().rev().cloned().collect();
    assert_eq!(ingest(&reversed, &opts).articles, ingested.articles);
}

/// A page of a site whose layout helpdex has no rule for: plain `<div>`s around the article.
fn unknown_layout(title: &str, article: &str, next: &str) -> String {
    format!(
        r#"<html><head><title>{title} | Example Docs</title></head><body>
        <div class="top"><a href="/">Example Docs</a> · <a href="/tags/">Tags</a></div>
        <div class="left"><div>Browse</div><ul><li><a href="/a.html">Alpha</a></li><li><a href="/b.html">Beta</a></li><li><a href="/c.html">Gamma</a></li></ul></div>
        <div class="middle">{article}<div class="pn"><a href="{next}">Next: {next}</a></div></div>
        <div class="bottom">Copyright Example Footer Company · <a href="/privacy">Privacy</a></div>
        </body></html>"#
    )
}

#[test]
fn unknown_layouts_lose_link_bars_and_the_lines_every_page_repeats() {
    let site = tempfile::tempdir().unwrap();
    let pages = [
        ("a.html", "<h2 id=\"one\">Alpha one</h2><p>Alpha is the first letter of the Greek alphabet, a vowel.</p>"),
        ("b.html", "<p>Beta comes second; it is written with two strokes.</p><h2 id=\"two\">Beta two</h2><p>Its sound is b.</p>"),
        ("c.html", "<p>Gamma is third, and the only one here without a heading of its own.</p>"),
    ];
    for (name, article) in pages {
        write(
            site.path(),
            name,
            &unknown_layout(&name[..1].to_uppercase(), article, "x.html"),
        );
    }
    let ingested = ingest(&[site.path().to_path_buf()], &Options::default());
    let [a, b, c] = &ingested.articles[..] else {
        panic!("{:?}", ingested.articles)
    };
    // No <h1>: the title is <title> without the " | Example Docs" every page has.
    assert_eq!(
        (
            a.page.title.as_str(),
            b.page.title.as_str(),
            c.page.title.as_str()
        ),
        ("A", "B", "C")
    );
    assert_eq!(
        summary(a),
        [(
            Some((2, "Alpha one", "one")),
            "Alpha is the first letter of the Greek alphabet, a vowel."
        )]
    );
    assert_eq!(
        summary(b),
        [
            (None, "Beta comes second; it is written with two strokes."),
            (Some((2, "Beta two", "two")), "Its sound is b."),
        ]
    );
    assert_eq!(
        summary(c),
        [(
            None,
            "Gamma is third, and the only one here without a heading of its own."
        )]
    );
}

#[test]
fn pages_that_are_no_answers_are_skipped_with_their_reason() {
    let site = tempfile::tempdir().unwrap();
    let article =
        "<div role=\"main\"><h1>Sign in</h1><p>Use the address you registered with.</p></div>";
    write(site.path(), "sign-in.html", article);
    write(site.path(), "404.html", article);
    write(
        site.path(),
        "search.html",
        "<div role=\"main\"><h1>Search</h1><form><input name=\"q\"></form></div>",
    );
    write(
        site.path(),
        "old.html",
        "<meta http-equiv=\"refresh\" content=\"0; url=sign-in.html\">",
    );
    write(
        site.path(),
        "draft.html",
        &format!("<meta name=\"robots\" content=\"NOINDEX\">{article}"),
    );
    write(
        site.path(),
        "genindex.html",
        "<div role=\"main\"><h1>Index</h1><table class=\"indextable genindextable\"><tr><td><a href=\"sign-in.html\">sign in</a></td></tr></table></div>",
    );
    write(
        site.path(),
        "contents.html",
        "<div role=\"main\"><h1>Contents</h1><ul><li><a href=\"sign-in.html\">Sign in</a></li><li><a href=\"sign-in.html#x\">With a passkey</a></li></ul></div>",
    );
    let ingested = ingest(&[site.path().to_path_buf()], &Options::default());
    let ids: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect();
    assert_eq!(ids, ["sign-in.html"]);
    let skipped: Vec<String> = ingested
        .skipped
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s.path.file_name().unwrap().to_string_lossy(),
                s.reason
            )
        })
        .collect();
    assert_eq!(
        skipped,
        [
            "404.html: error page",
            "contents.html: index page",
            "draft.html: noindex page",
            "genindex.html: index page",
            "old.html: redirect",
            "search.html: search page",
        ]
    );
}

#[test]
fn include_and_exclude_pick_files_of_folders() {
    let site = tempfile::tempdir().unwrap();
    for name in [
        "guide/a.html",
        "guide/b.md",
        "api/genindex-A.html",
        "_static/x.html",
    ] {
        write(site.path(), name, "<h1>T</h1><p>Some words.</p>");
    }
    let opts = Options {
        include: vec!["guide/**".into(), "api/*".into()],
        exclude: vec!["genindex*.html".into()],
        ..Options::default()
    };
    let sources = Sources::discover(&[site.path().to_path_buf()], &opts).unwrap();
    assert_eq!(sources.excluded(), 2);
    let ingested = read(sources, &opts, &|_| {});
    let ids: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect();
    assert_eq!(ids, ["guide/a.html", "guide/b.md"]);
}
