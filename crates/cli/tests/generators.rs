//! Real sites from real documentation generators, indexed the way their users would.
//!
//! Each test builds the small help center in `tests/generators/` (the same pages in every
//! generator's source format) with a generator that `build/setup.sh` installs, runs
//! `helpdex build SITE --out SITE/helpdex` on the output, and checks:
//!
//! 1. the index holds exactly the article pages: index, search, 404 and redirect pages are
//!    skipped, and the build summary says how many and why;
//! 2. every heading anchor of every article, and every anchor a search returns, is an `id`
//!    (or `<a name>`) of its page;
//! 3. no chrome text (site name, navigation, footers, permalink marks) is in any title,
//!    heading, text or excerpt, and the pages' own sentences all are;
//! 4. titles carry no `¶` and no site name, and searching a title finds its page first.
//!
//! They are `#[ignore]`d, since they need the generators; `build/test.sh` runs them with
//! `--ignored`. A missing generator fails the test with what to install.

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use helpdex_ingest::{read, Options, Sources};
use scraper::Html;

/// Text that only the generators' chrome has: the sites are called "Contoso Docs" and their
/// footers name "Contoso Footer Ltd", words no page uses.
const CHROME: &[&str] = &[
    "Contoso",
    "¶",
    "Navigation",
    "Quick search",
    "Show Source",
    "Created using",
    "Powered by",
    "Table of Contents",
    "Table of contents",
    "Previous topic",
    "Next topic",
    "This Page",
    "Previous:",
    "Next:",
    "Next page",
    "Previous page",
    "Edit this page",
    "Skip to content",
    "Made with",
    "Back to top",
    "On this page",
    "Privacy",
    "Menu",
    "Tags",
    "Home",
    "上一页",
    "下一页",
    "起始页",
    "目录",
    "版权",
];

/// Sentences of the pages every generator has, which must all be indexed.
const SENTENCES: &[&str] = &[
    "The link in the email is valid for 24 hours.",
    "如果重置链接已经过期，请重新申请一封邮件，旧链接会自动失效。",
    "Invoices are kept for seven years.",
    "Germany",
    "表格软件可以直接打开导出的文件。",
    "format=json",
    "Error 1042 means the local copy is newer than the server copy.",
    "退出账号后重新登录，可以刷新过期的同步令牌。",
];
/// The home page's sentence (all but DocBook have a home page).
const HOME: &str = "These pages answer the questions our support team hears most often.";
/// The page without an `<h1>` (Markdown generators only).
const CONTACT: &str = "we answer within one working day";

/// Words to search for beside the articles' titles and headings: chrome words, which must
/// find nothing but article text.
const PROBES: &[&str] = &[
    "navigation",
    "previous",
    "next",
    "contoso",
    "copyright",
    "index",
    "search",
    "edit this page",
    "上一页",
    "目录",
];

fn generators_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/generators")
}

/// What a site must give.
struct Expect {
    /// Article ids (paths in the site), sorted.
    articles: &'static [&'static str],
    /// The build summary's `skipped …` line.
    skipped: &'static str,
    /// Whether the site has the home page and the contact page (no `<h1>`).
    home: bool,
    contact: bool,
}

/// Runs a generator, failing with what to install when it is missing.
fn run(mut cmd: Command, what: &str) {
    let shown = format!("{cmd:?}");
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what} is not installed ({e}): run build/setup.sh\n  {shown}"));
    assert!(
        out.status.success(),
        "{shown} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_name() == "node_modules" {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn venv_tool(name: &str) -> Command {
    Command::new(generators_dir().join(".venv/bin").join(name))
}

fn sphinx(theme: Option<&str>, out: &Path) {
    let mut cmd = venv_tool("sphinx-build");
    cmd.args(["-q", "-b", "html"]);
    if let Some(theme) = theme {
        cmd.args(["-D", &format!("html_theme={theme}")]);
    }
    cmd.arg(generators_dir().join("sphinx")).arg(out);
    run(cmd, "Sphinx");
}

/// The shared Markdown pages, copied into `dir`.
fn content_into(dir: &Path) {
    copy_dir(&generators_dir().join("content"), dir);
}

