//! Reads help-center articles into [`helpdex_core::Article`]s for indexing.
//!
//! Inputs are what `helpdex build INPUT...` is given:
//!
//! - **a folder**, walked for Markdown (`.md`, `.markdown`, with YAML `---` or TOML `+++` front
//!   matter) and built HTML (`.html`, `.htm`); other files are ignored;
//! - **a JSON Lines file** (`.jsonl`, `.jsonl.gz`) of records `{id, url, title, body, lang?,
//!   section?, tags?, updated?, description?}` whose body is Markdown;
//! - **a tinysearch JSON file** (`.json`): `[{"title", "url", "body"}]` with plain-text bodies;
//! - a single Markdown or HTML file.
//!
//! Reading happens in two steps so a caller can show progress: [`Sources::discover`] finds the
//! files and their total size, then [`read`] parses them in parallel and reports bytes as they
//! are read.
//!
//! **Bad input loses nothing.** An article that cannot be used (broken front matter, a
//! duplicate id, a JSON record that is not valid UTF-8, ...) becomes a [`Problem`] that says
//! where and why, and every other article is still returned; a Markdown or HTML file with
//! invalid UTF-8 is kept, its bad bytes replaced, with a warning. Only an input argument that cannot be read at all is an
//! [`Error`]. Articles come back sorted by id, so the same input gives the same output whatever
//! order the file system lists files in.
//!
//! ```no_run
//! use std::path::PathBuf;
//! use helpdex_ingest::{read, Options, Sources};
//!
//! let opts = Options::default();
//! let sources = Sources::discover(&[PathBuf::from("docs")], &opts)?;
//! println!("reading {} files, {} bytes", sources.len(), sources.total_bytes());
//! let ingested = read(sources, &opts, &|_bytes| {});
//! for problem in &ingested.problems {
//!     eprintln!("{problem}"); // docs/a.md:3: broken front matter: ...
//! }
//! println!("{} articles", ingested.articles.len());
//! # Ok::<(), helpdex_ingest::Error>(())
//! ```

#![deny(missing_docs)]

mod chrome;
mod file;
mod front_matter;
mod html;
mod json;
mod markdown;
mod problem;
mod slug;
mod source;
mod text;

use std::collections::HashMap;
use std::path::PathBuf;

use helpdex_core::Article;
use rayon::prelude::*;

pub use problem::{Error, Problem, Reason, SkipReason, Skipped};
use source::Kind;
pub use source::Sources;

/// The anchor a Markdown heading with this text gets (GitHub's rule), as ingest gives it:
/// for tools that check links to headings ingest did not keep, such as an article's title.
pub fn heading_anchor(text: &str) -> String {
    slug::slugify(text)
}

/// Settings for reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Largest article file or JSON line to read, in bytes (default 8 MiB). Anything larger is
    /// reported as a problem instead of being loaded: it is almost surely not a help article.
    pub max_article_bytes: u64,
    /// Prefix for the urls of Markdown and HTML files (default `/`): `a/b.md` gets
    /// `{base_url}a/b`. Front-matter `url`s and JSON records' urls are used as they are.
    pub base_url: String,
    /// Globs of the files to read in input folders (default: all), matched against the path
    /// below the folder with `/` separators: `*` stays inside a folder, `**` crosses folders,
    /// and a pattern without `/` matches a file name at any depth. File inputs are always read.
    pub include: Vec<String>,
    /// Globs of files in input folders to leave out, matched as `include` is; they win over it.
    pub exclude: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_article_bytes: 8 << 20,
            base_url: "/".to_owned(),
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

/// Everything [`read`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ingested {
    /// The articles, sorted by id; ids are unique (a shared url is a warning).
    pub articles: Vec<Article>,
    /// Articles left out on purpose, sorted by path: drafts, and HTML pages that are no
    /// answers (redirects, 404 and search pages, robots noindex, index pages).
    pub skipped: Vec<Skipped>,
    /// Articles that could not be used, sorted by path and line.
    pub problems: Vec<Problem>,
    /// Articles that were kept but look wrong (a url another article already has), sorted by
    /// path and line.
    pub warnings: Vec<Problem>,
}

