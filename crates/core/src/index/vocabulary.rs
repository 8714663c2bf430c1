//! The vocabulary, split into shards by term range so that a query fetches only the ranges its
//! words fall in, whatever the size of the site.
//!
//! Each shard is an fst map from term to its global ordinal, plus one df byte per term. The
//! core file keeps only where each shard starts (a short key and the first ordinal). Every
//! lookup names the key prefixes it can match under: a term, a prefix, a first byte, the
//! characters a pinyin syllable may stand for. A lookup whose shards are all loaded answers
//! exactly what one unsharded fst would; one that lacks a shard answers nothing and notes the
//! shards, which the plan then reports as missing (see `Plan::missing_vocabulary`), so results
//! never depend on what happens to be cached.

use std::sync::atomic::{AtomicBool, Ordering};

use fst::{Automaton, IntoStreamer, Map, Streamer};

use super::format::FormatError;
use super::fst_check;

/// One loaded shard.
struct Shard {
    map: Map<Vec<u8>>,
    /// One [`super::core_data::DfByte`] per term, by ordinal from the shard's first.
    df: Vec<u8>,
}

/// The vocabulary's shard table and the shards added so far.
pub(crate) struct Vocabulary {
    /// Where each shard starts: the shortest key above the previous shard's last term (the
    /// first shard's is empty), end to end. Shard `i` holds the terms from key `i` up to key
    /// `i + 1`.
    keys: Vec<u8>,
    /// Where each key ends in `keys`.
    key_ends: Vec<u32>,
    /// The ordinal of each shard's first term; ordinals run on across shards.
    ordinals: Vec<u32>,
    terms: u32,
    shards: Vec<Option<Shard>>,
    /// Per shard, whether a lookup needed it and did not have it since the last
    /// [`Vocabulary::take_missing`]. Atomic flags, not a `RefCell`, so that an `Index` stays
    /// `Sync`; plans on several threads at once share the notes, which only makes one of them
    /// ask for a shard another needed.
    missing: Vec<AtomicBool>,
}

const fn malformed(what: &'static str) -> FormatError {
    FormatError::Malformed(what)
}

impl Vocabulary {
    /// The shard table from the core file, checked; no shard loaded yet.
    pub(crate) fn new(
        keys: Vec<u8>,
        key_ends: Vec<u32>,
        ordinals: Vec<u32>,
        terms: u32,
    ) -> Result<Vocabulary, FormatError> {
        let ends_ok = key_ends.len() == ordinals.len()
            && key_ends.first() == Some(&0)
            && key_ends.windows(2).all(|w| w[0] <= w[1])
            && key_ends.last() == Some(&(keys.len() as u32));
        if !ends_ok {
            return Err(malformed("vocabulary shard table"));
        }
        let key = |i: usize| &keys[key_ends[i.saturating_sub(1)] as usize..key_ends[i] as usize];
        let ok = (1..key_ends.len()).all(|i| key(i - 1) < key(i))
            && ordinals.first() == Some(&0)
            && ordinals.windows(2).all(|w| w[0] < w[1])
            && ordinals.last().is_some_and(|&o| o < terms || o == 0);
        if !ok {
            return Err(malformed("vocabulary shard table"));
        }
        let n = ordinals.len();
        Ok(Vocabulary {
            shards: (0..n).map(|_| None).collect(),
            keys,
            key_ends,
            ordinals,
            terms,
            missing: (0..n).map(|_| AtomicBool::new(false)).collect(),
        })
    }

    /// Number of terms, over every shard.
    pub(crate) fn terms(&self) -> u32 {
        self.terms
    }

    /// Number of shard files.
    pub(crate) fn shards(&self) -> u32 {
        self.shards.len() as u32
    }

    /// Whether shard `n` is loaded.
    pub(crate) fn has(&self, n: u32) -> bool {
        matches!(self.shards.get(n as usize), Some(Some(_)))
    }

    /// Adds shard `n` from its payload: the fst's length (u32), the fst, then its df bytes.
    pub(crate) fn add(&mut self, n: u32, payload: &[u8]) -> Result<(), FormatError> {
        let i = n as usize;
        let first = *self.ordinals.get(i).ok_or(malformed("shard number"))?;
        let end = self.ordinals.get(i + 1).copied().unwrap_or(self.terms);
        let (len, rest) = payload
            .split_at_checked(4)
            .ok_or(malformed("vocabulary shard"))?;
        let len = u32::from_le_bytes(len.try_into().unwrap()) as usize;
        let (fst, df) = rest
            .split_at_checked(len)
            .ok_or(malformed("vocabulary shard"))?;
        // The container's checksum already covers these bytes, so fst's own (whose crc32c
        // table would add 16 KiB to the browser module) is not checked again; their structure
        // is, since `fst` panics on a malformed node.
        if !fst_check::well_formed(fst) {
            return Err(malformed("vocabulary"));
        }
        let map = Map::new(fst.to_vec()).map_err(|_| malformed("vocabulary"))?;
        let count = (end - first) as usize;
        if map.len() != count || df.len() != count {
            return Err(malformed("vocabulary size"));
        }
        self.shards[i] = Some(Shard {
            map,
            df: df.to_vec(),
        });
        Ok(())
    }