fn mkdocs(theme: &str, work: &Path, out: &Path) {
    fs::copy(
        generators_dir().join("mkdocs/mkdocs.yml"),
        work.join("mkdocs.yml"),
    )
    .unwrap();
    content_into(&work.join("docs"));
    let mut cmd = venv_tool("mkdocs");
    cmd.args(["build", "-q", "-t", theme, "-f"])
        .arg(work.join("mkdocs.yml"))
        .arg("-d")
        .arg(out)
        .env("NO_MKDOCS_2_WARNING", "1");
    run(cmd, "MkDocs");
}

fn hugo(work: &Path, out: &Path) {
    copy_dir(&generators_dir().join("hugo"), work);
    let content = work.join("content");
    content_into(&content);
    // Hugo's home page is a list page, and those are `_index.md`.
    fs::rename(content.join("index.md"), content.join("_index.md")).unwrap();
    let mut cmd = Command::new("hugo");
    cmd.args(["--quiet", "-s"]).arg(work).arg("-d").arg(out);
    run(cmd, "Hugo (Debian package hugo)");
}

/// Chunked HTML like the GIMP manual's: one page per chapter and first-level section, named by
/// id. `flavour` is `html` (`<a name>` anchors) or `xhtml` (`<a id>`).
fn docbook(flavour: &str, out: &Path) {
    let stylesheet = format!("/usr/share/xml/docbook/stylesheet/docbook-xsl/{flavour}/chunk.xsl");
    let mut base = out.as_os_str().to_owned();
    base.push("/");
    let mut cmd = Command::new("xsltproc");
    cmd.arg("--nonet")
        .arg("--stringparam")
        .arg("base.dir")
        .arg(base)
        .args(["--stringparam", "use.id.as.filename", "1"])
        .args(["--stringparam", "chunk.section.depth", "1"])
        .args(["--stringparam", "chunker.output.encoding", "UTF-8"])
        .arg(stylesheet)
        .arg(generators_dir().join("docbook/book.xml"));
    run(
        cmd,
        "DocBook XSL (Debian packages xsltproc docbook-xsl docbook-xml)",
    );
}

fn vitepress(work: &Path, out: &Path) {
    let package = generators_dir().join("vitepress");
    let docs = work.join("docs");
    content_into(&docs);
    copy_dir(&package.join(".vitepress"), &docs.join(".vitepress"));
    // VitePress resolves its theme from the project's node_modules.
    std::os::unix::fs::symlink(package.join("node_modules"), work.join("node_modules")).unwrap();
    let mut cmd = Command::new(package.join("node_modules/.bin/vitepress"));
    cmd.arg("build").arg(&docs).arg("--outDir").arg(out);
    run(cmd, "VitePress (npm ci in tests/generators/vitepress)");
}

fn docusaurus(work: &Path, out: &Path) {
    let package = generators_dir().join("docusaurus");
    content_into(&work.join("docs"));
    for file in ["docusaurus.config.js", "package.json"] {
        fs::copy(package.join(file), work.join(file)).unwrap();
    }
    std::os::unix::fs::symlink(package.join("node_modules"), work.join("node_modules")).unwrap();
    let mut cmd = Command::new(package.join("node_modules/.bin/docusaurus"));
    cmd.arg("build").arg("--out-dir").arg(out).current_dir(work);
    run(cmd, "Docusaurus (npm ci in tests/generators/docusaurus)");
}

