//! Built HTML pages → title, metadata and plain-text parts.
//!
//! The content is the element marked `data-helpdex-body`, else `<main>`, else `<article>`, else
//! `<body>`. Site chrome inside it (navigation, footers, sidebars, scripts, forms, anything
//! marked `data-helpdex-ignore`) is dropped. `<header>` is chrome at the top of `<body>` but
//! content inside `<main>` or `<article>` (an article's own header), so it is kept there.

use helpdex_core::Part;
use scraper::{ElementRef, Html, Node};

use crate::text::{collapse, push_tag, tag_kind, Body, TagKind};

/// Marks the element that holds a page's content.
const BODY_ATTR: &str = "data-helpdex-body";
/// Marks an element (and everything inside it) to leave out of the index.
const IGNORE_ATTR: &str = "data-helpdex-ignore";
/// Elements that are never article text.
const DROPPED: &[&str] = &[
    "nav", "footer", "aside", "script", "style", "noscript", "template", "iframe", "svg", "form",
];

/// What a page yields.
#[derive(Debug)]
pub(crate) struct Page {
    /// First `<h1>` of the content, else `<title>`.
    pub(crate) title: Option<String>,
    /// `<html lang>`.
    pub(crate) lang: Option<String>,
    /// `<meta name="description">`.
    pub(crate) description: Option<String>,
    /// `<meta name="keywords">`, split at commas.
    pub(crate) tags: Vec<String>,
    pub(crate) parts: Vec<Part>,
}

/// Reads one HTML document.
pub(crate) fn convert(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let find = |pred: &dyn Fn(&ElementRef<'_>) -> bool| root.descendent_elements().find(pred);
    let content = find(&|e| e.attr(BODY_ATTR).is_some())
        .or_else(|| find(&|e| e.value().name() == "main"))
        .or_else(|| find(&|e| e.value().name() == "article"))
        .or_else(|| find(&|e| e.value().name() == "body"))
        .unwrap_or(root);

    let mut body = Body::new(None);
    walk(content, &mut body);
    let (h1, parts) = body.finish();

    let text_of = |e: ElementRef<'_>| Some(collapse(&e.text().collect::<String>()));
    let meta = |name: &str| {
        find(&|e| {
            e.value().name() == "meta"
                && e.attr("name").is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|e| e.attr("content"))
        .map(collapse)
        .filter(|s| !s.is_empty())
    };
    let mut tags = Vec::new();
    for tag in meta("keywords").iter().flat_map(|k| k.split(',')) {
        push_tag(&mut tags, tag.trim().to_owned());
    }
    Page {
        title: h1.or_else(|| {
            find(&|e| e.value().name() == "title")
                .and_then(text_of)
                .filter(|t| !t.is_empty())
        }),
        lang: root
            .attr("lang")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
        description: meta("description"),
        tags,
        parts,
    }
}

/// A step of the depth-first walk; an explicit stack keeps deeply nested pages off the call
/// stack.
enum Visit<'a> {
    Open(ElementRef<'a>),
    Close(ElementRef<'a>),
    Text(&'a str),
}

fn walk(content: ElementRef<'_>, body: &mut Body) {
    let headers_are_content = content.value().name() != "body";
    // How many `<main>`/`<article>` elements enclose the current one.
    let mut containers = 0u32;
    let mut stack = vec![Visit::Open(content)];
    while let Some(visit) = stack.pop() {
        match visit {
            Visit::Text(text) => body.push(text),
            Visit::Open(element) => {
                let name = element.value().name();
                let chrome = name == "header" && !headers_are_content && containers == 0;
                if chrome || DROPPED.contains(&name) || element.attr(IGNORE_ATTR).is_some() {
                    continue;
                }
                if matches!(name, "main" | "article") {
                    containers += 1;
                }
                match heading_level(name) {
                    Some(level) => body.start_heading(level, element.attr("id").map(str::to_owned)),
                    None => boundary(name, body),
                }
                stack.push(Visit::Close(element));
                for child in element.children().rev() {
                    match child.value() {
                        Node::Text(text) => stack.push(Visit::Text(text)),
                        Node::Element(_) => stack.extend(ElementRef::wrap(child).map(Visit::Open)),
                        _ => {}
                    }
                }
            }
            Visit::Close(element) => {
                let name = element.value().name();
                if matches!(name, "main" | "article") {
                    containers -= 1;
                }
                match heading_level(name) {
                    Some(_) => body.end_heading(),
                    None => boundary(name, body),
                }
            }
        }
    }
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

    #[test]
    fn reads_a_page() {
        let page = convert(PAGE);
        assert_eq!(page.title.as_deref(), Some("Reset your password"));
        assert_eq!(page.lang.as_deref(), Some("en-US"));
        assert_eq!(
            page.description.as_deref(),
            Some("How to reset a password.")
        );
        assert_eq!(page.tags, vec!["password", "reset"]);
        type Summary<'a> = Vec<(Option<(u8, &'a str, &'a str)>, &'a str)>;
        let summary: Summary<'_> = page
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
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    None,
                    "Updated today\nIf you forgot it, reset it. Takes a minute."
                ),
                (
                    Some((2, "By e-mail", "by-email")),
                    "Open the mail.\nClick the link."
                ),
                (
                    Some((2, "By phone", "by-phone")),
                    "Country Number\nDE 123\nreset --now --force"
                ),
            ]
        );
    }

    #[test]
    fn marked_body_wins_and_title_falls_back_to_title_element() {
        let page = convert(
            "<html><head><title> Plain  page </title></head><body><main>menu</main>\
             <div data-helpdex-body><h2>Part</h2><p>text</p></div></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Plain page"));
        assert_eq!(page.lang, None);
        assert_eq!(page.parts.len(), 1);
        assert_eq!(page.parts[0].heading.as_ref().unwrap().text, "Part");
        assert_eq!(page.parts[0].text, "text");
    }

    #[test]
    fn body_fallback_drops_site_header() {
        let page = convert("<body><header>Site name</header><h1>Title</h1><p>Body text</p></body>");
        assert_eq!(page.title.as_deref(), Some("Title"));
        assert_eq!(page.parts.len(), 1);
        assert_eq!(page.parts[0].text, "Body text");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let page = convert(&html);
        assert_eq!(page.parts[0].text, "deep");
    }

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level("h1"), Some(1));
        assert_eq!(heading_level("h6"), Some(6));
        assert_eq!(heading_level("h7"), None);
        assert_eq!(heading_level("header"), None);
    }
}
