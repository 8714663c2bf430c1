//! Opening an index: the core file first, then chunks as queries need them.

use super::core_data::{CoreData, DfByte, TermValue};
use super::format::{self, FileKind, FormatError};
use super::fragments::Fragment;
use super::norms;
use super::postings::{list_end, read_list, ListReader, FIELD_COUNT};
use super::vocabulary::Vocabulary;
use crate::analysis::synonyms::TokenizedGroup;
use crate::analysis::{FoldTable, Readings, Synonyms};

/// An open index. Vocabulary shards, postings and fragments chunks are added as they arrive;
/// the native CLI adds them all up front, the browser fetches only what a query needs.
pub struct Index {
    build_id: u64,
    docs: u32,
    average_lengths: [f32; FIELD_COUNT],
    norms: Vec<u8>,
    /// Decoded value of each norm byte, so scoring does a lookup instead of `exp2`.
    norm_values: [f32; 256],
    vocabulary: Vocabulary,
    /// The frequency of each df byte (see [`DfByte`]).
    df_values: [u32; 256],
    chunk_starts: Vec<u32>,
    fragment_starts: Vec<u32>,
    fold: FoldTable,
    readings: Readings,
    postings: Vec<Option<PostingsChunk>>,
    fragments: Vec<Option<Vec<Fragment>>>,
    /// The built-in and the site's synonym groups, tokenized with the index's folding.
    synonyms: Vec<TokenizedGroup>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("build_id", &self.build_id)
            .field("docs", &self.docs)
            .field("terms", &self.vocabulary.terms())
            .finish_non_exhaustive()
    }
}

/// A loaded postings chunk: its lists, and where each starts.
#[derive(Clone)]
struct PostingsChunk {
    lists: Vec<u8>,
    offsets: Vec<u32>,
}

const fn malformed(what: &'static str) -> FormatError {
    FormatError::Malformed(what)
}

impl Index {
    /// Opens an index from the bytes of its core file (uncompressed).
    pub fn open(core_file: &[u8]) -> Result<Index, FormatError> {
        let file = format::unwrap(FileKind::Core, core_file)?;
        let mut core: CoreData =
            postcard::from_bytes(file.payload).map_err(|_| malformed("core tables"))?;
        if Some(core.norms.len()) != (core.docs as usize).checked_mul(FIELD_COUNT) {
            return Err(malformed("field lengths"));
        }
        let vocabulary = Vocabulary::new(
            std::mem::take(&mut core.vocabulary_keys),
            std::mem::take(&mut core.vocabulary_key_ends),
            std::mem::take(&mut core.vocabulary_ordinals),
            core.terms,
        )?;
        let terms = core.terms;
        let chunks_ok = core.chunk_starts.first() == Some(&0)
            && core.chunk_starts.windows(2).all(|w| w[0] < w[1])
            && core
                .chunk_starts
                .last()
                .is_some_and(|&s| s < terms || s == 0);
        if !chunks_ok {
            return Err(malformed("postings chunk table"));
        }
        let starts_ok = core.fragment_starts.first() == Some(&0)
            && core.fragment_starts.windows(2).all(|w| w[0] < w[1])
            && core.fragment_starts.last() < Some(&core.docs);
        if !(starts_ok || core.docs == 0 && core.fragment_starts.is_empty()) {
            return Err(malformed("fragment chunk table"));
        }
        if !core.fold.validate() {
            return Err(malformed("folding table"));
        }
        core.fold.prepare();
        let readings = Readings::decode(&core.pinyin).ok_or(malformed("pinyin table"))?;
        if !core.synonyms.validate(&core.fold) {
            return Err(malformed("synonyms"));
        }
        let mut synonyms = Synonyms::built_in().tokenized(&core.fold);
        synonyms.extend(core.synonyms.tokenized(&core.fold));
        Ok(Index {
            build_id: file.build_id,
            docs: core.docs,
            average_lengths: core.average_lengths,
            norms: core.norms,
            norm_values: std::array::from_fn(|q| norms::decode(q as u8)),
            vocabulary,
            df_values: DfByte::table(),
            postings: vec![None; core.chunk_starts.len()],
            chunk_starts: core.chunk_starts,
            fragments: vec![None; core.fragment_starts.len()],
            fragment_starts: core.fragment_starts,
            fold: core.fold,
            readings,
            synonyms,
        })
    }

