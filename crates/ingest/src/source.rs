//! Finding what to read: input arguments → files and their formats.
//!
//! Discovery only looks at names and sizes, so the CLI can show a progress bar sized in bytes
//! before any parsing starts. Folders are walked in file-name order so that "the first" of two
//! duplicates is the same on every file system. [`Options::include`] and [`Options::exclude`]
//! globs pick the files of a folder.

use std::io;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use crate::problem::{Error, Problem, Reason};
use crate::Options;

/// The inputs found by [`Sources::discover`], ready for [`read`](crate::read).
#[derive(Debug)]
pub struct Sources {
    pub(crate) items: Vec<Source>,
    /// Problems found while walking folders (symlink loops, unreadable entries, files over the
    /// size cap); they are handed on in [`Ingested::problems`](crate::Ingested).
    pub(crate) problems: Vec<Problem>,
    total_bytes: u64,
    excluded: usize,
}

/// One file to read.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    /// Path relative to the input folder with `/` separators (the file name for a file input).
    pub(crate) rel: String,
    pub(crate) kind: Kind,
    /// Size on disk when discovered (compressed size for `.jsonl.gz`).
    pub(crate) size: u64,
}

/// A file's format, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One article per file.
    Page(PageKind),
    /// One record per line; `.jsonl.gz` is gzip-compressed.
    JsonLines { gzip: bool },
    /// tinysearch's `[{"title", "url", "body"}]`.
    Tinysearch,
}

/// The formats that hold one article per file; these are what folders are walked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PageKind {
    Markdown,
    Html,
}

impl Kind {
    /// The format a file name says, if it is one this crate reads.
    pub(crate) fn of(path: &Path) -> Option<Kind> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let ends = |suffix: &str| name.len() > suffix.len() && name.ends_with(suffix);
        if ends(".md") || ends(".markdown") {
            Some(Kind::Page(PageKind::Markdown))
        } else if ends(".html") || ends(".htm") {
            Some(Kind::Page(PageKind::Html))
        } else if ends(".jsonl") {
            Some(Kind::JsonLines { gzip: false })
        } else if ends(".jsonl.gz") {
            Some(Kind::JsonLines { gzip: true })
        } else if ends(".json") {
            Some(Kind::Tinysearch)
        } else {
            None
        }
    }
}

impl Sources {
    /// Finds the files to read. A folder is walked recursively for Markdown (`.md`,
    /// `.markdown`) and HTML (`.html`, `.htm`) files, skipping hidden entries and
    /// `node_modules`; other files in it are ignored. A file argument is read by its extension
    /// (`.md`, `.markdown`, `.html`, `.htm`, `.jsonl`, `.jsonl.gz`, `.json`).
    ///
    /// Fails only when an input argument itself is missing, unreadable or of an unknown
    /// format; trouble inside a folder becomes a [`Problem`].
    pub fn discover(inputs: &[PathBuf], opts: &Options) -> Result<Sources, Error> {
        let filter = Filter::new(opts)?;
        let mut sources = Sources {
            items: Vec::new(),
            problems: Vec::new(),
            total_bytes: 0,
            excluded: 0,
        };
        for input in inputs {
            let meta = std::fs::metadata(input).map_err(|source| Error::Input {
                path: input.clone(),
                source,
            })?;
            if meta.is_dir() {
                sources.walk(input, opts, &filter)?;
            } else {
                let kind = Kind::of(input).ok_or_else(|| Error::UnknownFormat {
                    path: input.clone(),
                })?;
                let rel = input
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                sources.add(input.clone(), rel, kind, meta.len(), opts);
            }
        }
        Ok(sources)
    }

    /// Bytes that [`read`](crate::read) will report through its progress callback in all.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Files of the folders that `include`/`exclude` left out.
    pub fn excluded(&self) -> usize {
        self.excluded
    }

    /// Number of files to read.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn walk(&mut self, root: &Path, opts: &Options, filter: &Filter) -> Result<(), Error> {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skipped_name(e.path()));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) if err.depth() == 0 => {
                    return Err(Error::Input {
                        path: root.to_path_buf(),
                        source: err
                            .into_io_error()
                            .unwrap_or_else(|| io::Error::other("walk failed")),
                    });
                }
                Err(err) => {
                    self.walk_error(root, err);
                    continue;
                }
            };
            let kind = Kind::of(entry.path());
            if !entry.file_type().is_file() || !matches!(kind, Some(Kind::Page(_))) {
                continue;
            }
            let rel = relative_id(root, entry.path());
            if !filter.allows(&rel) {
                self.excluded += 1;
                continue;
            }
            let size = match entry.metadata() {
                Ok(meta) => meta.len(),
                Err(err) => {
                    self.walk_error(root, err);
                    continue;
                }
            };
            self.add(
                entry.into_path(),
                rel,
                kind.expect("checked above"),
                size,
                opts,
            );
        }
        Ok(())
    }

    /// Reports a folder entry that could not be read, unless it is one that would have been
    /// ignored anyway (a dangling symlink named `logo.png`, say).
    fn walk_error(&mut self, root: &Path, err: walkdir::Error) {
        let path = err.path().unwrap_or(root).to_path_buf();
        let reason = if let Some(ancestor) = err.loop_ancestor() {
            Reason::SymlinkLoop(ancestor.to_path_buf())
        } else {
            let not_found = err
                .io_error()
                .is_some_and(|e| e.kind() == io::ErrorKind::NotFound);
            let would_read = matches!(Kind::of(&path), Some(Kind::Page(_)));
            if skipped_name(&path) || (not_found && !would_read) {
                return;
            }
            Reason::Unreadable(match err.io_error() {
                Some(e) => e.to_string(),
                None => err.to_string(),
            })
        };
        self.problems.push(Problem {
            path,
            line: None,
            reason,
        });
    }

    fn add(&mut self, path: PathBuf, rel: String, kind: Kind, size: u64, opts: &Options) {
        let cap = opts.max_article_bytes;
        // The cap is per article: a JSON Lines file is checked line by line instead.
        if matches!(kind, Kind::Page(_)) && size > cap {
            self.problems.push(Problem {
                path,
                line: None,
                reason: Reason::TooLarge { size, cap },
            });
            return;
        }
        self.total_bytes += size;
        self.items.push(Source {
            path,
            rel,
            kind,
            size,
        });
    }
}

