//! Built HTML pages → title, metadata and plain-text parts, or why the page is no answer.
//!
//! Most help sites are built by a generator (Sphinx, MkDocs, Docusaurus, VitePress, Hugo,
//! DocBook, ...), and few mark their content, so each step works from what those pages have:
//!
//! - **Content**: the element marked `data-helpdex-body`, else the first `<main>` or
//!   `[role=main]` (Sphinx, MkDocs), else `<article>`, else `<body>`. Chrome inside it is left
//!   out ([`crate::chrome`]). `<header>` is chrome outside `<main>`/`<article>` but an article's
//!   own header inside them. Without a content marker the page's layout is unknown, so blocks
//!   made mostly of links (menus, breadcrumbs, prev/next bars, tables of contents) go too.
//! - **Anchors** are ids the page has, never invented: a heading's own `id`, else an `id` (or
//!   `<a name>`) inside it or on an empty element just before it, else the `id` of an element it
//!   opens (Sphinx's `<section id>`). Of these, the one the heading's permalink (`¶`) points to
//!   wins. A heading with none is no section: its text joins the part before it.
//! - **Not answers**: redirects (`<meta http-equiv="refresh">`), `404.html`, a `search.html` or
//!   `search/index.html` with a form, `<meta name="robots" content="noindex">`, and index pages:
//!   Sphinx's general and module indexes, DocBook's index, Hugo's taxonomy lists, Docusaurus's
//!   tag and blog lists, and any page whose text is nearly all links (tables of contents).
//! - **Title**: the content's first `<h1>`, else `<title>` without the site name
//!   (`og:site_name`; `lib.rs` also strips a suffix most pages of the site share).

use std::collections::HashMap;

use ego_tree::NodeId;
use helpdex_core::Part;
use scraper::{ElementRef, Html, Node};

use crate::chrome::is_chrome;
use crate::problem::SkipReason;
use crate::text::{collapse, push_tag, tag_kind, Anchors, Body, TagKind};

/// The namespace of HTML elements (an `<svg>`'s are in another).
const HTML_NS: &str = "http://www.w3.org/1999/xhtml";
/// Marks the element that holds a page's content.
const BODY_ATTR: &str = "data-helpdex-body";
/// Marks an element (and everything inside it) to leave out of the index.
const IGNORE_ATTR: &str = "data-helpdex-ignore";
/// Separators between a page's name and the site's in `<title>`.
pub(crate) const TITLE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " - ", " · ", " :: ", " » "];
/// Classes only generated index pages have: Sphinx's general and module indexes, DocBook's
/// index.
const INDEX_CLASSES: &[&str] = &["genindextable", "indexdiv", "modindextable"];
/// Classes Docusaurus gives `<html>` on its lists of pages (per tag, per author, of posts).
const LIST_PAGE_CLASSES: &[&str] = &[
    "blog-authors-list-page",
    "blog-authors-posts-page",
    "blog-list-page",
    "blog-tags-list-page",
    "blog-tags-post-list-page",
    "docs-tags-doc-list-page",
    "docs-tags-list-page",
];
/// Share of a page's text (headings aside) in links from which it is a list of links, not an
/// answer: tables of contents, section and tag listings.
const INDEX_LINK_SHARE: f64 = 0.7;
/// Share of a block's text in links from which it is navigation, on pages without a content
/// marker.
const NAV_LINK_SHARE: f64 = 0.5;
/// Characters outside links (headings aside) below which a block that is mostly links is
/// navigation, and what is left of a page once its navigation is out is no answer.
const MIN_ANSWER_CHARS: u32 = 40;

/// What a page yields.
#[derive(Debug)]
pub(crate) struct Page {
    /// First `<h1>` of the content.
    pub(crate) title: Option<String>,
    /// `<title>`, without the site name when the page states it.
    pub(crate) document_title: Option<String>,
    /// `<html lang>`.
    pub(crate) lang: Option<String>,
    /// `<meta name="description">`.
    pub(crate) description: Option<String>,
    /// `<meta name="keywords">`, split at commas.
    pub(crate) tags: Vec<String>,
    pub(crate) parts: Vec<Part>,
    /// The `href`s of the content's links, in order (for `helpdex audit`).
    pub(crate) links: Vec<String>,
    /// Why the page is not an answer, if it is not.
    pub(crate) skip: Option<SkipReason>,
    /// Whether the content was marked (`<main>`, `[role=main]`, `<article>`, ...) rather than
    /// the whole `<body>`.
    pub(crate) marked: bool,
}