/// Reads and converts every discovered file, in parallel.
///
/// `progress` is called from worker threads with the number of bytes just read (compressed
/// bytes for `.jsonl.gz`); the calls add up to [`Sources::total_bytes`].
pub fn read(sources: Sources, opts: &Options, progress: &(dyn Fn(u64) + Sync)) -> Ingested {
    let Sources {
        items, problems, ..
    } = sources;
    let mut outcomes: Vec<Outcome> = items
        .par_iter()
        .enumerate()
        .filter_map(|(index, source)| match source.kind {
            Kind::Page(kind) => Some(file::read(source, index, kind, opts, progress)),
            _ => None,
        })
        .collect();
    // A JSON Lines file is parsed in parallel inside, so JSON files are taken one at a time.
    for (index, source) in items.iter().enumerate() {
        match source.kind {
            Kind::JsonLines { gzip } => {
                outcomes.extend(json::read_lines(source, index, gzip, opts, progress));
            }
            Kind::Tinysearch => {
                outcomes.extend(json::read_tinysearch(source, index, opts, progress))
            }
            Kind::Page(_) => {}
        }
    }
    finish(outcomes, problems)
}

/// What reading one article gave.
pub(crate) enum Outcome {
    Article(Box<Found>),
    Skipped(Skipped),
    Problem(Problem),
}

/// An article and where it came from.
pub(crate) struct Found {
    pub(crate) article: Article,
    /// Index of its source in discovery order, and its position in that source (the line of a
    /// JSON Lines record, the index of a tinysearch entry, 0 for a file): decides which of two
    /// duplicates came first.
    pub(crate) order: (usize, u64),
    pub(crate) path: PathBuf,
    pub(crate) line: Option<u64>,
    /// Set for an HTML page.
    pub(crate) html: Option<Box<HtmlPage>>,
    /// Something to tell about the article that did not keep it out.
    pub(crate) warning: Option<Box<Problem>>,
}

/// What the steps over a whole HTML site need to know of each page.
pub(crate) struct HtmlPage {
    /// `<title>`.
    pub(crate) document_title: Option<String>,
    /// Whether the article's title is `document_title` (the page has no `<h1>`).
    pub(crate) titled_by_document: bool,
    /// Whether the page marks its content; if not, its layout is unknown (see
    /// [`drop_repeated_lines`]).
    pub(crate) marked: bool,
}

impl Found {
    fn location(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

/// Drops duplicate ids (keeping the first in discovery order), warns about duplicate urls, and
/// sorts everything.
fn finish(outcomes: Vec<Outcome>, mut problems: Vec<Problem>) -> Ingested {
    let mut found = Vec::with_capacity(outcomes.len());
    let mut skipped = Vec::new();
    let mut warnings = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Article(mut f) => {
                warnings.extend(f.warning.take().map(|w| *w));
                found.push(*f)
            }
            Outcome::Skipped(s) => skipped.push(s),
            Outcome::Problem(p) => problems.push(p),
        }
    }
    found.sort_unstable_by_key(|f| f.order);
    strip_site_suffix(&mut found);
    drop_repeated_lines(&mut found);

    let mut first_id: HashMap<&str, usize> = HashMap::with_capacity(found.len());
    let mut first_url: HashMap<&str, usize> = HashMap::with_capacity(found.len());
    let mut keep = vec![false; found.len()];
    for (i, f) in found.iter().enumerate() {
        if let Some(&first) = first_id.get(f.article.page.id.as_str()) {
            problems.push(Problem {
                path: f.path.clone(),
                line: f.line,
                reason: Reason::DuplicateId {
                    id: f.article.page.id.clone(),
                    first: found[first].location(),
                },
            });
            continue;
        }
        first_id.insert(&f.article.page.id, i);
        keep[i] = true;
        // A shared url is suspicious (two results would open the same page) but both articles
        // are real content: keep both and warn.
        match first_url.get(f.article.page.url.as_str()) {
            Some(&first) => warnings.push(Problem {
                path: f.path.clone(),
                line: f.line,
                reason: Reason::DuplicateUrl {
                    url: f.article.page.url.clone(),
                    first: found[first].location(),
                },
            }),
            None => {
                first_url.insert(&f.article.page.url, i);
            }
        }
    }