    /// The id shared by every file of the build this index came from.
    pub fn build_id(&self) -> u64 {
        self.build_id
    }

    /// Number of articles.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// Number of terms in the vocabulary.
    pub fn terms(&self) -> usize {
        self.vocabulary.terms() as usize
    }

    /// Number of vocabulary shard files.
    pub fn vocabulary_shards(&self) -> u32 {
        self.vocabulary.shards()
    }

    /// Adds vocabulary shard `number` from its file bytes (uncompressed).
    pub fn add_vocabulary(&mut self, number: u32, file: &[u8]) -> Result<(), FormatError> {
        let payload = self.check_chunk(FileKind::Vocabulary, number, file)?;
        self.vocabulary.add(number, payload)
    }

    /// Whether vocabulary shard `number` is loaded.
    pub fn has_vocabulary(&self, number: u32) -> bool {
        self.vocabulary.has(number)
    }

    /// Number of postings chunk files.
    pub fn postings_chunks(&self) -> u32 {
        self.postings.len() as u32
    }

    /// Number of fragments chunk files.
    pub fn fragments_chunks(&self) -> u32 {
        self.fragments.len() as u32
    }

    /// Adds postings chunk `number` from its file bytes (uncompressed).
    pub fn add_postings(&mut self, number: u32, file: &[u8]) -> Result<(), FormatError> {
        let payload = self.check_chunk(FileKind::Postings, number, file)?;
        let first = *self
            .chunk_starts
            .get(number as usize)
            .ok_or(malformed("chunk number"))?;
        let end = self
            .chunk_starts
            .get(number as usize + 1)
            .copied()
            .unwrap_or(self.vocabulary.terms());
        let mut offsets = Vec::with_capacity((end - first) as usize);
        let mut at = 0;
        while at < payload.len() {
            offsets.push(at as u32);
            at = list_end(payload, at)?;
        }
        if offsets.len() != (end - first) as usize {
            return Err(malformed("postings count"));
        }
        self.postings[number as usize] = Some(PostingsChunk {
            lists: payload.to_vec(),
            offsets,
        });
        Ok(())
    }

    /// Adds fragments chunk `number` from its file bytes (uncompressed).
    pub fn add_fragments(&mut self, number: u32, file: &[u8]) -> Result<(), FormatError> {
        let payload = self.check_chunk(FileKind::Fragments, number, file)?;
        let fragments: Vec<Fragment> =
            postcard::from_bytes(payload).map_err(|_| malformed("fragments"))?;
        let first = *self
            .fragment_starts
            .get(number as usize)
            .ok_or(malformed("chunk number"))?;
        let end = self
            .fragment_starts
            .get(number as usize + 1)
            .copied()
            .unwrap_or(self.docs);
        if fragments.len() != (end - first) as usize {
            return Err(malformed("fragments count"));
        }
        self.fragments[number as usize] = Some(fragments);
        Ok(())
    }

