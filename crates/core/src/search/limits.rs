//! Every bound on the work one query may cause, in one place.
//!
//! Search runs on every keystroke in a browser tab, so no query, however long or odd, may do
//! unbounded work: these caps keep the worst case within a few milliseconds.

/// Characters of a query that are analysed; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 512;

/// Characters of long text (see [`super::suggest`]) that are read: a pasted log or a whole
/// email thread still costs no more than this.
pub const MAX_SUGGEST_CHARS: usize = 16_384;

/// Query words (terms) that take part in a search; later ones are ignored.
pub const MAX_QUERY_WORDS: usize = 24;

/// Vocabulary entries one automaton (prefix or typo) may visit for one word.
pub const MAX_AUTOMATON_VISITS: usize = 4_000;

/// Completions kept for a word typed as a prefix, the most frequent first. One or two typed
/// characters say little about the word and match the most articles, so they get fewer.
pub fn prefix_terms(typed_chars: usize) -> usize {
    match typed_chars {
        0 | 1 => 8,
        2 => 16,
        _ => 40,
    }
}

/// Other forms of a word (the same stem) kept, the most frequent first, and the vocabulary
/// entries looked at to find them.
pub const MAX_STEM_TERMS: usize = 8;
/// See [`MAX_STEM_TERMS`]: the vocabulary entries sharing the word's first letters that are
/// looked at, so a short stem in a large vocabulary stays cheap.
pub const MAX_STEM_VISITS: usize = 512;

/// Synonyms one query word may take from the support vocabulary.
pub const MAX_SYNONYM_TERMS: usize = 16;

/// Near-miss spellings kept for one word, the closest and most frequent first.
pub const MAX_TYPO_TERMS: usize = 24;

/// Homophone spellings kept for one CJK bigram, one replaced character and the most frequent
/// first.
pub const MAX_HOMOPHONE_TERMS: usize = 8;

/// Bigrams kept for one pair of pinyin syllables (or initials), whole syllables and the most
/// frequent first.
pub const MAX_PINYIN_TERMS: usize = 12;

/// Bigrams looked at for one pair of syllables before those that agree with the neighbouring
/// pairs are kept (see [`MAX_PINYIN_TERMS`]).
pub const MAX_PINYIN_SCAN: usize = 64;

/// Longest word read as initials (`zsk`, `sjkpz`): people abbreviate words, not sentences.
pub const MAX_INITIALS: usize = 6;

/// Pairs of initials searched per query: each initial stands for hundreds of characters, so a
/// pair costs the most of any pinyin lookup.
pub const MAX_INITIALS_PAIRS: usize = 6;

/// Ways of splitting one Latin word into syllables that are tried against the vocabulary.
pub const MAX_SEGMENTATIONS: usize = 3;

/// Query words after pinyin words are read as Chinese (each pair of syllables is a word);
/// ranking keeps one bit per word in a `u32`.
pub const MAX_PLAN_WORDS: usize = 24;

/// Articles that get the full (proximity, exactness) ranking after the first pass.
pub const RERANK_CANDIDATES: usize = 200;

/// Typos allowed for a word of `chars` characters: 1 from 5 characters, 2 from 9.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}