/// Reads one HTML document; `rel` is its path in the site, with `/` separators.
pub(crate) fn convert(html: &str, rel: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let head = Head::read(root);
    let mut page = Page {
        title: None,
        document_title: head.title.as_deref().map(|t| head.without_site_name(t)),
        lang: root
            .attr("lang")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
        description: head.description.clone(),
        tags: Vec::new(),
        parts: Vec::new(),
        links: Vec::new(),
        skip: None,
        marked: false,
    };
    for tag in head.keywords.iter().flat_map(|k| k.split(',')) {
        push_tag(&mut page.tags, tag.trim().to_owned());
    }

    let content = content_root(root);
    let file = rel.rsplit('/').next().unwrap_or(rel).to_ascii_lowercase();
    let in_folder = |folder: &str| {
        rel.eq_ignore_ascii_case(&format!("{folder}/index.html"))
            || rel
                .to_ascii_lowercase()
                .ends_with(&format!("/{folder}/index.html"))
    };
    page.skip = if head.refresh {
        Some(SkipReason::Redirect)
    } else if matches!(file.as_str(), "404.html" | "404.htm") || in_folder("404") {
        Some(SkipReason::ErrorPage)
    } else if (matches!(file.as_str(), "search.html" | "search.htm") || in_folder("search"))
        && content
            .descendent_elements()
            .any(|e| matches!(e.value().name(), "form" | "input" | "search"))
    {
        Some(SkipReason::SearchPage)
    } else if head.noindex {
        Some(SkipReason::NoIndex)
    } else if head.hugo && (rel.starts_with("tags/") || rel.starts_with("categories/")) {
        // Hugo's default taxonomies: lists of pages per tag or category.
        Some(SkipReason::IndexPage)
    } else if root
        .value()
        .classes()
        .any(|c| LIST_PAGE_CLASSES.contains(&c))
    {
        Some(SkipReason::IndexPage)
    } else {
        None
    };
    if page.skip.is_some() {
        return page;
    }

    let marked = content.value().name() != "body" && content != root;
    page.marked = marked;
    // Only pages without a marker lose link-dense blocks, so only they need the counts.
    let stats = if marked {
        HashMap::new()
    } else {
        text_stats(content)
    };
    let mut body = Body::new(None, Anchors::FromPage);
    let kept = read_content(content, marked, &stats, &mut body);
    let index_marker = content
        .descendent_elements()
        .any(|e| e.value().classes().any(|c| INDEX_CLASSES.contains(&c)));
    // A page whose navigation was taken out and left next to no words of its own was a list
    // of links too (DocBook's title page and table of contents).
    let nothing_left = kept.navigation && kept.stats.text - kept.stats.in_links < MIN_ANSWER_CHARS;
    if index_marker || kept.stats.mostly_links(INDEX_LINK_SHARE) || nothing_left {
        page.skip = Some(SkipReason::IndexPage);
        return page;
    }
    let (h1, parts) = body.finish();
    page.title = h1;
    page.parts = parts;
    page.links = kept.links;
    page
}

/// What `<head>` (or anywhere in the page, for broken markup) says about the page.
#[derive(Default)]
struct Head {
    title: Option<String>,
    description: Option<String>,
    keywords: Option<String>,
    site_name: Option<String>,
    noindex: bool,
    refresh: bool,
    hugo: bool,
}

impl Head {
    fn read(root: ElementRef<'_>) -> Head {
        let mut head = Head::default();
        for e in root.descendent_elements() {
            match e.value().name() {
                // Not an SVG icon's <title>.
                "title" if head.title.is_none() && &*e.value().name.ns == HTML_NS => {
                    head.title =
                        Some(collapse(&e.text().collect::<String>())).filter(|t| !t.is_empty());
                }
                "meta" => head.meta(e),
                _ => {}
            }
        }
        head
    }

