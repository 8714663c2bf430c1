//! Site chrome: the parts of a built page that are not the article (navigation, sidebars,
//! breadcrumbs, permalink marks, footers), whichever generator built it.
//!
//! Three kinds of rule, each cheap to check per element: elements and ARIA roles that are
//! chrome by definition; class names and ids that documentation generators give their chrome
//! (kept in one sorted list so a new generator is one line); and permalink anchors inside
//! headings, whatever their class. Pages from unknown generators get one more rule in
//! `html.rs`: blocks made mostly of links.

use scraper::ElementRef;

/// Elements that are never article text.
const TAGS: &[&str] = &[
    "aside", "button", "dialog", "footer", "form", "iframe", "nav", "noscript", "script", "search",
    "select", "style", "svg", "template",
];

/// ARIA landmark roles of everything around the article.
const ROLES: &[&str] = &[
    "banner",
    "complementary",
    "contentinfo",
    "navigation",
    "search",
];

/// Classes of chrome, sorted (binary search): generic ones (breadcrumbs, skip links, screen-reader
/// text, permalinks outside headings such as Sphinx's on API signatures) and those of Sphinx
/// (basic, classic, alabaster, Read the Docs, Furo, PyData), DocBook XSL, MkDocs (mkdocs,
/// material), Docusaurus, VitePress, Hugo themes (Book, Docsy, PaperMod), Jekyll (minima, Just
/// the Docs) and Zendesk Guide (Copenhagen). Never a class that marks headings themselves:
/// Docusaurus gives its `<h2>`s the class `anchor`.
const CLASSES: &[&str] = &[
    "VPDocAside",
    "VPDocFooter",
    "VPFooter",
    "VPLocalNav",
    "VPNav",
    "VPSidebar",
    "VPSkipLink",
    "anchor-link",
    "anchorjs-link",
    "article-comments",
    "article-relatives",
    "article-return-to-top",
    "article-sidebar",
    "article-subscribe",
    "article-votes",
    "bd-footer",
    "bd-header",
    "bd-sidebar-primary",
    "bd-sidebar-secondary",
    "book-footer",
    "book-header",
    "book-menu",
    "book-toc",
    "breadcrumb",
    "breadcrumbs",
    "bs-sidebar",
    "edit-info",
    "edit-link",
    "edit-this-page",
    "hash-link",
    "header-anchor",
    "headerlink",
    "heading-anchor",
    "md-footer",
    "md-header",
    "md-sidebar",
    "md-skip",
    "md-source",
    "md-tabs",
    "md-top",
    "navbar",
    "navfooter",
    "navheader",
    "pagination",
    "pagination-nav",
    "paginav",
    "post-footer",
    "prev-next-area",
    "related",
    "related-pages",
    "rst-footer-buttons",
    "screen-reader-text",
    "side-bar",
    "sidebar-drawer",
    "site-footer",
    "site-header",
    "skip-link",
    "skip-to-content",
    "sphinxsidebar",
    "sr-only",
    "td-navbar",
    "td-page-meta",
    "td-sidebar",
    "td-sidebar-toc",
    "theme-doc-breadcrumbs",
    "theme-doc-footer",
    "theme-doc-sidebar-container",
    "theme-doc-toc-desktop",
    "theme-doc-toc-mobile",
    "theme-doc-version-banner",
    "toc",
    "toc-drawer",
    "visually-hidden",
    "wy-breadcrumbs",
    "wy-nav-side",
];

/// Ids of chrome: Hugo's `{{ .TableOfContents }}` and the common hand-written TOC.
const IDS: &[&str] = &["TableOfContents", "toc"];

/// Whether an element (and everything inside it) is chrome. `in_heading`: it is inside an
/// `<h1>`–`<h6>`, where a link to `#…` that shows no word is a permalink mark (`¶`, `#`, `🔗`).
pub(crate) fn is_chrome(element: ElementRef<'_>, in_heading: bool) -> bool {
    let e = element.value();
    let name = e.name();
    TAGS.contains(&name)
        || e.attr("role").is_some_and(|r| ROLES.contains(&r.trim()))
        || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || e.attr("hidden").is_some()
        || e.attr("id").is_some_and(|id| IDS.contains(&id))
        || e.classes().any(|c| CLASSES.binary_search(&c).is_ok())
        || (in_heading && name == "a" && is_permalink(element))
}

fn is_permalink(a: ElementRef<'_>) -> bool {
    a.attr("href").is_some_and(|h| h.starts_with('#'))
        && !a.text().any(|t| t.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(CLASSES.windows(2).all(|w| w[0] < w[1]));
    }

    /// Whether the fragment's first element is chrome.
    fn chrome(html: &str, in_heading: bool) -> bool {
        let doc = Html::parse_fragment(html);
        let element = doc.root_element().child_elements().next().unwrap();
        is_chrome(element, in_heading)
    }

    #[test]
    fn rules() {
        assert!(chrome(
            r#"<div class="related" role="navigation">x</div>"#,
            false
        ));
        assert!(chrome(r#"<div role=" navigation ">x</div>"#, false));
        assert!(chrome(
            r#"<div class="md-sidebar md-sidebar--primary">x</div>"#,
            false
        ));
        assert!(chrome(r#"<span aria-hidden="true">x</span>"#, false));
        assert!(chrome(r#"<nav id="TableOfContents"></nav>"#, false));
        assert!(chrome(r#"<div id="toc">x</div>"#, false));
        assert!(chrome(r#"<div hidden>x</div>"#, false));
        assert!(!chrome(r#"<div class="body" role="main">x</div>"#, false));
        assert!(!chrome(r#"<div class="section">x</div>"#, false));
        assert!(!chrome(r#"<p class="Related">x</p>"#, false));
        assert!(!chrome(
            r#"<h2 class="anchor anchorWithStickyNavbar" id="x">x</h2>"#,
            false
        ));
    }

    #[test]
    fn permalink_marks_only_inside_headings() {
        assert!(chrome(r##"<a href="#x">¶</a>"##, true));
        assert!(chrome("<a href=\"#x\">\u{200b}</a>", true));
        assert!(chrome(r##"<a href="#x"><svg></svg></a>"##, true));
        assert!(chrome(r##"<a href="#x"> # </a>"##, true));
        assert!(!chrome(r##"<a href="#x">¶</a>"##, false));
        assert!(!chrome(r##"<a href="#x">Billing</a>"##, true));
        assert!(!chrome(r##"<a href="/x">¶</a>"##, true));
        assert!(!chrome(r##"<a id="x"></a>"##, true));
    }
}
