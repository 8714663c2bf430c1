//! The core file's content: everything a query needs before it knows which chunks to fetch.

use serde::{Deserialize, Serialize};

use super::postings::FIELD_COUNT;
use crate::analysis::{FoldTable, PinyinTable};

/// Serialized (postcard) payload of the core file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct CoreData {
    /// Number of articles; doc numbers run from 0 to `docs - 1`.
    pub docs: u32,
    /// Average length of each field over all articles, in tokens.
    pub average_lengths: [f32; FIELD_COUNT],
    /// [`FIELD_COUNT`] encoded lengths per article (see [`super::norms`]).
    // As bytes, not a sequence of u8s: the same encoding, read with one copy instead of one
    // call per byte (opening the core in the browser is on the first search's path).
    #[serde(with = "serde_bytes")]
    pub norms: Vec<u8>,
    /// The vocabulary: an fst map from term to a packed [`TermValue`].
    #[serde(with = "serde_bytes")]
    pub vocab: Vec<u8>,
    /// Number of postings chunks.
    pub postings_chunks: u32,
    /// First doc number of each fragments chunk, ascending, starting at 0.
    pub fragment_starts: Vec<u32>,
    /// Folding for queries.
    pub fold: FoldTable,
    /// Pinyin readings of the vocabulary's Han characters, for pinyin and homophone queries.
    pub pinyin: PinyinTable,
}

/// Where a term's postings list is, and how many articles it has; packed into the fst's u64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermValue {
    /// Postings chunk number (16 bits).
    pub chunk: u32,
    /// Byte offset of the list in the chunk's list area (24 bits).
    pub offset: u32,
    /// Document frequency (24 bits).
    pub df: u32,
}

impl TermValue {
    #[cfg(feature = "build")]
    pub(crate) fn pack(self) -> u64 {
        assert!(self.chunk < 1 << 16 && self.offset < 1 << 24 && self.df < 1 << 24);
        (self.chunk as u64) << 48 | (self.offset as u64) << 24 | self.df as u64
    }

    pub(crate) fn unpack(v: u64) -> TermValue {
        TermValue {
            chunk: (v >> 48) as u32,
            offset: ((v >> 24) & 0xFF_FFFF) as u32,
            df: (v & 0xFF_FFFF) as u32,
        }
    }
}
