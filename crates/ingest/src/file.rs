//! One Markdown or HTML file → one article.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use helpdex_core::Article;

use crate::problem::{Reason, SkipReason, Skipped};
use crate::source::{PageKind, Source};
use crate::{front_matter, html, markdown, Found, HtmlPage, Options, Outcome};

/// Reads, decodes and converts one file; reports its size to `progress` when done.
pub(crate) fn read(
    source: &Source,
    index: usize,
    kind: PageKind,
    opts: &Options,
    progress: &(dyn Fn(u64) + Sync),
) -> Outcome {
    let mut replaced = None;
    let mut html_page = None;
    let outcome = read_text(&source.path, opts.max_article_bytes).and_then(|decoded| {
        replaced = decoded.replaced_at;
        match kind {
            PageKind::Markdown => from_markdown(source, &decoded.text, opts),
            PageKind::Html => from_html(source, &decoded.text, opts, &mut html_page),
        }
    });
    progress(source.size);
    match outcome {
        Ok(Page::Article(article)) => Outcome::Article(Box::new(Found {
            article: *article,
            order: (index, 0),
            path: source.path.clone(),
            line: None,
            html: html_page,
            warning: replaced.map(|line| {
                Box::new(crate::Problem {
                    path: source.path.clone(),
                    line: Some(line),
                    reason: Reason::ReplacedInvalidUtf8,
                })
            }),
        })),
        Ok(Page::Skipped(reason)) => Outcome::Skipped(Skipped {
            path: source.path.clone(),
            reason,
        }),
        Err((line, reason)) => Outcome::Problem(crate::Problem {
            path: source.path.clone(),
            line,
            reason,
        }),
    }
}

/// A file that was read fine.
enum Page {
    Article(Box<Article>),
    Skipped(SkipReason),
}

/// What went wrong, and on which line when known.
type Failure = (Option<u64>, Reason);

/// A file's text, and the line of its first invalid UTF-8 byte if it had any (replaced).
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) replaced_at: Option<u64>,
}

fn read_text(path: &Path, cap: u64) -> Result<Decoded, Failure> {
    let unreadable = |e: std::io::Error| (None, Reason::Unreadable(e.to_string()));
    let file = File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // Read one byte past the cap to notice a file that grew since discovery.
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > cap {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err((None, Reason::TooLarge { size, cap }));
    }
    decode(bytes)
}

/// Bytes → text: rejects binary files, replaces invalid UTF-8 (one bad byte in a real page
/// must not lose the page), strips a BOM and turns CRLF into LF.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<Decoded, Failure> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err((None, Reason::Binary));
    }
    let (mut text, replaced_at) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = memchr::memchr_iter(b'\n', valid).count() as u64 + 1;
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(line),
            )
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    Ok(Decoded { text, replaced_at })
}

fn from_markdown(source: &Source, text: &str, opts: &Options) -> Result<Page, Failure> {
    let (fm, body) = front_matter::split(text)
        .map_err(|broken| (Some(broken.line), Reason::FrontMatter(broken.message)))?;
    if fm.draft {
        return Ok(Page::Skipped(SkipReason::Draft));
    }
    let markdown::Converted {
        title,
        parts,
        links,
    } = markdown::convert(body, fm.title);
    if title.is_none() && parts.is_empty() {
        return Err((None, Reason::Empty));
    }
    let url = fm.url.unwrap_or_else(|| {
        page_url(
            &opts.base_url,
            &source.rel,
            PageKind::Markdown,
            fm.slug.as_deref(),
        )
    });
    Ok(Page::Article(Box::new(Article {
        page: helpdex_core::Page {
            id: source.rel.clone(),
            url,
            title: title.unwrap_or_else(|| file_stem(&source.rel)),
            lang: fm.lang,
            section: fm.section,
            updated: fm.updated,
            parts,
        },
        description: fm.description,
        tags: fm.tags,
        links,
    })))
}