    fn check_chunk<'a>(
        &self,
        kind: FileKind,
        number: u32,
        file: &'a [u8],
    ) -> Result<&'a [u8], FormatError> {
        let unwrapped = format::unwrap(kind, file)?;
        if unwrapped.build_id != self.build_id {
            return Err(FormatError::BuildMismatch {
                expected: self.build_id,
                got: unwrapped.build_id,
            });
        }
        let (head, payload) = unwrapped
            .payload
            .split_at_checked(4)
            .ok_or(malformed("chunk header"))?;
        if u32::from_le_bytes(head.try_into().unwrap()) != number {
            return Err(malformed("chunk number does not match the file"));
        }
        Ok(payload)
    }

    /// The fragments chunk that holds `doc`.
    pub fn fragments_chunk_of(&self, doc: u32) -> u32 {
        (self.fragment_starts.partition_point(|&s| s <= doc).max(1) - 1) as u32
    }

    /// Display data of `doc`, if its chunk is loaded.
    pub fn fragment(&self, doc: u32) -> Option<&Fragment> {
        let chunk = self.fragments_chunk_of(doc) as usize;
        let first = *self.fragment_starts.get(chunk)?;
        self.fragments
            .get(chunk)?
            .as_ref()?
            .get((doc - first) as usize)
    }

    /// Whether postings chunk `number` is loaded.
    pub fn has_postings(&self, number: u32) -> bool {
        matches!(self.postings.get(number as usize), Some(Some(_)))
    }

    /// Whether fragments chunk `number` is loaded.
    pub fn has_fragments(&self, number: u32) -> bool {
        matches!(self.fragments.get(number as usize), Some(Some(_)))
    }

    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Where the term with vocabulary value (ordinal) `ordinal` lives.
    pub(crate) fn term_value(&self, ordinal: u64) -> TermValue {
        let ordinal = ordinal as u32;
        TermValue {
            ordinal,
            chunk: (self.chunk_starts.partition_point(|&s| s <= ordinal).max(1) - 1) as u32,
            df: self
                .vocabulary
                .df_byte(ordinal)
                .map_or(0, |b| self.df_values[b as usize]),
        }
    }

    pub(crate) fn synonyms(&self) -> &[TokenizedGroup] {
        &self.synonyms
    }

    pub(crate) fn fold(&self) -> &FoldTable {
        &self.fold
    }

    /// Pinyin readings of the vocabulary's Han characters.
    pub fn readings(&self) -> &Readings {
        &self.readings
    }

    pub(crate) fn average_lengths(&self) -> &[f32; FIELD_COUNT] {
        &self.average_lengths
    }

    /// Decoded field lengths of `doc`.
    pub(crate) fn lengths(&self, doc: u32) -> [f32; FIELD_COUNT] {
        let at = doc as usize * FIELD_COUNT;
        std::array::from_fn(|f| {
            self.norms
                .get(at + f)
                .map_or(0.0, |&q| self.norm_values[q as usize])
        })
    }

    /// The postings list of a term, or `None` if its chunk is not loaded.
    pub(crate) fn list(&self, term: TermValue) -> Option<Result<ListReader<'_>, FormatError>> {
        let chunk = self.postings.get(term.chunk as usize)?.as_ref()?;
        let at = term
            .ordinal
            .checked_sub(self.chunk_starts[term.chunk as usize]);
        match at.and_then(|i| chunk.offsets.get(i as usize)) {
            Some(&offset) => Some(read_list(&chunk.lists, offset as usize)),
            None => Some(Err(malformed("postings list number"))),
        }
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::index::build::{analyze, BuildOptions, IndexBuilder};
    use crate::Article;

    fn built() -> crate::index::build::BuiltIndex {
        let mut builder = IndexBuilder::new(BuildOptions::default());
        builder.add(analyze(&Article {
            page: crate::Page {
                id: "a".into(),
                title: "reset password".into(),
                ..crate::Page::default()
            },
            ..Article::default()
        }));
        builder.finish()
    }

    #[test]
    fn a_valid_shard_with_a_malformed_fst_is_refused() {
        let built = built();
        let mut ix = Index::open(&built.core).unwrap();
        let file = format::unwrap(FileKind::Vocabulary, &built.vocabulary[0]).unwrap();
        let mut payload = file.payload.to_vec();
        // Number (4 bytes), fst length (4), the fst: its root sits just before its footer.
        let fst_end = 8 + u32::from_le_bytes(payload[4..8].try_into().unwrap()) as usize;
        payload[fst_end - 22] ^= 0xF0;
        let flipped = format::wrap(FileKind::Vocabulary, file.build_id, &payload);
        assert_eq!(
            ix.add_vocabulary(0, &flipped).unwrap_err(),
            FormatError::Malformed("vocabulary")
        );
        ix.add_vocabulary(0, &built.vocabulary[0]).unwrap();
    }

    #[test]
    fn an_empty_index_has_no_fragments() {
        let built = IndexBuilder::new(BuildOptions::default()).finish();
        let index = Index::open(&built.core).unwrap();
        assert_eq!(index.docs(), 0);
        assert!(index.fragment(0).is_none());
    }
}
