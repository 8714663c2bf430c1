//! Candidate terms for a query word: exact, prefix completions and typo neighbours.
//!
//! The term itself is a lookup in the vocabulary fst; the others are automata run over it: a
//! `Finder::Pattern` with an open end for a word still being typed, and a Levenshtein DFA
//! (with transpositions) for typos. The
//! typo budget counts characters, not bytes; a typo on the first letter costs two, because
//! people rarely get the first letter wrong and a changed first letter usually means another
//! word.

use std::sync::OnceLock;

use fst::Automaton;
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

use super::limits::{
    prefix_terms, typo_budget, MAX_AUTOMATON_VISITS, MAX_HOMOPHONE_TERMS, MAX_STEM_TERMS,
    MAX_STEM_VISITS, MAX_TYPO_TERMS,
};
use super::query::QueryWord;
use crate::analysis::stem;
use crate::index::{Index, TermValue};
use crate::ranking::MatchKind;

/// A vocabulary term a query word may match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The vocabulary term, as stored (folded).
    pub term: String,
    /// Where its postings are and how common it is.
    pub value: TermValue,
    /// How it matched the query word; ranking weighs an exact match above the others.
    pub kind: MatchKind,
}

/// Levenshtein DFA builders for distances 1 and 2, built on first use and shared by every
/// index (building is the costly part; each DFA is then cheap).
static TYPO_BUILDERS: [OnceLock<LevenshteinAutomatonBuilder>; 2] =
    [OnceLock::new(), OnceLock::new()];

fn typo_dfa(word: &str, distance: u8, prefix: bool) -> DFA {
    let builder = TYPO_BUILDERS[distance as usize - 1]
        .get_or_init(|| LevenshteinAutomatonBuilder::new(distance, true));
    if prefix {
        builder.build_prefix_dfa(word)
    } else {
        builder.build_dfa(word)
    }
}

/// The one automaton type run over the vocabulary (a single type keeps the browser module
/// small: fst's stream code is instantiated once).
enum Finder<'a> {
    /// A Levenshtein DFA, for terms that start with the word's first byte (see
    /// [`first_letter_typos`] for the others). Pruning at the root skips most of the
    /// vocabulary, which matters most for a long Latin word against many CJK bigrams: every
    /// two-character term is within two edits of anything.
    Typo { dfa: &'a DFA, first_byte: u8 },
    /// `literal`, then (with `open_end`) anything.
    Pattern { literal: &'a [u8], open_end: bool },
    /// A character from `first` (sorted code points), then one from `second` if given, then
    /// (with `open_end`) anything: pinyin syllables and homophones. UTF-8 is decoded as the
    /// bytes arrive, and a path dies as soon as no character of the set can start with it.
    Chars {
        first: &'a [u32],
        second: Option<&'a [u32]>,
        open_end: bool,
    },
}

/// Where a [`Finder`] is in a term.
#[derive(Clone, Copy, Debug)]
enum FinderState {
    /// DFA state, and whether the first byte is still to come.
    Typo(u32, bool),
    /// This many bytes of the literal matched.
    Literal(usize),
    /// Reading character number `at` of a [`Finder::Chars`]: its bits so far, and how many
    /// continuation bytes it still needs (0: between characters).
    Char {
        at: u8,
        need: u8,
        code: u32,
    },
    Dead,
}

impl Finder<'_> {
    /// How many characters a [`Finder::Chars`] reads before its open end.
    fn char_count(&self) -> u8 {
        match self {
            Finder::Chars { second: None, .. } => 1,
            _ => 2,
        }
    }

    /// The next state of a [`Finder::Chars`] after `byte`.
    fn char_step(&self, at: u8, need: u8, code: u32, byte: u8) -> FinderState {
        let Finder::Chars {
            first,
            second,
            open_end,
        } = self
        else {
            return FinderState::Dead;
        };
        if at >= self.char_count() {
            return if *open_end {
                FinderState::Char { at, need, code }
            } else {
                FinderState::Dead
            };
        }
        let (code, need) = if need == 0 {
            match byte {
                0x00..=0x7F => (byte as u32, 0),
                0xC0..=0xDF => ((byte & 0x1F) as u32, 1),
                0xE0..=0xEF => ((byte & 0x0F) as u32, 2),
                0xF0..=0xF7 => ((byte & 0x07) as u32, 3),
                _ => return FinderState::Dead,
            }
        } else if byte & 0xC0 == 0x80 {
            (code << 6 | (byte & 0x3F) as u32, need - 1)
        } else {
            return FinderState::Dead;
        };
        // The code points this path can still become, and whether the set has one.
        let lo = code << (6 * need as u32);
        let hi = lo | ((1u32 << (6 * need as u32)) - 1);
        let set = if at == 0 {
            first
        } else {
            second.unwrap_or(&[])
        };
        let i = set.partition_point(|&c| c < lo);
        if set.get(i).is_none_or(|&c| c > hi) {
            return FinderState::Dead;
        }
        FinderState::Char {
            at: at + (need == 0) as u8,
            need,
            code,
        }
    }

    fn literal_step(literal: &[u8], matched: usize, byte: u8) -> FinderState {
        match literal.get(matched) {
            Some(&b) if b == byte => FinderState::Literal(matched + 1),
            _ => FinderState::Dead,
        }
    }
}

