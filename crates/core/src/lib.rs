//! The helpdex search engine: analysis, index format, typo-tolerant search, ranking, excerpts.
//!
//! This crate has no I/O: it turns articles into index files (as bytes) and answers queries
//! from index bytes, so the same code runs in the `helpdex` CLI and, compiled to WebAssembly,
//! in the browser. The data path, module by module:
//!
//! 1. [`article`] — what ingestion produces: title, url, tags, body parts under headings.
//! 2. [`analysis`] — folding (case, width, diacritics, Traditional → Simplified Chinese),
//!    tokenizing (words; CJK bigrams) and pinyin (readings, splitting typed syllables).
//! 3. [`index`] — building and reading the files: a core (vocabulary [fst], field lengths,
//!    folding table, pinyin table), postings chunks and fragments chunks, each with a checked
//!    header.
//! 4. [`search`] — query words → candidate terms (exact, prefix, Levenshtein typos, Chinese
//!    homophones, pinyin and initials read as Chinese bigrams) → hits.
//! 5. [`ranking`] — words matched, exact title, then BM25F + proximity + title coverage.
//! 6. [`excerpt`] — best heading, excerpt text and highlight ranges for each hit.
//!
//! ```
//! use helpdex_core::{Article, Page, Part, index::build::{analyze, BuildOptions, IndexBuilder}};
//! use helpdex_core::{Index, SearchOptions};
//!
//! let mut builder = IndexBuilder::new(BuildOptions::default());
//! builder.add(analyze(&Article {
//!     page: Page {
//!         id: "reset.md".into(),
//!         url: "/reset".into(),
//!         title: "Reset your password".into(),
//!         parts: vec![Part { heading: None, text: "Open Settings, then Security.".into() }],
//!         ..Page::default()
//!     },
//!     ..Article::default()
//! }));
//! let built = builder.finish();
//!
//! // Every file loaded; the browser adds shards and chunks as queries need them.
//! let index: Index = built.open()?;
//! let plan = index.plan("pasword", true); // a typo
//! let hits = index.search(&plan, &SearchOptions::default())?;
//! assert_eq!(hits[0].doc, 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

pub mod analysis;
pub mod article;
pub mod excerpt;
pub mod index;
pub mod ranking;
pub mod search;

pub use article::{Article, Heading, Page, Part};
pub use excerpt::{Excerpt, Presented, SubResult};
pub use index::{FormatError, Fragment, Index};
pub use search::{Hit, Plan, SearchError, SearchOptions};