/// Builds a site with `build` into a fresh folder, indexes it and checks it against `expect`.
fn check(name: &str, build: impl FnOnce(&Path, &Path), expect: Expect) {
    let tmp = tempfile::tempdir().unwrap();
    let (work, site) = (tmp.path().join("work"), tmp.path().join("site"));
    fs::create_dir_all(&work).unwrap();
    let started = Instant::now();
    build(&work, &site);
    let built_in = started.elapsed();
    let pages = walk_html(&site).len();

    // 1. The README's command, and its summary.
    let index = site.join("helpdex");
    let out = common::helpdex_stdin(
        &[
            "build",
            site.to_str().unwrap(),
            "--out",
            index.to_str().unwrap(),
        ],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{name}: helpdex build failed: {stderr}"
    );
    assert!(!stderr.contains("warning:"), "{name}: {stderr}");
    let skipped_line = stderr
        .lines()
        .find(|l| l.starts_with("skipped "))
        .unwrap_or("");
    assert_eq!(skipped_line, expect.skipped, "{name}: {stderr}");

    let opts = Options::default();
    let ingested = read(
        Sources::discover(std::slice::from_ref(&site), &opts).unwrap(),
        &opts,
        &|_| {},
    );
    let ids: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect();
    assert_eq!(
        ids, expect.articles,
        "{name}: skipped {:?}",
        ingested.skipped
    );

    // 2–4 over everything that was indexed.
    let mut ids_of = PageIds::new(&site);
    let mut anchors = (0, 0);
    let mut chrome = Vec::new();
    let mut all_text = String::new();
    for a in &ingested.articles {
        assert!(
            !CHROME.iter().any(|c| a.page.title.contains(c)),
            "{name}: title {:?} of {}",
            a.page.title,
            a.page.id
        );
        for part in &a.page.parts {
            if let Some(h) = &part.heading {
                anchors.0 += 1;
                if ids_of.has(&a.page.id, &h.anchor) {
                    anchors.1 += 1;
                } else {
                    panic!(
                        "{name}: {}#{} ({:?}) is not on the page",
                        a.page.id, h.anchor, h.text
                    );
                }
                chrome.extend(chrome_in(&h.text).map(|c| format!("{}: heading {c:?}", a.page.id)));
            }
            chrome.extend(chrome_in(&part.text).map(|c| format!("{}: text {c:?}", a.page.id)));
            all_text.push_str(&part.text);
            all_text.push('\n');
        }
    }
    let mut sentences: Vec<&str> = SENTENCES.to_vec();
    sentences.extend(expect.home.then_some(HOME));
    sentences.extend(expect.contact.then_some(CONTACT));
    for sentence in sentences {
        assert!(
            all_text.contains(sentence),
            "{name}: {sentence:?} was not indexed"
        );
    }

    let mut queries: Vec<String> = Vec::new();
    for a in &ingested.articles {
        queries.push(a.page.title.clone());
        queries.extend(
            a.page
                .parts
                .iter()
                .filter_map(|p| Some(p.heading.as_ref()?.text.clone())),
        );
    }
    queries.extend(PROBES.iter().map(|p| p.to_string()));
    let out = common::helpdex_stdin(
        &["search", "--index", index.to_str().unwrap(), "--json"],
        &queries.join("\n"),
    );
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answers = String::from_utf8(out.stdout).unwrap();
    let mut results = 0;
    for (query, line) in queries.iter().zip(answers.lines()) {
        let hits: Vec<serde_json::Value> = serde_json::from_str(line).unwrap();
        if let Some(a) = ingested.articles.iter().find(|a| a.page.title == *query) {
            assert_eq!(
                hits[0]["id"],
                a.page.id.as_str(),
                "{name}: {query:?} found {}",
                hits[0]
            );
        }
        for hit in &hits {
            results += 1;
            let id = hit["id"].as_str().unwrap();
            if let Some(anchor) = hit["anchor"].as_str() {
                anchors.0 += 1;
                assert!(
                    ids_of.has(id, anchor),
                    "{name}: {query:?} gave {id}#{anchor}"
                );
                anchors.1 += 1;
            }
            for field in ["title", "excerpt"] {
                let text = hit[field].as_str().unwrap_or("");
                chrome.extend(chrome_in(text).map(|c| format!("{query:?} → {id}: {field} {c:?}")));
            }
        }
    }
    eprintln!(
        "{name}: built {pages} pages in {:.1} s; indexed {}, {skipped_line}; anchors valid {}/{}; \
         {results} results of {} queries; chrome found {}",
        built_in.as_secs_f64(),
        ingested.articles.len(),
        anchors.1,
        anchors.0,
        queries.len(),
        chrome.len(),
    );
    assert!(
        chrome.is_empty(),
        "{name}: chrome indexed:\n{}",
        chrome.join("\n")
    );
}

fn chrome_in(text: &str) -> impl Iterator<Item = &'static str> + '_ {
    CHROME.iter().copied().filter(move |c| text.contains(c))
}