    fn meta(&mut self, e: ElementRef<'_>) {
        let content = || e.attr("content").map(collapse).filter(|s| !s.is_empty());
        let key = e.attr("name").or_else(|| e.attr("property")).unwrap_or("");
        if e.attr("http-equiv")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
        {
            self.refresh = true;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "description" if self.description.is_none() => self.description = content(),
            "keywords" if self.keywords.is_none() => self.keywords = content(),
            "og:site_name" | "application-name" if self.site_name.is_none() => {
                self.site_name = content();
            }
            "robots" => {
                self.noindex |= content().is_some_and(|c| {
                    c.split(',').any(|d| {
                        matches!(d.trim().to_ascii_lowercase().as_str(), "noindex" | "none")
                    })
                });
            }
            "generator" => {
                self.hugo |= content().is_some_and(|c| c.starts_with("Hugo"));
            }
            _ => {}
        }
    }

    /// `title` without a `SEPARATOR site name` suffix (or prefix) naming the site this page states.
    fn without_site_name(&self, title: &str) -> String {
        let Some(site) = &self.site_name else {
            return title.to_owned();
        };
        for sep in TITLE_SEPARATORS {
            if let Some(rest) = title
                .strip_suffix(site.as_str())
                .and_then(|t| t.strip_suffix(sep))
            {
                return rest.trim().to_owned();
            }
            if let Some(rest) = title
                .strip_prefix(site.as_str())
                .and_then(|t| t.strip_prefix(sep))
            {
                return rest.trim().to_owned();
            }
        }
        title.to_owned()
    }
}

/// The element that holds the content (see the module docs).
fn content_root(root: ElementRef<'_>) -> ElementRef<'_> {
    let (mut marked, mut main, mut article, mut body) = (None, None, None, None);
    for e in root.descendent_elements() {
        let name = e.value().name();
        if marked.is_none() && e.attr(BODY_ATTR).is_some() {
            marked = Some(e);
            break;
        }
        if main.is_none() && (name == "main" || e.attr("role").is_some_and(|r| r.trim() == "main"))
        {
            main = Some(e);
        }
        if article.is_none() && name == "article" {
            article = Some(e);
        }
        if body.is_none() && name == "body" {
            body = Some(e);
        }
    }
    marked.or(main).or(article).or(body).unwrap_or(root)
}

/// Characters of text in an element (headings aside), in links, and the links.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    text: u32,
    in_links: u32,
    links: u32,
}

impl Stats {
    fn mostly_links(self, share: f64) -> bool {
        self.links > 0 && f64::from(self.in_links) >= share * f64::from(self.text)
    }

    fn add(&mut self, other: Stats) {
        self.text += other.text;
        self.in_links += other.in_links;
        self.links += other.links;
    }
}

