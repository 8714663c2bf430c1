//! Building an index: articles in, index files (as bytes) out.
//!
//! [`analyze`] turns one article into its terms and display data; it is pure, so callers can
//! run it in parallel. [`IndexBuilder`] then takes analysed articles in order and lays out the
//! files: the core (field lengths, folding table, shard and chunk tables), vocabulary shards and
//! postings chunks split by term range, and fragment chunks split by article range. The same articles in the same order
//! always give the same bytes.

use std::collections::HashMap;

use super::core_data::{CoreData, DfByte};
use super::format::{self, FileKind, FormatError};
use super::fragments::{Fragment, CHECKPOINT_EVERY};
use super::norms;
use super::postings::{Field, ListWriter, TermInArticle, FIELD_COUNT};
use super::vocabulary::write::ShardWriter;
use super::Index;
use crate::analysis::{Fold, FoldTable, FullFold, PinyinTable, Synonyms, Tokenizer};
use crate::article::Article;

/// Positions skipped between fields and between parts, so that words on either side of a
/// boundary never count as adjacent.
const FIELD_GAP: u32 = 8;

/// Tuning for the file layout.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// A vocabulary shard is closed once its fst holds at least this many bytes.
    pub vocabulary_shard_bytes: usize,
    /// A postings chunk is closed once it holds at least this many bytes.
    pub postings_chunk_bytes: usize,
    /// A fragments chunk is closed once it holds at least this many bytes.
    pub fragments_chunk_bytes: usize,
    /// The site's synonym groups, applied at query time beside the built-in ones.
    pub synonyms: Synonyms,
}

impl Default for BuildOptions {
    /// The layout for a small site (see [`BuildOptions::for_site`]).
    fn default() -> Self {
        BuildOptions::for_site(0)
    }
}

impl BuildOptions {
    /// Text up to which shards and chunks keep their smallest sizes.
    const SMALL_SITE_TEXT: u64 = 8 << 20;

    /// The file layout for a site whose articles hold `text_bytes` of text. Up to 8 MiB of
    /// text, shards of 4 KiB and chunks of 8 KiB: measured on en-help, that halves the bytes
    /// a first query fetches against 24 KiB chunks. Above, sizes grow with the square root of
    /// the text, so the number of files does too, and a host's file limit stays far.
    pub fn for_site(text_bytes: u64) -> BuildOptions {
        let scale = (text_bytes as f64 / Self::SMALL_SITE_TEXT as f64)
            .sqrt()
            .max(1.0);
        let size = |bytes: usize| (bytes as f64 * scale) as usize;
        BuildOptions {
            vocabulary_shard_bytes: size(4 * 1024),
            postings_chunk_bytes: size(8 * 1024),
            fragments_chunk_bytes: size(8 * 1024),
            synonyms: Synonyms::default(),
        }
    }
}

/// One article's terms and display data, ready for [`IndexBuilder::add`].
#[derive(Clone, Debug)]
pub struct AnalyzedArticle {
    terms: Vec<(Box<str>, TermInArticle)>,
    lengths: [u32; FIELD_COUNT],
    fragment: Fragment,
}

/// Tokenizes an article's fields into terms with per-field frequencies and positions.
pub fn analyze(article: &Article) -> AnalyzedArticle {
    let mut terms: HashMap<Box<str>, TermInArticle> = HashMap::new();
    let mut lengths = [0u32; FIELD_COUNT];
    let mut tokenizer = Tokenizer::new(&FullFold);
    let mut position = 0;
    let mut field_text =
        |field: Field, text: &str, position: u32, mut checkpoints: Option<&mut Checkpoints>| {
            let next = tokenizer.tokenize(text, position, |t| {
                if let Some(c) = checkpoints.as_mut() {
                    c.see(t, position, text);
                }
                lengths[field as usize] += 1;
                match terms.get_mut(t.term) {
                    Some(stats) => stats.add(field, t.position),
                    None => {
                        let mut stats = TermInArticle::default();
                        stats.add(field, t.position);
                        terms.insert(t.term.into(), stats);
                    }
                }
            });
            next + FIELD_GAP
        };
    position = field_text(Field::Title, &article.page.title, position, None);
    for tag in &article.tags {
        position = field_text(Field::Tags, tag, position, None);
    }
    if let Some(description) = &article.description {
        position = field_text(Field::Tags, description, position, None);
    }
    let mut part_positions = Vec::with_capacity(article.page.parts.len());
    let mut part_checkpoints = Vec::with_capacity(article.page.parts.len());
    for part in &article.page.parts {
        let heading_position = position;
        if let Some(heading) = &part.heading {
            position = field_text(Field::Headings, &heading.text, position, None);
        }
        part_positions.push([heading_position, position]);
        let mut checkpoints = Checkpoints::default();
        position = field_text(Field::Body, &part.text, position, Some(&mut checkpoints));
        part_checkpoints.push(checkpoints.found);
    }
    let mut terms: Vec<_> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    AnalyzedArticle {
        terms,
        lengths,
        fragment: Fragment {
            page: article.page.clone(),
            part_positions,
            part_checkpoints,
        },
    }
}

