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

/// Settings for reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Largest article file or JSON line to read, in bytes (default 8 MiB). Anything larger is
    /// reported as a problem instead of being loaded: it is almost surely not a help article.
    pub max_article_bytes: u64,
    /// Prefix for the urls of Markdown and HTML files (default `/`): `a/b.md` gets
    /// `{base_url}a/b`. Front-matter `url`s and JSON records' urls are used as they are.
    pub base_url: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_article_bytes: 8 << 20,
            base_url: "/".to_owned(),
        }
    }
}

/// Everything [`read`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ingested {
    /// The articles, sorted by id; ids are unique (a shared url is a warning).
    pub articles: Vec<Article>,
    /// Articles left out on purpose (drafts), sorted by path.
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
    Article(Found),
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
    /// Something to tell about the article that did not keep it out.
    pub(crate) warning: Option<Box<Problem>>,
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
                found.push(f)
            }
            Outcome::Skipped(s) => skipped.push(s),
            Outcome::Problem(p) => problems.push(p),
        }
    }
    found.sort_unstable_by_key(|f| f.order);

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
