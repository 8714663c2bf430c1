//! How a candidate term matched a query word, and what that is worth.
//!
//! Search finds the candidates (see [`crate::search`]); ranking decides what each kind of
//! match counts for, so the kinds live here and search depends on ranking, never the reverse.

/// How a candidate term relates to the query word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The term is the word.
    Exact,
    /// The term is another form of the word: the same English stem (`freezes` for `freezing`).
    Stem,
    /// The term stands for the word in a phrase of the support vocabulary (`fails` for
    /// `not working`; see [`crate::analysis::synonyms`]).
    Synonym,
    /// The term starts with the word (the word is still being typed).
    Prefix,
    /// The term is this many typos away (first-letter typos count double).
    Typo(u8),
    /// The term sounds like the typed characters: this many of them are replaced by a
    /// character with the same toneless reading (an IME typo: 知识裤 for 知识库).
    Homophone(u8),
    /// The term's characters read as the whole syllables typed in pinyin.
    Pinyin,
    /// The term's characters start as typed: initials (`zsk`) or a syllable still being typed.
    Initials,
}

/// What a stem match is worth against the exact form.
const STEM_QUALITY: f32 = 0.5;

/// What a synonym match is worth against the word as typed.
const SYNONYM_QUALITY: f32 = 0.5;

/// Factor applied to a term's BM25 weight for how it matched the query word.
pub fn match_quality(kind: MatchKind, typed_chars: usize, term_chars: usize) -> f32 {
    match kind {
        MatchKind::Exact => 1.0,
        MatchKind::Stem => STEM_QUALITY,
        MatchKind::Synonym => SYNONYM_QUALITY,
        MatchKind::Prefix => 0.6 + 0.35 * typed_chars as f32 / term_chars.max(1) as f32,
        MatchKind::Typo(1) => 0.55,
        MatchKind::Typo(_) => 0.35,
        MatchKind::Homophone(1) => 0.55,
        MatchKind::Homophone(_) => 0.45,
        MatchKind::Pinyin => 0.42,
        MatchKind::Initials => 0.3,
    }
}

/// Whether one candidate's match of a query word in an article is better than another's, each
/// given as (in the title, kind, weight): a match in the title first (title rules read it),
/// then the closer kind (what was typed beats another form of it), then the weight. The rarer
/// variant of a word must not hide that the article has the word itself.
pub fn better_match(a: (bool, MatchKind, f32), b: (bool, MatchKind, f32)) -> bool {
    (a.0, std::cmp::Reverse(a.1))
        .cmp(&(b.0, std::cmp::Reverse(b.1)))
        .then(a.2.total_cmp(&b.2))
        .is_gt()
}