/// Collects a part text's checkpoints while it is tokenized: token starts where the tokenizer
/// holds nothing from earlier text, about every [`CHECKPOINT_EVERY`] tokens. That is a token
/// whose source text does not overlap the previous token's: a word, or the first bigram of a
/// Han/kana/Hangul run (bigrams of one run overlap), but not the second term of one character
/// that folds into two (`½` → `1⁄2`).
#[derive(Default)]
struct Checkpoints {
    found: Vec<[u32; 2]>,
    /// Where the previous token's source text ended.
    last_end: usize,
}

impl Checkpoints {
    /// Notes token `t` of `text`, whose first token has position `first`.
    fn see(&mut self, t: &crate::analysis::Token, first: u32, text: &str) {
        let fresh = self.last_end <= t.range.start;
        self.last_end = t.range.end;
        let position = t.position - first;
        let next = self.found.last().map_or(0, |c| c[0]) + CHECKPOINT_EVERY;
        if fresh && position >= next && folds_to_one_char(text, t.range.start) {
            self.found.push([position, t.range.start as u32]);
        }
    }
}

/// Whether the character at `at` folds to a single character: one that folds to several may
/// have begun a word too long to be a token (`…reset½` → `…reset1`, then `2`), which a restart
/// there would not see.
fn folds_to_one_char(text: &str, at: usize) -> bool {
    let Some(c) = text[at..].chars().next() else {
        return false;
    };
    let mut folded = String::new();
    FullFold.fold_into(c, &mut folded);
    folded.chars().count() == 1
}

/// The files of one build, in memory: the caller writes them (the CLI) or opens them (tests).
#[derive(Clone, Debug)]
pub struct BuiltIndex {
    /// Shared by every file of this build.
    pub build_id: u64,
    /// The core file: norms, tables, where shards and chunks start; loaded first.
    pub core: Vec<u8>,
    /// Vocabulary shards, numbered by position; a query loads the ones its words fall in.
    pub vocabulary: Vec<Vec<u8>>,
    /// Postings chunks, numbered by position; a query loads the ones its terms live in.
    pub postings: Vec<Vec<u8>>,
    /// Fragment chunks of consecutive articles, numbered by position; loaded to show results.
    pub fragments: Vec<Vec<u8>>,
    /// What went into the files, for the build summary.
    pub stats: BuildStats,
}

impl BuiltIndex {
    /// The index with every shard and chunk loaded, as the native CLI searches it.
    pub fn open(&self) -> Result<Index, FormatError> {
        let mut index = Index::open(&self.core)?;
        for (n, file) in self.vocabulary.iter().enumerate() {
            index.add_vocabulary(n as u32, file)?;
        }
        for (n, file) in self.postings.iter().enumerate() {
            index.add_postings(n as u32, file)?;
        }
        for (n, file) in self.fragments.iter().enumerate() {
            index.add_fragments(n as u32, file)?;
        }
        Ok(index)
    }
}

/// Counts describing a build, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildStats {
    /// Articles indexed.
    pub articles: u32,
    /// Distinct terms in the vocabulary.
    pub terms: u64,
    /// Tokens indexed, over every field of every article.
    pub tokens: u64,
    /// Size of the vocabulary fst.
    pub vocabulary_bytes: u64,
    /// Size of all postings chunks.
    pub postings_bytes: u64,
    /// Size of all fragment chunks.
    pub fragments_bytes: u64,
    /// Characters in the folding table the core carries (those the vocabulary uses).
    pub fold_table_chars: u64,
    /// Syllables in the pinyin table.
    pub pinyin_syllables: u64,
    /// (character, syllable) readings in the pinyin table.
    pub pinyin_readings: u64,
}

/// Lays out analysed articles as index files.
#[derive(Debug)]
pub struct IndexBuilder {
    options: BuildOptions,
    lists: HashMap<Box<str>, ListWriter>,
    norms: Vec<u8>,
    length_sums: [u64; FIELD_COUNT],
    fragment_chunks: Vec<Vec<u8>>,
    fragment_starts: Vec<u32>,
    current_fragments: Vec<Fragment>,
    current_fragment_bytes: usize,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new(options: BuildOptions) -> Self {
        IndexBuilder {
            options,
            lists: HashMap::new(),
            norms: Vec::new(),
            length_sums: [0; FIELD_COUNT],
            fragment_chunks: Vec::new(),
            fragment_starts: Vec::new(),
            current_fragments: Vec::new(),
            current_fragment_bytes: 0,
        }
    }