impl Automaton for Finder<'_> {
    type State = FinderState;

    fn start(&self) -> FinderState {
        match self {
            Finder::Typo { dfa, .. } => FinderState::Typo(dfa.initial_state(), true),
            Finder::Pattern { .. } => FinderState::Literal(0),
            Finder::Chars { .. } => FinderState::Char {
                at: 0,
                need: 0,
                code: 0,
            },
        }
    }

    fn is_match(&self, state: &FinderState) -> bool {
        match (self, state) {
            (Finder::Typo { dfa, .. }, FinderState::Typo(s, _)) => {
                matches!(dfa.distance(*s), Distance::Exact(_))
            }
            (Finder::Pattern { literal, .. }, FinderState::Literal(n)) => *n == literal.len(),
            (Finder::Chars { .. }, FinderState::Char { at, need, .. }) => {
                *at >= self.char_count() && *need == 0
            }
            _ => false,
        }
    }

    fn can_match(&self, state: &FinderState) -> bool {
        match state {
            FinderState::Typo(s, _) => *s != SINK_STATE,
            FinderState::Dead => false,
            _ => true,
        }
    }

    fn will_always_match(&self, state: &FinderState) -> bool {
        matches!(
            self,
            Finder::Pattern { open_end: true, .. } | Finder::Chars { open_end: true, .. }
        ) && self.is_match(state)
    }

    fn accept(&self, state: &FinderState, byte: u8) -> FinderState {
        match (self, *state) {
            (Finder::Typo { dfa, first_byte }, FinderState::Typo(s, first)) => {
                if first && byte != *first_byte {
                    return FinderState::Typo(SINK_STATE, false);
                }
                FinderState::Typo(dfa.transition(s, byte), false)
            }
            (
                Finder::Pattern {
                    literal, open_end, ..
                },
                FinderState::Literal(n),
            ) => {
                if *open_end && n == literal.len() {
                    FinderState::Literal(n)
                } else {
                    Self::literal_step(literal, n, byte)
                }
            }
            (Finder::Chars { .. }, FinderState::Char { at, need, code }) => {
                self.char_step(at, need, code, byte)
            }
            _ => FinderState::Dead,
        }
    }
}

impl Finder<'_> {
    /// The vocabulary shards this finder needs: those of the key prefixes outside which it
    /// matches nothing.
    fn shards(&self, index: &Index) -> Vec<usize> {
        let vocabulary = index.vocabulary();
        let mut needed = Vec::new();
        match self {
            Finder::Typo { first_byte, .. } => vocabulary.add_needed(&[*first_byte], &mut needed),
            Finder::Pattern { literal, .. } => vocabulary.add_needed(literal, &mut needed),
            // Sorted code points are sorted UTF-8 too.
            Finder::Chars { first, .. } => {
                for c in first.iter().filter_map(|&c| char::from_u32(c)) {
                    vocabulary.add_needed(c.encode_utf8(&mut [0; 4]).as_bytes(), &mut needed);
                }
            }
        }
        needed
    }
}

