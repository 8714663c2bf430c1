//! What can go wrong, and where.
//!
//! Only an input argument that cannot be read at all is an [`Error`]. Everything that goes wrong
//! with one article is a [`Problem`]: it is reported and every other article is still read, the
//! way ripgrep reports an unreadable file and keeps searching.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A fatal error: an input argument itself is missing, unreadable or of an unknown kind, or a
/// glob does not parse.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input path could not be opened or inspected.
    #[error("{}: {source}", path.display())]
    Input {
        /// The input argument.
        path: PathBuf,
        /// Why it could not be read.
        source: io::Error,
    },
    /// A file input whose extension names no format this crate reads.
    #[error(
        "{}: unknown input format (expected a folder, .md, .markdown, .html, .htm, .jsonl, .jsonl.gz or .json)",
        path.display()
    )]
    UnknownFormat {
        /// The input argument.
        path: PathBuf,
    },
    /// An [`Options::include`](crate::Options) or `exclude` pattern that is not a glob.
    #[error("bad glob {pattern:?}: {message}")]
    Glob {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
}

/// One article (a file, or one line of a JSON Lines file) that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file the article came from.
    pub path: PathBuf,
    /// 1-based line in that file, when the problem has one (JSON Lines records, front matter
    /// errors, invalid UTF-8).
    pub line: Option<u64>,
    /// What is wrong.
    pub reason: Reason,
}

/// Formats as `path:line: reason`, or `path: reason` without a line, like ripgrep.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// Why an article could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reason {
    /// The file could not be opened or read (a dangling symlink, a permission error, a
    /// corrupt gzip stream, ...).
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// A symlink that points back to one of its own parent folders.
    #[error("symlink loop: leads back to {}", .0.display())]
    SymlinkLoop(PathBuf),
    /// The file or JSON line is larger than [`Options::max_article_bytes`](crate::Options).
    #[error("{size} bytes is over the {} cap per article (max_article_bytes)", ByteSize(*.cap))]
    TooLarge {
        /// Size of the file or line in bytes.
        size: u64,
        /// The cap in force.
        cap: u64,
    },
    /// The file contains NUL bytes, so it is not text.
    #[error("binary file (contains NUL bytes)")]
    Binary,
    /// The text is not valid UTF-8; the problem's line is where the first bad byte is.
    #[error("not valid UTF-8")]
    InvalidUtf8,
    /// A file's text is not all valid UTF-8: the bad bytes were replaced with U+FFFD and the
    /// article indexed (a warning); the line is where the first bad byte is.
    #[error("not valid UTF-8: bad bytes replaced with \u{FFFD}, the rest indexed")]
    ReplacedInvalidUtf8,
    /// The YAML or TOML front matter does not parse, or a known key has the wrong type.
    #[error("broken front matter: {0}")]
    FrontMatter(String),
    /// A JSON record is not valid JSON or lacks a required field.
    #[error("bad record: {0}")]
    BadRecord(String),
    /// The article has neither a title of its own nor any text.
    #[error("empty article: no title and no text")]
    Empty,
    /// Another article, read earlier, already has this id; the earlier one is kept.
    #[error("duplicate id {id:?}: already used by {first}")]
    DuplicateId {
        /// The id both articles have.
        id: String,
        /// Where the kept article came from, as `path` or `path:line`.
        first: String,
    },
    /// Another article, read earlier, already has this url. Both are kept: this is a warning
    /// (see [`Ingested::warnings`](crate::Ingested)).
    #[error("duplicate url {url:?}: already used by {first}")]
    DuplicateUrl {
        /// The url both articles have.
        url: String,
        /// Where the kept article came from, as `path` or `path:line`.
        first: String,
    },
}

/// An article left out on purpose; not a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file the article came from.
    pub path: PathBuf,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Formats as `path: reason`.
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Why an article was left out. Each reads as a noun, so a summary can count them ("3 index
/// pages").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, thiserror::Error)]
#[non_exhaustive]
pub enum SkipReason {
    /// Front matter says `draft: true`.
    #[error("draft")]
    Draft,
    /// An HTML page that forwards to another (`<meta http-equiv="refresh">`).
    #[error("redirect")]
    Redirect,
    /// A generator's "page not found" page (`404.html`).
    #[error("error page")]
    ErrorPage,
    /// A generator's search page (`search.html` with a search form).
    #[error("search page")]
    SearchPage,
    /// An HTML page that asks search engines to leave it out (`<meta name="robots"
    /// content="noindex">`).
    #[error("noindex page")]
    NoIndex,
    /// A page of links to other pages: a generated index (Sphinx `genindex`, `py-modindex`,
    /// DocBook's index), a table of contents, a tag or section listing.
    #[error("index page")]
    IndexPage,
}

/// Shows a byte count the way a person set it: `8 MiB` rather than `8388608 bytes`.
struct ByteSize(u64);

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MIB: u64 = 1 << 20;
        const KIB: u64 = 1 << 10;
        match self.0 {
            n if n >= MIB && n % MIB == 0 => write!(f, "{} MiB", n / MIB),
            n if n >= KIB && n % KIB == 0 => write!(f, "{} KiB", n / KIB),
            n => write!(f, "{n}-byte"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_display_is_ripgrep_style() {
        let with_line = Problem {
            path: PathBuf::from("docs/a.jsonl"),
            line: Some(12),
            reason: Reason::BadRecord("missing field `id`".into()),
        };
        assert_eq!(
            with_line.to_string(),
            "docs/a.jsonl:12: bad record: missing field `id`"
        );
        let without = Problem {
            path: PathBuf::from("docs/b.md"),
            line: None,
            reason: Reason::Binary,
        };
        assert_eq!(
            without.to_string(),
            "docs/b.md: binary file (contains NUL bytes)"
        );
    }

    #[test]
    fn too_large_names_the_cap() {
        let reason = Reason::TooLarge {
            size: 9_000_000,
            cap: 8 << 20,
        };
        assert_eq!(
            reason.to_string(),
            "9000000 bytes is over the 8 MiB cap per article (max_article_bytes)"
        );
        let odd = Reason::TooLarge { size: 11, cap: 10 };
        assert_eq!(
            odd.to_string(),
            "11 bytes is over the 10-byte cap per article (max_article_bytes)"
        );
    }

    #[test]
    fn skipped_display() {
        let s = Skipped {
            path: PathBuf::from("a.md"),
            reason: SkipReason::Draft,
        };
        assert_eq!(s.to_string(), "a.md: draft");
    }
}