    /// Number of articles added so far.
    pub fn len(&self) -> usize {
        self.norms.len() / FIELD_COUNT
    }

    /// Whether no article was added yet.
    pub fn is_empty(&self) -> bool {
        self.norms.is_empty()
    }

    /// Adds the next article; its doc number is the number of articles added before it.
    pub fn add(&mut self, article: AnalyzedArticle) {
        let doc = self.len() as u32;
        for (term, stats) in &article.terms {
            match self.lists.get_mut(term) {
                Some(list) => list.push(doc, stats),
                None => {
                    let mut list = ListWriter::default();
                    list.push(doc, stats);
                    self.lists.insert(term.clone(), list);
                }
            }
        }
        for (f, &len) in article.lengths.iter().enumerate() {
            self.norms.push(norms::encode(len));
            self.length_sums[f] += len as u64;
        }
        if self.current_fragments.is_empty() {
            self.fragment_starts.push(doc);
        }
        self.current_fragment_bytes += fragment_size(&article.fragment);
        self.current_fragments.push(article.fragment);
        if self.current_fragment_bytes >= self.options.fragments_chunk_bytes {
            self.seal_fragments();
        }
    }

    fn seal_fragments(&mut self) {
        let number = self.fragment_chunks.len() as u32;
        let mut payload = number.to_le_bytes().to_vec();
        payload.extend(postcard::to_allocvec(&self.current_fragments).expect("in-memory"));
        self.fragment_chunks.push(payload);
        self.current_fragments.clear();
        self.current_fragment_bytes = 0;
    }

    /// Lays out the vocabulary and postings and returns every file of the index.
    pub fn finish(mut self) -> BuiltIndex {
        if !self.current_fragments.is_empty() {
            self.seal_fragments();
        }
        let docs = self.len() as u32;
        let terms = TermsLaidOut::new(self.lists, &self.options);
        let fold = FoldTable::for_alphabet(&terms.alphabet);
        let pinyin = PinyinTable::for_alphabet(&terms.alphabet, &fold);
        let stats = BuildStats {
            articles: docs,
            terms: terms.count as u64,
            tokens: self.length_sums.iter().sum(),
            vocabulary_bytes: terms.vocabulary.fst_bytes,
            postings_bytes: terms.postings.iter().map(|p| p.len() as u64).sum(),
            fragments_bytes: self.fragment_chunks.iter().map(|p| p.len() as u64).sum(),
            fold_table_chars: fold.len() as u64,
            pinyin_syllables: pinyin.syllables() as u64,
            pinyin_readings: pinyin.readings() as u64,
        };
        let vocabulary = terms.vocabulary;
        let core = CoreData {
            docs,
            average_lengths: std::array::from_fn(|f| {
                self.length_sums[f] as f32 / docs.max(1) as f32
            }),
            norms: self.norms,
            terms: terms.count,
            vocabulary_keys: vocabulary.keys,
            vocabulary_key_ends: vocabulary.key_ends,
            vocabulary_ordinals: vocabulary.ordinals,
            chunk_starts: terms.chunk_starts,
            fragment_starts: self.fragment_starts,
            fold,
            pinyin,
            synonyms: self.options.synonyms.clone(),
        };
        let core = postcard::to_allocvec(&core).expect("in-memory");
        wrap_files(
            core,
            vocabulary.payloads,
            terms.postings,
            self.fragment_chunks,
            stats,
        )
    }
}

/// The terms in order, written out: vocabulary shards, postings chunks, and the characters
/// they are spelled with (for the fold and pinyin tables).
struct TermsLaidOut {
    count: u32,
    vocabulary: ShardWriter,
    /// Payloads, each its number and then its terms' lists in ordinal order.
    postings: Vec<Vec<u8>>,
    /// The first ordinal of each postings chunk.
    chunk_starts: Vec<u32>,
    /// Every character of every term, sorted, once.
    alphabet: Vec<char>,
}

