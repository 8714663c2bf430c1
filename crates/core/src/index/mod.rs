//! The index: its files, how they are built and how they are read.
//!
//! An index is a few static files: a small **core** (field lengths, the folding and pinyin
//! tables, where each shard and chunk starts), **vocabulary shards** (fst maps of the terms,
//! split by term range), **postings chunks** (lists of articles per term, split by term range
//! too) and **fragments chunks** (what results display). A query fetches only the shards and
//! chunks its words fall in.
//! Every file carries the [`format`](mod@format) header, so damage and mixed builds are caught on load.

#[cfg(feature = "build")]
pub mod build;
mod core_data;
pub mod format;
pub mod fragments;
mod fst_check;
mod norms;
pub mod postings;
mod reader;
mod vocabulary;

pub use core_data::TermValue;
pub use format::{FileKind, FormatError};
pub use fragments::Fragment;
pub use reader::Index;