fn walk_html(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk_html(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    out
}

/// The ids and `<a name>`s of a site's pages, read once each.
struct PageIds {
    site: PathBuf,
    pages: std::collections::HashMap<String, HashSet<String>>,
}

impl PageIds {
    fn new(site: &Path) -> Self {
        PageIds {
            site: site.to_path_buf(),
            pages: Default::default(),
        }
    }

    fn has(&mut self, page: &str, anchor: &str) -> bool {
        let site = &self.site;
        self.pages
            .entry(page.to_owned())
            .or_insert_with(|| {
                let html = fs::read_to_string(site.join(page)).unwrap();
                let doc = Html::parse_document(&html);
                doc.root_element()
                    .descendent_elements()
                    .flat_map(|e| {
                        let name = (e.value().name() == "a").then(|| e.attr("name")).flatten();
                        e.attr("id").into_iter().chain(name).map(str::to_owned)
                    })
                    .collect()
            })
            .contains(anchor)
    }
}

const SPHINX_ARTICLES: &[&str] = &[
    "account/reset-password.html",
    "billing.html",
    "export-data.html",
    "index.html",
    "sync.html",
];
const SPHINX_SKIPPED: &str = "skipped 3 index pages, 1 search page";

/// The look of the Python documentation: `div.related` bars above and below, a sidebar.
#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn sphinx_classic() {
    check(
        "Sphinx 9 (classic)",
        |_, out| sphinx(Some("classic"), out),
        Expect {
            articles: SPHINX_ARTICLES,
            skipped: SPHINX_SKIPPED,
            home: true,
            contact: false,
        },
    );
}

#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn sphinx_alabaster() {
    check(
        "Sphinx 9 (alabaster)",
        |_, out| sphinx(None, out),
        Expect {
            articles: SPHINX_ARTICLES,
            skipped: SPHINX_SKIPPED,
            home: true,
            contact: false,
        },
    );
}

const MARKDOWN_DIRS: &[&str] = &[
    "account/reset-password/index.html",
    "billing/index.html",
    "contact/index.html",
    "export-data/index.html",
    "index.html",
    "sync/index.html",
];

#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn mkdocs_material() {
    check(
        "MkDocs 1.6 (material)",
        |work, out| mkdocs("material", work, out),
        Expect {
            articles: MARKDOWN_DIRS,
            skipped: "skipped 1 error page",
            home: true,
            contact: true,
        },
    );
}

#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn mkdocs_default_theme() {
    check(
        "MkDocs 1.6 (mkdocs)",
        |work, out| mkdocs("mkdocs", work, out),
        Expect {
            articles: MARKDOWN_DIRS,
            skipped: "skipped 1 error page",
            home: true,
            contact: true,
        },
    );
}

/// A layout helpdex has no rule for: plain `<div>`s, no `<main>`, no `<nav>` but Hugo's own
/// table of contents; taxonomy and section lists, an alias redirect and a 404 page.
#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn hugo_unknown_layout() {
    check(
        "Hugo (own layout)",
        hugo,
        Expect {
            articles: MARKDOWN_DIRS,
            skipped: "skipped 1 error page, 11 index pages, 1 redirect",
            home: true,
            contact: true,
        },
    );
}

const DOCBOOK_ARTICLES: &[&str] = &[
    "account.html",
    "billing-invoice.html",
    "billing.html",
    "export-data.html",
    "sync.html",
];

/// The title page and the index are lists of links; the navigation bars are chrome.
#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn docbook_html() {
    check(
        "DocBook XSL 1.79 (html)",
        |_, out| docbook("html", out),
        Expect {
            articles: DOCBOOK_ARTICLES,
            skipped: "skipped 2 index pages",
            home: false,
            contact: false,
        },
    );
}

#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn docbook_xhtml() {
    check(
        "DocBook XSL 1.79 (xhtml)",
        |_, out| docbook("xhtml", out),
        Expect {
            articles: DOCBOOK_ARTICLES,
            skipped: "skipped 2 index pages",
            home: false,
            contact: false,
        },
    );
}

#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn vitepress_default_theme() {
    check(
        "VitePress 1.6",
        vitepress,
        Expect {
            articles: &[
                "account/reset-password.html",
                "billing.html",
                "contact.html",
                "export-data.html",
                "index.html",
                "sync.html",
            ],
            skipped: "skipped 1 error page",
            home: true,
            contact: true,
        },
    );
}

/// The docs plugin at the site root: navbar, sidebar, breadcrumbs, table of contents,
/// pagination, footer, and a list page per tag.
#[test]
#[ignore = "needs the generators build/setup.sh installs; build/test.sh runs it"]
fn docusaurus_classic() {
    check(
        "Docusaurus 3.10 (classic)",
        docusaurus,
        Expect {
            articles: MARKDOWN_DIRS,
            skipped: "skipped 1 error page, 9 index pages",
            home: true,
            contact: true,
        },
    );
}