/// The `include` and `exclude` globs, matched against paths relative to the input folder.
struct Filter {
    /// `None`: every file is included.
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filter {
    fn new(opts: &Options) -> Result<Filter, Error> {
        let include = match opts.include.is_empty() {
            true => None,
            false => Some(glob_set(&opts.include)?),
        };
        Ok(Filter {
            include,
            exclude: glob_set(&opts.exclude)?,
        })
    }

    fn allows(&self, rel: &str) -> bool {
        self.include.as_ref().is_none_or(|set| set.is_match(rel)) && !self.exclude.is_match(rel)
    }
}

/// Globs as gitignore reads them: `*` stays inside a folder and `**` crosses folders, and a
/// pattern without `/` matches a file name in any folder (`genindex*.html`).
fn glob_set(patterns: &[String]) -> Result<GlobSet, Error> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let full = match pattern.contains('/') {
            true => pattern.trim_start_matches('/').to_owned(),
            false => format!("**/{pattern}"),
        };
        let glob = GlobBuilder::new(&full)
            .literal_separator(true)
            .build()
            .map_err(|e| Error::Glob {
                pattern: pattern.clone(),
                message: e.kind().to_string(),
            })?;
        set.add(glob);
    }
    set.build().map_err(|e| Error::Glob {
        pattern: patterns.join(" "),
        message: e.to_string(),
    })
}

/// Hidden files and folders (`.git`, editor lock files) and `node_modules` are not content.
fn skipped_name(path: &Path) -> bool {
    path.file_name().is_some_and(|name| {
        let name = name.to_string_lossy();
        name.starts_with('.') || name == "node_modules"
    })
}

/// `path` below `root`, with `/` separators whatever the platform.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let kind = |name: &str| Kind::of(Path::new(name));
        assert_eq!(kind("a/b.md"), Some(Kind::Page(PageKind::Markdown)));
        assert_eq!(kind("B.MARKDOWN"), Some(Kind::Page(PageKind::Markdown)));
        assert_eq!(kind("index.htm"), Some(Kind::Page(PageKind::Html)));
        assert_eq!(kind("x.jsonl"), Some(Kind::JsonLines { gzip: false }));
        assert_eq!(kind("x.jsonl.gz"), Some(Kind::JsonLines { gzip: true }));
        assert_eq!(kind("search.json"), Some(Kind::Tinysearch));
        assert_eq!(kind("SOURCE.txt"), None);
        assert_eq!(kind("x.json.gz"), None);
        assert_eq!(kind(".md"), None);
    }

    #[test]
    fn relative_ids_use_slashes() {
        assert_eq!(
            relative_id(Path::new("/docs"), Path::new("/docs/a/b/c.md")),
            "a/b/c.md"
        );
    }

    #[test]
    fn globs_match_relative_paths_like_gitignore() {
        let opts = |include: &[&str], exclude: &[&str]| Options {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            ..Options::default()
        };
        let all = Filter::new(&opts(&[], &["genindex*.html", "_static/**", "/404.html"])).unwrap();
        assert!(all.allows("guide/a.html"));
        assert!(!all.allows("genindex.html"));
        assert!(!all.allows("api/genindex-C.html"));
        assert!(!all.allows("_static/x/y.html"));
        assert!(!all.allows("404.html"));
        assert!(all.allows("en/404.html"));
        let docs = Filter::new(&opts(&["docs/*.md"], &["docs/draft-*"])).unwrap();
        assert!(docs.allows("docs/a.md"));
        assert!(!docs.allows("docs/sub/a.md"));
        assert!(!docs.allows("docs/draft-a.md"));
        assert!(!docs.allows("blog/a.md"));
        match Filter::new(&opts(&["docs/[a.md"], &[])) {
            Err(Error::Glob { pattern, .. }) => assert_eq!(pattern, "docs/[a.md"),
            _ => panic!("a broken glob is an error"),
        }
    }

    #[test]
    fn hidden_and_vendor_names_are_skipped() {
        assert!(skipped_name(Path::new("x/.git")));
        assert!(skipped_name(Path::new("x/node_modules")));
        assert!(skipped_name(Path::new(".#draft.md")));
        assert!(!skipped_name(Path::new("docs/guide.md")));
    }
}
