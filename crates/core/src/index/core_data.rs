//! The core file's content: everything a query needs before it knows which shards and chunks
//! to fetch.

use serde::{Deserialize, Serialize};

use super::postings::FIELD_COUNT;
use crate::analysis::{FoldTable, PinyinTable, Synonyms};

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
    /// Number of terms in the vocabulary.
    pub terms: u32,
    /// Where each vocabulary shard starts (see [`super::vocabulary`]): its shortest start key,
    /// the first one empty, end to end.
    #[serde(with = "serde_bytes")]
    pub vocabulary_keys: Vec<u8>,
    /// Where each start key ends in `vocabulary_keys`.
    pub vocabulary_key_ends: Vec<u32>,
    /// The ordinal of each vocabulary shard's first term.
    pub vocabulary_ordinals: Vec<u32>,
    /// First term ordinal of each postings chunk, ascending, starting at 0: chunks hold the
    /// terms' lists in ordinal order.
    pub chunk_starts: Vec<u32>,
    /// First doc number of each fragments chunk, ascending, starting at 0.
    pub fragment_starts: Vec<u32>,
    /// Folding for queries.
    pub fold: FoldTable,
    /// Pinyin readings of the vocabulary's Han characters, for pinyin and homophone queries.
    pub pinyin: PinyinTable,
    /// The site's own synonym groups (`helpdex build --synonyms`); the built-in ones are in
    /// the engine.
    pub synonyms: Synonyms,
}

/// Where a term's postings list is, and about how many articles it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermValue {
    /// The term's ordinal in the vocabulary.
    pub ordinal: u32,
    /// Postings chunk number.
    pub chunk: u32,
    /// Document frequency, exact below 32 and within 3.5% above (see `DfByte`); scoring reads
    /// the exact one from the postings list.
    pub df: u32,
}

/// A document frequency in one byte: exact below 32, then in steps of 6%. Planning only needs
/// to tell common terms from rare ones; one byte per term keeps the core file small.
pub(crate) struct DfByte;

impl DfByte {
    const EXACT: usize = 32;

    /// The frequency each byte stands for, ascending. Integer rounding and repeated f64
    /// multiplication give the same table on every platform, with no float library code.
    pub(crate) fn table() -> [u32; 256] {
        let mut table = [0u32; 256];
        let mut v = Self::EXACT as f64;
        for (b, slot) in table.iter_mut().enumerate() {
            if b < Self::EXACT {
                *slot = b as u32;
            } else {
                *slot = (v + 0.5) as u32;
                v *= 1.06;
            }
        }
        table
    }

    /// The byte whose frequency in `table` is nearest to `df`.
    #[cfg(feature = "build")]
    pub(crate) fn encode(table: &[u32; 256], df: u32) -> u8 {
        let above = table.partition_point(|&v| v < df).min(255);
        let below = above.saturating_sub(1);
        let nearer = if df.abs_diff(table[below]) < df.abs_diff(table[above]) {
            below
        } else {
            above
        };
        nearer as u8
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::DfByte;

    #[test]
    fn df_bytes_keep_order_and_stay_close() {
        let table = DfByte::table();
        assert!(table.windows(2).all(|w| w[0] < w[1]));
        let mut last = 0;
        for df in 0..2_000_000u32 {
            let back = table[DfByte::encode(&table, df) as usize];
            assert!(back >= last, "monotone at {df}");
            last = back;
            let error = (back as f64 - df as f64).abs() / (df.max(1) as f64);
            assert!(error <= 0.035, "{df} -> {back}");
        }
    }
}