    /// The start key of shard `i`.
    fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.key_ends[i - 1] };
        &self.keys[start as usize..self.key_ends[i] as usize]
    }

    /// The shard whose range holds `key`.
    fn shard_of(&self, key: &[u8]) -> usize {
        // Shard 0 starts at the empty key, which is below every other.
        let (mut lo, mut hi) = (0, self.key_ends.len());
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if self.key(mid) <= key {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Adds the shards that may hold terms starting with `prefix` to `needed`: give prefixes
    /// in ascending order, and `needed` stays ascending without repeats.
    pub(crate) fn add_needed(&self, prefix: &[u8], needed: &mut Vec<usize>) {
        let mut i = self.shard_of(prefix);
        loop {
            if needed.last() != Some(&i) {
                needed.push(i);
            }
            i += 1;
            if i >= self.key_ends.len() || !self.key(i).starts_with(prefix) {
                return;
            }
        }
    }

    fn note_missing(&self, shard: usize) {
        self.missing[shard].store(true, Ordering::Relaxed);
    }

    /// The shards lookups lacked since the last call, ascending; the record is cleared.
    pub(crate) fn take_missing(&self) -> Vec<u32> {
        (0..self.missing.len() as u32)
            .filter(|&i| self.missing[i as usize].swap(false, Ordering::Relaxed))
            .collect()
    }

    /// Whether the shard that would hold `term` is loaded, so that [`Vocabulary::get`] tells
    /// whether the vocabulary has it.
    pub(crate) fn can_tell(&self, term: &[u8]) -> bool {
        self.shards[self.shard_of(term)].is_some()
    }

    /// The ordinal of `term`, if the vocabulary has it. `None` too while its shard is missing
    /// (and noted).
    pub(crate) fn get(&self, term: &[u8]) -> Option<u64> {
        let i = self.shard_of(term);
        match &self.shards[i] {
            Some(shard) => shard.map.get(term),
            None => {
                self.note_missing(i);
                None
            }
        }
    }

    /// The df byte of the term with `ordinal`, if its shard is loaded.
    pub(crate) fn df_byte(&self, ordinal: u32) -> Option<u8> {
        let i = self
            .ordinals
            .partition_point(|&o| o <= ordinal)
            .checked_sub(1)?;
        let shard = self.shards.get(i)?.as_ref()?;
        shard.df.get((ordinal - self.ordinals[i]) as usize).copied()
    }

    /// Runs `automaton` over the `needed` shards (see [`Vocabulary::add_needed`]), calling
    /// `found` with each match in term order until it returns false. The automaton must match
    /// nothing outside the prefixes that gave `needed`. If one of them is missing, nothing is
    /// called and every missing one is noted.
    pub(crate) fn search<A: Automaton + Copy>(
        &self,
        automaton: A,
        needed: &[usize],
        found: &mut dyn FnMut(&[u8], u64) -> bool,
    ) {
        let mut complete = true;
        for &i in needed {
            if self.shards[i].is_none() {
                self.note_missing(i);
                complete = false;
            }
        }
        if !complete {
            return;
        }
        for &i in needed {
            let shard = self.shards[i].as_ref().expect("checked above");
            let mut stream = shard.map.search(automaton).into_stream();
            while let Some((term, value)) = stream.next() {
                if !found(term, value) {
                    return;
                }
            }
        }
    }
}

/// Splits a sorted vocabulary into shards while it is written (feature `build`).
#[cfg(feature = "build")]
pub(crate) mod write {
    use fst::MapBuilder;

    /// Lays out terms, in order, into shards of about `target` fst bytes each.
    pub(crate) struct ShardWriter {
        target: usize,
        current: MapBuilder<Vec<u8>>,
        df: Vec<u8>,
        last: Vec<u8>,
        /// The finished shards' payloads.
        pub payloads: Vec<Vec<u8>>,
        /// Each shard's start key, end to end (see `Vocabulary::keys`).
        pub keys: Vec<u8>,
        /// Where each start key ends in `keys`.
        pub key_ends: Vec<u32>,
        /// Each shard's first ordinal.
        pub ordinals: Vec<u32>,
        /// The fst bytes of every shard, summed.
        pub fst_bytes: u64,
    }

    impl ShardWriter {
        pub(crate) fn new(target: usize) -> Self {
            ShardWriter {
                target,
                current: MapBuilder::memory(),
                df: Vec::new(),
                last: Vec::new(),
                payloads: Vec::new(),
                keys: Vec::new(),
                key_ends: vec![0],
                ordinals: vec![0],
                fst_bytes: 0,
            }
        }

        /// Adds the next term (ascending) with its ordinal and df byte.
        pub(crate) fn insert(&mut self, term: &[u8], ordinal: u32, df: u8) {
            if self.current.bytes_written() as usize >= self.target {
                self.close();
                // The shortest start key above the last term keeps the core file small.
                let cut = (1..=term.len())
                    .find(|&n| &term[..n] > self.last.as_slice())
                    .expect("terms are sorted and unique");
                self.keys.extend_from_slice(&term[..cut]);
                self.key_ends.push(self.keys.len() as u32);
                self.ordinals.push(ordinal);
            }
            self.current
                .insert(term, ordinal as u64)
                .expect("terms are sorted and unique");
            self.df.push(df);
            self.last.clear();
            self.last.extend_from_slice(term);
        }

        fn close(&mut self) {
            let fst = std::mem::replace(&mut self.current, MapBuilder::memory())
                .into_inner()
                .expect("in-memory fst");
            self.fst_bytes += fst.len() as u64;
            let n = self.payloads.len() as u32;
            let mut payload = n.to_le_bytes().to_vec();
            payload.extend_from_slice(&(fst.len() as u32).to_le_bytes());
            payload.extend(fst);
            payload.append(&mut self.df);
            self.payloads.push(payload);
        }

        /// Closes the last shard.
        pub(crate) fn finish(mut self) -> Self {
            self.close();
            self
        }
    }
}