impl TermsLaidOut {
    fn new(lists: HashMap<Box<str>, ListWriter>, options: &BuildOptions) -> TermsLaidOut {
        let mut terms: Vec<(Box<str>, ListWriter)> = lists.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let count = terms.len() as u32;
        let mut vocabulary = ShardWriter::new(options.vocabulary_shard_bytes);
        let df_table = DfByte::table();
        let mut chunk_starts = vec![0];
        let mut chunks: Vec<Vec<u8>> = Vec::new();
        let mut current: Vec<u8> = Vec::new();
        let mut alphabet: Vec<char> = Vec::new();
        // Each list is dropped once copied into its chunk, so the postings are not held twice.
        for (ordinal, (term, list)) in terms.into_iter().enumerate() {
            if current.len() >= options.postings_chunk_bytes {
                chunks.push(std::mem::take(&mut current));
                chunk_starts.push(ordinal as u32);
            }
            // Lists are self-delimiting: a chunk is its terms' lists in ordinal order.
            list.finish_into(&mut current);
            vocabulary.insert(
                term.as_bytes(),
                ordinal as u32,
                DfByte::encode(&df_table, list.df()),
            );
            alphabet.extend(term.chars());
            if alphabet.len() > 4096 {
                alphabet.sort_unstable();
                alphabet.dedup();
            }
        }
        chunks.push(current);
        alphabet.sort_unstable();
        alphabet.dedup();
        let postings = chunks
            .into_iter()
            .enumerate()
            .map(|(n, chunk)| {
                let mut payload = (n as u32).to_le_bytes().to_vec();
                payload.extend(chunk);
                payload
            })
            .collect();
        TermsLaidOut {
            count,
            vocabulary: vocabulary.finish(),
            postings,
            chunk_starts,
            alphabet,
        }
    }
}

/// Every file of the index: the payloads, each wrapped with its kind and the build id, which
/// is a hash of them all.
fn wrap_files(
    core: Vec<u8>,
    vocabulary: Vec<Vec<u8>>,
    postings: Vec<Vec<u8>>,
    fragments: Vec<Vec<u8>>,
    stats: BuildStats,
) -> BuiltIndex {
    let build_id = {
        let mut h = Fnv64::default();
        h.write(&core);
        (vocabulary.iter())
            .chain(&postings)
            .chain(&fragments)
            .for_each(|p| h.write(p));
        h.0
    };
    // Each payload is dropped once wrapped, so the chunks are not held twice.
    let wrap_all = |kind, payloads: Vec<Vec<u8>>| -> Vec<Vec<u8>> {
        payloads
            .into_iter()
            .map(|p| format::wrap(kind, build_id, &p))
            .collect()
    };
    BuiltIndex {
        build_id,
        core: format::wrap(FileKind::Core, build_id, &core),
        vocabulary: wrap_all(FileKind::Vocabulary, vocabulary),
        postings: wrap_all(FileKind::Postings, postings),
        fragments: wrap_all(FileKind::Fragments, fragments),
        stats,
    }
}

fn fragment_size(f: &Fragment) -> usize {
    f.page.id.len()
        + f.page.url.len()
        + f.page.title.len()
        + f.page
            .parts
            .iter()
            .map(|p| {
                p.text.len()
                    + p.heading
                        .as_ref()
                        .map_or(0, |h| h.text.len() + h.anchor.len())
            })
            .sum::<usize>()
}

/// FNV-1a, 64 bits: a stable fingerprint of the build's bytes (not a security measure).
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::article::Part;

    /// Pieces whose folding and segmentation are easy to get wrong at a restart: CJK runs,
    /// mixed scripts, characters that fold into several terms or characters.
    const PIECES: &[&str] = &[
        "reset",
        "Outlook",
        " ",
        "  ",
        "\n",
        ", ",
        "知识库",
        "密码",
        "。",
        "iPhone怎么",
        "½",
        "ß",
        "ﬁle",
        "㍻",
        "Ünï",
        "😀",
        "-",
        "a",
        "0x80070005",
    ];

    fn tokens(text: &str, from: u32) -> Vec<(String, u32, usize)> {
        let mut out = Vec::new();
        Tokenizer::new(&FullFold).tokenize(text, from, |t| {
            out.push((t.term.to_string(), t.position, t.range.start))
        });
        out
    }

    proptest! {
        /// Tokenizing from a checkpoint gives exactly the tokens a full pass gives from there.
        #[test]
        fn checkpoints_resume_tokenizing(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..400)) {
            let text: String = pieces.concat();
            let article = Article { page: crate::Page { id: "a".into(), title: "t".into(), parts: vec![Part { heading: None, text: text.clone() }], ..crate::Page::default() }, ..Article::default() };
            let analyzed = analyze(&article);
            let checkpoints = &analyzed.fragment.part_checkpoints[0];
            let all = tokens(&text, 0);
            for &[position, byte] in checkpoints {
                let resumed: Vec<_> = tokens(&text[byte as usize..], position)
                    .into_iter()
                    .map(|(t, p, b)| (t, p, b + byte as usize))
                    .collect();
                let suffix: Vec<_> = all.iter().filter(|t| t.1 >= position).cloned().collect();
                prop_assert_eq!(resumed, suffix);
            }
            if all.len() > 3 * CHECKPOINT_EVERY as usize {
                prop_assert!(!checkpoints.is_empty());
            }
        }
    }
}