/// `html_page` receives what the site-wide steps need once every page is read (see
/// [`HtmlPage`]).
fn from_html(
    source: &Source,
    text: &str,
    opts: &Options,
    html_page: &mut Option<Box<HtmlPage>>,
) -> Result<Page, Failure> {
    let page = html::convert(text, &source.rel);
    if let Some(reason) = page.skip {
        return Ok(Page::Skipped(reason));
    }
    *html_page = Some(Box::new(HtmlPage {
        document_title: page.document_title.clone(),
        titled_by_document: page.title.is_none(),
        marked: page.marked,
    }));
    let title = page.title.or(page.document_title);
    if title.is_none() && page.parts.is_empty() {
        return Err((None, Reason::Empty));
    }
    Ok(Page::Article(Box::new(Article {
        page: helpdex_core::Page {
            id: source.rel.clone(),
            url: page_url(&opts.base_url, &source.rel, PageKind::Html, None),
            title: title.unwrap_or_else(|| file_stem(&source.rel)),
            lang: page.lang,
            section: None,
            updated: None,
            parts: page.parts,
        },
        description: page.description,
        tags: page.tags,
        links: page.links,
    })))
}

/// The file name without its extension, the title of last resort.
fn file_stem(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_owned()
}

/// Where a file's page is served: Markdown drops its extension (`a/b.md` → `a/b`), built HTML
/// keeps it; an index file stands for its folder (`a/index.md` → `a/`). A front-matter `slug`
/// replaces the last segment.
fn page_url(base: &str, rel: &str, kind: PageKind, slug: Option<&str>) -> String {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let (index, leaf) = match kind {
        PageKind::Markdown => {
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            (stem == "index" || stem == "_index", stem)
        }
        PageKind::Html => {
            let lower = name.to_ascii_lowercase();
            (lower == "index.html" || lower == "index.htm", name)
        }
    };
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    if !index {
        segments.push(leaf);
    }
    if let Some(slug) = slug {
        match segments.last_mut() {
            Some(last) => *last = slug,
            None => segments.push(slug),
        }
    }
    let mut url = format!("{}/{}", base.trim_end_matches('/'), segments.join("/"));
    if index && !segments.is_empty() {
        url.push('/');
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let md = |rel, slug| page_url("/", rel, PageKind::Markdown, slug);
        assert_eq!(md("guide/reset.md", None), "/guide/reset");
        assert_eq!(md("guide/index.md", None), "/guide/");
        assert_eq!(md("guide/_index.md", None), "/guide/");
        assert_eq!(md("index.md", None), "/");
        assert_eq!(md("guide/reset.md", Some("password")), "/guide/password");
        assert_eq!(md("guide/index.md", Some("start")), "/start/");
        let html = |rel| page_url("https://help.example/docs/", rel, PageKind::Html, None);
        assert_eq!(html("a/b.html"), "https://help.example/docs/a/b.html");
        assert_eq!(html("a/index.html"), "https://help.example/docs/a/");
        assert_eq!(html("index.htm"), "https://help.example/docs/");
        assert_eq!(
            page_url("/docs", "x.md", PageKind::Markdown, None),
            "/docs/x"
        );
    }

    #[test]
    fn stems() {
        assert_eq!(file_stem("a/b/getting-started.md"), "getting-started");
        assert_eq!(file_stem("README"), "README");
    }

    #[test]
    fn decode_cleans_replaces_and_rejects() {
        let clean = decode(b"\xEF\xBB\xBFa\r\nb\r\n".to_vec()).unwrap();
        assert_eq!((clean.text.as_str(), clean.replaced_at), ("a\nb\n", None));
        assert_eq!(decode(b"a\0b".to_vec()).err().unwrap().1, Reason::Binary);
        let bad = decode(b"ok\nok\nbad \xFF\n".to_vec()).unwrap();
        assert_eq!(
            (bad.text.as_str(), bad.replaced_at),
            ("ok\nok\nbad \u{FFFD}\n", Some(3))
        );
    }
}