/// Finds the candidate terms of `word` in `index`, exact first.
pub(crate) fn candidates(index: &Index, word: &QueryWord, typos: bool) -> Vec<Candidate> {
    let vocabulary = index.vocabulary();
    let mut out = Vec::new();
    if let Some(v) = vocabulary.get(word.term.as_bytes()) {
        out.push(Candidate {
            term: word.term.clone(),
            value: index.term_value(v),
            kind: MatchKind::Exact,
        });
    }
    // Function words are meant as typed: their neighbours are other function words.
    let expand = !word.function;
    if word.prefix && expand {
        let automaton = Finder::Pattern {
            literal: word.term.as_bytes(),
            open_end: true,
        };
        let keep = prefix_terms(word.term.chars().count());
        out.extend(best_matches(index, &automaton, keep, &mut |term, _| {
            (term.len() != word.term.len()).then_some(MatchKind::Prefix)
        }));
    }
    if expand && !word.cjk {
        let mut stems = stem_variants(index, word);
        stems.retain(|c| !out.iter().any(|o| o.term == c.term));
        out.extend(stems);
    }
    let budget = if typos && expand && !word.cjk {
        typo_budget(word.term.chars().count())
    } else {
        0
    };
    if budget > 0 {
        let dfa = typo_dfa(&word.term, budget, word.prefix);
        let first = word.term.chars().next();
        let automaton = Finder::Typo {
            dfa: &dfa,
            first_byte: word.term.as_bytes()[0],
        };
        let mut found = best_matches(index, &automaton, MAX_TYPO_TERMS + 1, &mut |term, _| {
            let distance = match dfa.eval(term) {
                Distance::Exact(d) => d,
                Distance::AtLeast(_) => return None,
            };
            let first_differs = std::str::from_utf8(term).ok()?.chars().next() != first;
            let cost = distance + first_differs as u8;
            (distance > 0 && cost <= budget).then_some(MatchKind::Typo(cost))
        });
        if budget >= 2 {
            found.extend(first_letter_typos(index, word));
            keep_order(&mut found);
        }
        found.retain(|c| !out.iter().any(|o| o.term == c.term));
        found.truncate(MAX_TYPO_TERMS);
        out.extend(found);
    }
    // Homophones wait for the typed bigram's shard: until its df is known, they would fetch
    // shards all over the Han range for a word that may well be common.
    if typos && expand && word.cjk && vocabulary.can_tell(word.term.as_bytes()) {
        let typed_df = out
            .first()
            .filter(|c| c.kind == MatchKind::Exact)
            .map_or(0, |c| c.value.df);
        // A bigram in one article of two hundred is surely meant (and its homophones would fetch
        // shards all over the Han range); none sounds like it more often.
        if typed_df.saturating_mul(200) <= index.docs() {
            out.extend(homophones(index, word, typed_df));
        }
    }
    out
}

/// Other forms of the word: vocabulary terms with its English stem, found among the terms
/// that start as the stem does (see [`stem::shared_start`]).
fn stem_variants(index: &Index, word: &QueryWord) -> Vec<Candidate> {
    if !stem::stems(&word.term) {
        return Vec::new();
    }
    let stem = stem::english(&word.term);
    let start = stem::shared_start(&stem);
    if start.len() < 2 {
        return Vec::new();
    }
    let automaton = Finder::Pattern {
        literal: start.as_bytes(),
        open_end: true,
    };
    let mut found = Vec::new();
    let mut visits = 0;
    search(index, &automaton, &mut |term, value| {
        visits += 1;
        if visits > MAX_STEM_VISITS {
            return false;
        }
        if let Ok(term) = std::str::from_utf8(term) {
            if term != word.term && stem::english(term) == stem {
                found.push(Candidate {
                    term: term.to_string(),
                    value: index.term_value(value),
                    kind: MatchKind::Stem,
                });
            }
        }
        true
    });
    keep_order(&mut found);
    found.truncate(MAX_STEM_TERMS);
    found
}

/// Bigrams that sound like the typed one: each character kept or replaced by one with the
/// same toneless reading, at least one replaced. When the typed bigram exists, only
/// homophones at least as frequent are kept: what was typed is probably meant, unless the
/// corpus says it is the rarer spelling.
fn homophones(index: &Index, word: &QueryWord, typed_df: u32) -> Vec<Candidate> {
    let mut chars = word.term.chars();
    let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) else {
        return Vec::new();
    };
    let readings = index.readings();
    if readings.is_empty() {
        return Vec::new();
    }
    let (mut first, mut second) = (Vec::new(), Vec::new());
    readings.homophones(a, &mut first);
    readings.homophones(b, &mut second);
    if first.len() + second.len() <= 2 {
        return Vec::new();
    }
    char_matches(
        index,
        (&first, Some(&second), false),
        MAX_HOMOPHONE_TERMS,
        &mut |term, value| {
            let mut t = std::str::from_utf8(term).ok()?.chars();
            let changed = (t.next()? != a) as u8 + (t.next()? != b) as u8;
            (changed > 0 && value.df >= typed_df).then_some(MatchKind::Homophone(changed))
        },
    )
}