/// A step of the depth-first walk; an explicit stack keeps deeply nested pages off the call
/// stack.
enum Visit<'a> {
    Open(ElementRef<'a>),
    Close(ElementRef<'a>),
    Text(&'a str),
}

/// The content without its chrome, in document order.
struct Walk<'a> {
    stack: Vec<Visit<'a>>,
    /// Whether the content is inside a marker (`<main>`, `<article>`, ...): its `<header>`s are
    /// the article's.
    marked: bool,
    /// How many `<main>`/`<article>` elements enclose the current one.
    containers: u32,
    headings: u32,
    /// The element just opened, whose children are pushed on the next step unless skipped.
    pending: Option<ElementRef<'a>>,
    /// Whether chrome with links in it (a table of contents, a menu) was left out.
    dropped_links: bool,
}

impl<'a> Walk<'a> {
    fn new(content: ElementRef<'a>, marked: bool) -> Self {
        Walk {
            stack: vec![Visit::Open(content)],
            marked,
            containers: 0,
            headings: 0,
            pending: None,
            dropped_links: false,
        }
    }

    /// Leaves out the children of the element just opened (and its close).
    fn skip(&mut self) {
        if let Some(e) = self.pending.take() {
            self.leave(e);
        }
    }

    fn enter(&mut self, e: ElementRef<'a>) {
        match e.value().name() {
            "main" | "article" => self.containers += 1,
            name if heading_level(name).is_some() => self.headings += 1,
            _ => {}
        }
    }

    fn leave(&mut self, e: ElementRef<'a>) {
        match e.value().name() {
            "main" | "article" => self.containers -= 1,
            name if heading_level(name).is_some() => self.headings -= 1,
            _ => {}
        }
    }

    fn next(&mut self) -> Option<Visit<'a>> {
        if let Some(e) = self.pending.take() {
            self.stack.push(Visit::Close(e));
            for child in e.children().rev() {
                match child.value() {
                    Node::Text(text) => self.stack.push(Visit::Text(text)),
                    Node::Element(_) => self.stack.extend(ElementRef::wrap(child).map(Visit::Open)),
                    _ => {}
                }
            }
        }
        loop {
            let visit = self.stack.pop()?;
            match visit {
                Visit::Open(e) => {
                    let name = e.value().name();
                    let page_header = name == "header" && !self.marked && self.containers == 0;
                    if page_header
                        || e.attr(IGNORE_ATTR).is_some()
                        || is_chrome(e, self.headings > 0)
                    {
                        // Permalinks and single links are not navigation that stood for the page.
                        self.dropped_links |= self.headings == 0
                            && name != "a"
                            && e.descendent_elements().any(is_link);
                        continue;
                    }
                    self.enter(e);
                    self.pending = Some(e);
                    return Some(visit);
                }
                Visit::Close(e) => {
                    self.leave(e);
                    return Some(visit);
                }
                Visit::Text(_) => return Some(visit),
            }
        }
    }
}

/// [`Stats`] of every element that is not chrome, in content without a marker.
fn text_stats(content: ElementRef<'_>) -> HashMap<NodeId, Stats> {
    let mut out = HashMap::new();
    let mut open: Vec<Stats> = Vec::new();
    let (mut links, mut headings) = (0u32, 0u32);
    let mut walk = Walk::new(content, false);
    while let Some(visit) = walk.next() {
        match visit {
            Visit::Open(e) => {
                let mut stats = Stats::default();
                if is_link(e) {
                    links += 1;
                    stats.links = 1;
                } else if heading_level(e.value().name()).is_some() {
                    headings += 1;
                }
                open.push(stats);
            }
            Visit::Text(text) if headings == 0 => {
                let n = visible_chars(text);
                if let Some(top) = open.last_mut() {
                    top.text += n;
                    if links > 0 {
                        top.in_links += n;
                    }
                }
            }
            Visit::Text(_) => {}
            Visit::Close(e) => {
                if is_link(e) {
                    links -= 1;
                } else if heading_level(e.value().name()).is_some() {
                    headings -= 1;
                }
                let stats = open.pop().expect("opened");
                if let Some(parent) = open.last_mut() {
                    parent.add(stats);
                }
                out.insert(e.id(), stats);
            }
        }
    }
    out
}

/// What [`read_content`] kept.
struct Kept {
    stats: Stats,
    /// Whether navigation was left out: chrome with links, or link-dense blocks.
    navigation: bool,
    /// The `href`s of the links kept.
    links: Vec<String>,
}