    let mut articles: Vec<Article> = found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, keep)| keep.then_some(f.article))
        .collect();
    articles.par_sort_unstable_by(|a, b| a.page.id.cmp(&b.page.id));
    for list in [&mut problems, &mut warnings] {
        list.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ingested {
        articles,
        skipped,
        problems,
        warnings,
    }
}

/// Cuts the site's name from the titles of HTML articles titled by their `<title>`: the
/// `SEPARATOR rest` ending that most pages' `<title>`s share (`Reset · Example Help`,
/// `Setup — Example 3.11 documentation`).
fn strip_site_suffix(found: &mut [Found]) {
    let titles: Vec<&str> = found
        .iter()
        .filter_map(|f| f.html.as_ref()?.document_title.as_deref())
        .collect();
    let Some(suffix) = site_suffix(&titles) else {
        return;
    };
    for f in found {
        if f.html.as_ref().is_some_and(|h| h.titled_by_document) {
            if let Some(rest) = f.article.page.title.strip_suffix(&suffix) {
                if !rest.trim().is_empty() {
                    f.article.page.title = rest.trim_end().to_owned();
                }
            }
        }
    }
}

/// Removes, from HTML pages that do not mark their content, the lines (blocks of text) that
/// more than half of those pages have, and at least [`REPEATS`]: a layout helpdex knows
/// nothing about repeats its footer, banner or "Was this helpful?" box on every page, while an
/// article's own words are its own.
fn drop_repeated_lines(found: &mut [Found]) {
    let unmarked = |f: &Found| f.html.as_ref().is_some_and(|h| !h.marked);
    let pages = found.iter().filter(|f| unmarked(f)).count();
    if pages < REPEATS {
        return;
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for f in found.iter().filter(|f| unmarked(f)) {
        let mut lines: Vec<&str> = f
            .article
            .page
            .parts
            .iter()
            .flat_map(|p| p.text.lines())
            .collect();
        lines.sort_unstable();
        lines.dedup();
        for line in lines {
            *counts.entry(line.to_owned()).or_default() += 1;
        }
    }
    counts.retain(|_, n| *n >= REPEATS && *n * 2 > pages);
    if counts.is_empty() {
        return;
    }
    for f in found.iter_mut().filter(|f| unmarked(f)) {
        for part in &mut f.article.page.parts {
            if part.text.lines().any(|l| counts.contains_key(l)) {
                let kept: Vec<&str> = part
                    .text
                    .lines()
                    .filter(|l| !counts.contains_key(*l))
                    .collect();
                part.text = kept.join("\n");
            }
        }
        f.article
            .page
            .parts
            .retain(|p| p.heading.is_some() || !p.text.is_empty());
    }
}

/// Pages a line must be on before [`drop_repeated_lines`] takes it for the layout's.
const REPEATS: usize = 3;

/// The `SEPARATOR rest` ending that more than half of `titles` (and at least two) share; the
/// longest such when several do.
fn site_suffix(titles: &[&str]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for title in titles {
        let mut endings: Vec<&str> = html::TITLE_SEPARATORS
            .iter()
            .flat_map(|sep| title.match_indices(sep).map(|(at, _)| &title[at..]))
            .filter(|ending| ending.len() < title.len())
            .collect();
        endings.sort_unstable();
        endings.dedup();
        for ending in endings {
            *counts.entry(ending).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2 && n * 2 > titles.len())
        .max_by_key(|&(ending, n)| (n, ending.len(), std::cmp::Reverse(ending)))
        .map(|(ending, _)| ending.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_what_most_titles_end_with() {
        let sphinx = [
            "csv — CSV File Reading and Writing — Python 3.11.2 documentation",
            "json — JSON encoder and decoder — Python 3.11.2 documentation",
            "Index — Python 3.11.2 documentation",
        ];
        assert_eq!(
            site_suffix(&sphinx).as_deref(),
            Some(" — Python 3.11.2 documentation")
        );
        let docs = ["Refunds | Docs", "Sign in | Docs", "Docs"];
        assert_eq!(site_suffix(&docs).as_deref(), Some(" | Docs"));
        // One page, or endings that only some pages share, say nothing about the site.
        assert_eq!(site_suffix(&["Refunds | Docs"]), None);
        let mixed = [
            "Setup - Android",
            "Setup - iOS",
            "Billing - iOS",
            "Help",
            "FAQ",
        ];
        assert_eq!(site_suffix(&mixed), None);
    }
}