/// Whether any term is made of characters from the sets (see [`char_matches`]).
pub(crate) fn any_match(
    index: &Index,
    (first, second, open_end): (&[u32], Option<&[u32]>, bool),
) -> bool {
    let automaton = Finder::Chars {
        first,
        second,
        open_end,
    };
    let mut any = false;
    search(index, &automaton, &mut |_, _| {
        any = true;
        false
    });
    any
}

/// Terms made of characters from sets (see [`Finder::Chars`]: the first character's set, the
/// second's if any, and whether anything may follow), the `keep` best by `kind`.
pub(crate) fn char_matches(
    index: &Index,
    (first, second, open_end): (&[u32], Option<&[u32]>, bool),
    keep: usize,
    kind: &mut dyn FnMut(&[u8], TermValue) -> Option<MatchKind>,
) -> Vec<Candidate> {
    let automaton = Finder::Chars {
        first,
        second,
        open_end,
    };
    best_matches(index, &automaton, keep, kind)
}

/// Terms one edit away at the first letter, the rest spelled exactly: the typos that cost
/// two. Only a letter typed before the first, or the first two swapped: a term whose first
/// letter was substituted or lost could start with anything, which would need every
/// vocabulary shard.
fn first_letter_typos(index: &Index, word: &QueryWord) -> Vec<Candidate> {
    let term = word.term.as_str();
    let mut chars = term.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return Vec::new();
    };
    let rest = &term[first.len_utf8()..];
    // Pushed, not `format!`: the browser module carries no formatting code for it.
    let mut swapped = String::with_capacity(term.len());
    swapped.push(second);
    swapped.push(first);
    swapped.push_str(&rest[second.len_utf8()..]);
    let mut typo =
        |t: &[u8], _| (t.first() != term.as_bytes().first()).then_some(MatchKind::Typo(2));
    let mut found = Vec::new();
    for literal in [rest, swapped.as_str()] {
        let automaton = Finder::Pattern {
            literal: literal.as_bytes(),
            open_end: word.prefix,
        };
        found.extend(best_matches(index, &automaton, MAX_TYPO_TERMS, &mut typo));
    }
    found
}

/// Runs `automaton` over the vocabulary shards it needs (see [`Finder::shards`]).
fn search(index: &Index, automaton: &Finder, found: &mut dyn FnMut(&[u8], u64) -> bool) {
    let needed = automaton.shards(index);
    index.vocabulary().search(automaton, &needed, found);
}

/// Runs an automaton and keeps the `keep` best matches: fewest typos, then most frequent,
/// then alphabetical. Terms are copied into one buffer while streaming; only the kept ones
/// become strings.
fn best_matches(
    index: &Index,
    automaton: &Finder,
    keep: usize,
    kind: &mut dyn FnMut(&[u8], TermValue) -> Option<MatchKind>,
) -> Vec<Candidate> {
    let mut bytes: Vec<u8> = Vec::new();
    let mut found: Vec<(MatchKind, TermValue, std::ops::Range<usize>)> = Vec::new();
    let mut visits = 0;
    search(index, automaton, &mut |term, value| {
        visits += 1;
        if visits > MAX_AUTOMATON_VISITS {
            return false;
        }
        let value = index.term_value(value);
        if let Some(kind) = kind(term, value) {
            let start = bytes.len();
            bytes.extend_from_slice(term);
            found.push((kind, value, start..bytes.len()));
        }
        true
    });
    let order = |a: &(MatchKind, TermValue, std::ops::Range<usize>),
                 b: &(MatchKind, TermValue, std::ops::Range<usize>)| {
        candidate_order(
            (a.0, a.1.df, &bytes[a.2.clone()]),
            (b.0, b.1.df, &bytes[b.2.clone()]),
        )
    };
    if found.len() > keep {
        found.select_nth_unstable_by(keep, order);
        found.truncate(keep);
    }
    found.sort_unstable_by(order);
    found
        .into_iter()
        .filter_map(|(kind, value, range)| {
            Some(Candidate {
                term: String::from_utf8(bytes[range].to_vec()).ok()?,
                value,
                kind,
            })
        })
        .collect()
}

/// Best first: fewest typos, then most frequent, then alphabetical.
fn candidate_order(a: (MatchKind, u32, &[u8]), b: (MatchKind, u32, &[u8])) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2))
}

/// Sorts candidates best first and removes repeated terms.
fn keep_order(found: &mut Vec<Candidate>) {
    found.sort_unstable_by(|a, b| {
        candidate_order(
            (a.kind, a.value.df, a.term.as_bytes()),
            (b.kind, b.value.df, b.term.as_bytes()),
        )
    });
    found.dedup_by(|a, b| a.term == b.term);
}