/// Feeds the content's text and headings to `body`. On a page without a marker, blocks that are
/// mostly links (by `stats`) are left out.
fn read_content(
    content: ElementRef<'_>,
    marked: bool,
    stats: &HashMap<NodeId, Stats>,
    body: &mut Body,
) -> Kept {
    let mut kept = Kept {
        stats: Stats::default(),
        navigation: false,
        links: Vec::new(),
    };
    let (mut links, mut headings) = (0u32, 0u32);
    // Open elements: their id, and how much text had been read when they opened (an element
    // that opened with no text since is one a heading can open).
    let mut open: Vec<(Option<&str>, u64)> = Vec::new();
    let mut read = 0u64;
    let mut walk = Walk::new(content, marked);
    while let Some(visit) = walk.next() {
        match visit {
            Visit::Text(text) => {
                let n = visible_chars(text);
                if n > 0 {
                    read += 1;
                }
                if headings == 0 {
                    kept.stats.text += n;
                    if links > 0 {
                        kept.stats.in_links += n;
                    }
                }
                body.push(text);
            }
            Visit::Open(element) => {
                let name = element.value().name();
                let navigation = !marked
                    && element != content
                    && is_container(name)
                    && stats.get(&element.id()).is_some_and(|s| {
                        // A layout's outer box can be mostly links (a long menu beside a short
                        // article), but it holds the article's own words.
                        s.mostly_links(NAV_LINK_SHARE) && s.text - s.in_links < MIN_ANSWER_CHARS
                    });
                if navigation {
                    kept.navigation = true;
                    walk.skip();
                    continue;
                }
                if is_link(element) {
                    links += 1;
                    kept.stats.links += 1;
                    kept.links.extend(element.attr("href").map(str::to_owned));
                }
                match heading_level(name) {
                    Some(level) => {
                        headings += 1;
                        let anchor = heading_anchor(element, &open, read).map(str::to_owned);
                        body.start_heading(level, anchor);
                    }
                    None => boundary(name, body),
                }
                open.push((element.attr("id").filter(|id| !id.trim().is_empty()), read));
            }
            Visit::Close(element) => {
                open.pop();
                if is_link(element) {
                    links -= 1;
                }
                let name = element.value().name();
                match heading_level(name) {
                    Some(_) => {
                        headings -= 1;
                        body.end_heading();
                    }
                    None => boundary(name, body),
                }
            }
        }
    }
    kept.navigation |= walk.dropped_links;
    kept
}

fn is_link(e: ElementRef<'_>) -> bool {
    e.value().name() == "a" && e.attr("href").is_some()
}

/// Characters a reader sees in a text node: all but whitespace.
fn visible_chars(text: &str) -> u32 {
    text.chars().filter(|c| !c.is_whitespace()).count() as u32
}

/// Blocks that hold other blocks: the ones a layout builds menus and bars from.
fn is_container(name: &str) -> bool {
    matches!(
        name,
        "div" | "section" | "ul" | "ol" | "dl" | "table" | "tbody" | "tr" | "menu" | "details"
    )
}

/// The id the page gives a heading (see the module docs). `open` are the heading's open
/// ancestors (id, text read when opened); `read` is the text read so far.
fn heading_anchor<'a>(
    heading: ElementRef<'a>,
    open: &[(Option<&'a str>, u64)],
    read: u64,
) -> Option<&'a str> {
    if let Some(id) = heading.attr("id").filter(|id| !id.trim().is_empty()) {
        return Some(id);
    }
    let mut found: Vec<&str> = Vec::new();
    found.extend(heading.descendent_elements().find_map(id_or_name));
    let before = heading
        .prev_siblings()
        .find(|n| match n.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Element(_) => true,
            _ => false,
        })
        .and_then(ElementRef::wrap)
        .filter(|e| e.text().all(|t| t.trim().is_empty()));
    found.extend(before.and_then(id_or_name));
    found.extend(
        open.iter()
            .rev()
            .take_while(|(_, at)| *at == read)
            .find_map(|(id, _)| *id),
    );
    let permalink = heading.descendent_elements().find_map(|e| {
        (e.value().name() == "a")
            .then(|| e.attr("href")?.strip_prefix('#'))
            .flatten()
    });
    permalink
        .and_then(|target| found.iter().copied().find(|id| *id == target))
        .or_else(|| found.first().copied())
}

/// An element's `id`, or an `<a>`'s `name`.
fn id_or_name(e: ElementRef<'_>) -> Option<&str> {
    let name = (e.value().name() == "a").then(|| e.attr("name")).flatten();
    e.attr("id").or(name).filter(|id| !id.trim().is_empty())
}

/// What an element's start or end tag does to the text around it.
fn boundary(name: &str, body: &mut Body) {
    match tag_kind(name) {
        TagKind::Inline => {}
        TagKind::Space => body.space(),
        TagKind::Block => body.end_block(),
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html lang="en-US">
<head>
  <title>Reset your password | Example Help</title>
  <meta name="description" content="How to reset  a password.">
  <meta name="Keywords" content="password, reset, Password">
  <style>body { color: red }</style>
</head>
<body>
  <header><a href="/">Example Help</a> <input placeholder="Search"></header>
  <nav><ul><li>Home</li><li>Billing</li></ul></nav>
  <main>
    <article>
      <header><p class="byline">Updated today</p></header>
      <h1>Reset your password</h1>
      <p>If you <b>forgot</b> it, <a href="/x">reset it</a>.<br>Takes a minute.</p>
      <h2 id="by-email">By e-mail</h2>
      <ol><li>Open the mail.</li><li>Click the link.</li></ol>
      <div data-helpdex-ignore><p>Was this helpful?</p></div>
      <h2>By phone</h2>
      <table><tr><th>Country</th><th>Number</th></tr><tr><td>DE</td><td>123</td></tr></table>
      <pre><code>reset --now
  --force</code></pre>
      <script>track()</script>
      <!-- a comment -->
      <svg><text>icon</text></svg>
    </article>
    <aside>Related articles</aside>
  </main>
  <footer>© Example</footer>
</body>
</html>"#;

    type Summary<'a> = Vec<(Option<(u8, &'a str, &'a str)>, &'a str)>;

    fn summary(page: &Page) -> Summary<'_> {
        page.parts
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

    fn read(html: &str) -> Page {
        convert(html, "page.html")
    }

    #[test]
    fn reads_a_page() {
        let page = read(PAGE);
        assert_eq!(page.title.as_deref(), Some("Reset your password"));
        assert_eq!(
            page.document_title.as_deref(),
            Some("Reset your password | Example Help")
        );
        assert_eq!(page.lang.as_deref(), Some("en-US"));
        assert_eq!(
            page.description.as_deref(),
            Some("How to reset a password.")
        );
        assert_eq!(page.tags, vec!["password", "reset"]);
        assert_eq!(page.skip, None);
        // "By phone" has no id: its text belongs to the section before it.
        assert_eq!(
            summary(&page),
            vec![
                (
                    None,
                    "Updated today\nIf you forgot it, reset it. Takes a minute."
                ),
                (
                    Some((2, "By e-mail", "by-email")),
                    "Open the mail.\nClick the link.\nBy phone\nCountry Number\nDE 123\nreset --now --force"
                ),
            ]
        );
    }

    #[test]
    fn marked_body_wins_and_title_falls_back_to_title_element() {
        let page = read(
            "<html><head><title> Plain  page </title></head><body><main>menu</main>\
             <div data-helpdex-body><h2 id=part>Part</h2><p>text</p></div></body></html>",
        );
        assert_eq!(page.title, None);
        assert_eq!(page.document_title.as_deref(), Some("Plain page"));
        assert_eq!(page.lang, None);
        assert_eq!(page.parts.len(), 1);
        assert_eq!(page.parts[0].heading.as_ref().unwrap().text, "Part");
        assert_eq!(page.parts[0].text, "text");
    }

    #[test]
    fn site_name_leaves_the_document_title() {
        let page = read(
            r#"<title>Refunds · Contoso Help</title><meta property="og:site_name" content="Contoso Help">"#,
        );
        assert_eq!(page.document_title.as_deref(), Some("Refunds"));
        let page = read(
            r#"<title>Contoso Help | Refunds</title><meta name="application-name" content="Contoso Help">"#,
        );
        assert_eq!(page.document_title.as_deref(), Some("Refunds"));
    }

    #[test]
    fn an_icon_title_is_not_the_page_title() {
        let page = read("<body><svg><title>Menu icon</title></svg><p>Text of the page.</p></body>");
        assert_eq!(page.document_title, None);
    }

    #[test]
    fn body_fallback_drops_site_header() {
        let page = read("<body><header>Site name</header><h1>Title</h1><p>Body text</p></body>");
        assert_eq!(page.title.as_deref(), Some("Title"));
        assert_eq!(page.parts.len(), 1);
        assert_eq!(page.parts[0].text, "Body text");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let page = read(&html);
        assert_eq!(page.parts[0].text, "deep");
    }

    /// (heading text, anchor) of every section.
    fn anchors(html: &str) -> Vec<(String, String)> {
        read(html)
            .parts
            .iter()
            .filter_map(|p| p.heading.as_ref())
            .map(|h| (h.text.clone(), h.anchor.clone()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn anchors_come_from_the_page() {
        // DocBook (XHTML, then HTML 4).
        assert_eq!(
            anchors(
                r#"<div class="sect1"><div class="titlepage"><div><div><h2 class="title"><a id="filters-blur"></a>3. 模糊滤镜</h2></div></div></div><p>x</p></div>"#
            ),
            pairs(&[("3. 模糊滤镜", "filters-blur")])
        );
        assert_eq!(
            anchors(r#"<h3 class="title"><a name="sync-1042"></a>Sync error 1042</h3><p>x</p>"#),
            pairs(&[("Sync error 1042", "sync-1042")])
        );
        // Sphinx: the section's id, which the permalink names, over the label's span.
        assert_eq!(
            anchors(
                r##"<div role="main"><p>Intro.</p><section id="saving-structured-data-with-json"><span id="tut-json"></span><h3>7.2.2. Saving structured data with json<a class="headerlink" href="#saving-structured-data-with-json">¶</a></h3><p>x</p></section></div>"##
            ),
            pairs(&[(
                "7.2.2. Saving structured data with json",
                "saving-structured-data-with-json"
            )])
        );
        // Without a permalink, the empty element just before the heading.
        assert_eq!(
            anchors(
                r#"<p>Intro.</p><section id="s"><a name="old"></a><h2>Old style</h2><p>x</p></section>"#
            ),
            pairs(&[("Old style", "old")])
        );
        // VitePress and Docusaurus: the heading's own id; the zero-width permalink is dropped.
        assert_eq!(
            anchors("<main><h2 id=\"链接已过期\" tabindex=\"-1\">链接已过期 <a class=\"header-anchor\" href=\"#链接已过期\">\u{200b}</a></h2><p>x</p></main>"),
            pairs(&[("链接已过期", "链接已过期")])
        );
    }

    #[test]
    fn a_section_is_opened_only_by_its_first_text() {
        // The second heading in the section, and a heading after text in a div, do not take
        // the element's id; an element with text just before a heading lends it nothing.
        let got = anchors(
            r#"<section id="one"><h2>First</h2><p>a</p><h2>Second</h2><p>b</p></section>
               <div id="d"><p>c</p><h2>Late</h2></div><p id="p">text</p><h2>After text</h2>"#,
        );
        assert_eq!(got, pairs(&[("First", "one")]));
        let page =
            read(r#"<section id="one"><h2>First</h2><p>a</p><h2>Second</h2><p>b</p></section>"#);
        assert_eq!(page.parts[0].text, "a\nSecond\nb");
    }

    #[test]
    fn sphinx_chrome_is_left_out() {
        let page = read(
            r##"<body><div class="related" role="navigation"><h3>Navigation</h3><ul><li><a href="genindex.html">index</a></li></ul></div>
            <div class="document"><div class="body" role="main"><section id="csv"><h1>csv — CSV File Reading and Writing<a class="headerlink" href="#csv">¶</a></h1>
            <p>Source code: <a href="x">Lib/csv.py</a> and more words here.</p>
            <section id="module-contents"><h2>Module Contents<a class="headerlink" href="#module-contents">¶</a></h2><p>The csv module defines functions.</p>
            <dl class="py function"><dt class="sig" id="csv.reader">csv.reader()<a class="headerlink" href="#csv.reader">¶</a></dt><dd>Reads.</dd></dl></section></section></div></div>
            <div class="sphinxsidebar" role="navigation"><h3>Quick search</h3></div>
            <div class="footer" role="contentinfo">© Copyright. Created using Sphinx.</div></body>"##,
        );
        assert_eq!(
            page.title.as_deref(),
            Some("csv — CSV File Reading and Writing")
        );
        assert_eq!(
            summary(&page),
            vec![
                (None, "Source code: Lib/csv.py and more words here."),
                (
                    Some((2, "Module Contents", "module-contents")),
                    "The csv module defines functions.\ncsv.reader()\nReads."
                ),
            ]
        );
    }

    #[test]
    fn docbook_and_unknown_layouts_lose_their_link_bars() {
        let page = read(
            r#"<body><div class="navheader"><table><tr><th>3. 模糊滤镜</th></tr><tr><td><a href="a.html">上一页</a></td></tr></table></div>
            <div class="topbar"><a href="/">Docs</a> · <a href="/tags/">Tags</a></div>
            <div class="menu"><div>Menu</div><ul><li><a href="/a">First article</a></li><li><a href="/b">Second article</a></li></ul></div>
            <div class="sect1"><h2 class="title"><a id="blur"></a>3. 模糊滤镜</h2>
            <div class="toc"><p><b>目录</b></p><dl><dt><a href="x.html">3.1. 高斯模糊</a></dt></dl></div>
            <p>模糊滤镜可以让图像变得柔和。See <a href="x.html">Gaussian blur</a> for the details of this filter.</p></div>
            <div class="navfooter"><a href="b.html">下一页</a> Report a bug in GIMP</div></body>"#,
        );
        assert_eq!(
            summary(&page),
            vec![(
                Some((2, "3. 模糊滤镜", "blur")),
                "模糊滤镜可以让图像变得柔和。See Gaussian blur for the details of this filter."
            )]
        );
    }

    #[test]
    fn marked_content_keeps_its_link_lists() {
        let page = read(
            r#"<main><h1>Links</h1><p>Useful pages, with a few words about each of them here.</p><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></main>"#,
        );
        assert_eq!(
            page.parts[0].text,
            "Useful pages, with a few words about each of them here.\nA\nB"
        );
    }

    #[test]
    fn pages_that_are_no_answers() {
        let skip = |html: &str, rel: &str| convert(html, rel).skip;
        let text = "<main><h1>T</h1><p>Words of an article.</p></main>";
        assert_eq!(skip(text, "a.html"), None);
        assert_eq!(
            skip(
                r#"<meta http-equiv="Refresh" content="0; url=/new/"><meta name="robots" content="noindex">"#,
                "old/index.html"
            ),
            Some(SkipReason::Redirect)
        );
        assert_eq!(
            skip(
                &format!(r#"<meta name="robots" content="noindex, follow">{text}"#),
                "a.html"
            ),
            Some(SkipReason::NoIndex)
        );
        assert_eq!(skip(text, "404.html"), Some(SkipReason::ErrorPage));
        assert_eq!(skip(text, "en/404/index.html"), Some(SkipReason::ErrorPage));
        let search = r#"<div role="main"><h1>Search</h1><p>Type words.</p><form><input name="q"></form></div>"#;
        assert_eq!(skip(search, "search.html"), Some(SkipReason::SearchPage));
        assert_eq!(
            skip(search, "docs/search/index.html"),
            Some(SkipReason::SearchPage)
        );
        // An article about searching is an answer.
        assert_eq!(skip(text, "search.html"), None);
        let genindex = r##"<div role="main"><h1>Index</h1><table class="indextable genindextable"><tr><td>csv (module)</td></tr></table></div>"##;
        assert_eq!(
            skip(genindex, "genindex-C.html"),
            Some(SkipReason::IndexPage)
        );
        let contents = r#"<div role="main"><h1>Contents</h1><ul><li><a href="a.html">Reset your password</a><ul><li><a href="a.html#x">By email</a></li></ul></li></ul></div>"#;
        assert_eq!(skip(contents, "contents.html"), Some(SkipReason::IndexPage));
        let docusaurus = r#"<html class="plugin-docs docs-tags-doc-list-page"><main><h1>One doc tagged with "billing"</h1><article><a href="/refunds"><h2>Refunds</h2></a><p>Get your money back within thirty days of buying.</p></article></main></html>"#;
        assert_eq!(
            skip(docusaurus, "tags/billing/index.html"),
            Some(SkipReason::IndexPage)
        );
        let hugo = r#"<meta name="generator" content="Hugo 0.111.3"><h1>Billing</h1><p>Pages tagged billing, for the curious reader:</p>"#;
        assert_eq!(
            skip(hugo, "tags/billing/index.html"),
            Some(SkipReason::IndexPage)
        );
        assert_eq!(skip(hugo, "billing/index.html"), None);
    }

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level("h1"), Some(1));
        assert_eq!(heading_level("h6"), Some(6));
        assert_eq!(heading_level("h7"), None);
        assert_eq!(heading_level("header"), None);
    }
}
