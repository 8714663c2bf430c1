//! Candidate terms for a query word: exact, prefix completions and typo neighbours.
//!
//! Each kind is an automaton run over the vocabulary fst: the term itself, `Str::starts_with`
//! for a word still being typed, and a Levenshtein DFA (with transpositions) for typos. The
//! typo budget counts characters, not bytes; a typo on the first letter costs two, because
//! people rarely get the first letter wrong and a changed first letter usually means another
//! word.

use std::sync::OnceLock;

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

use super::limits::{typo_budget, MAX_AUTOMATON_VISITS, MAX_PREFIX_TERMS, MAX_TYPO_TERMS};
use super::query::QueryWord;
use crate::index::{Index, TermValue};

/// How a candidate term relates to the query word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The term is the word.
    Exact,
    /// The term starts with the word (the word is still being typed).
    Prefix,
    /// The term is this many typos away (first-letter typos count double).
    Typo(u8),
}

/// A vocabulary term a query word may match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub term: String,
    pub value: TermValue,
    pub kind: MatchKind,
}

/// Levenshtein DFA builders for distances 1 and 2, built on first use (building is the costly
/// part; each DFA is then cheap).
#[derive(Default)]
pub(crate) struct TypoAutomata {
    builders: [OnceLock<LevenshteinAutomatonBuilder>; 2],
}

impl TypoAutomata {
    fn dfa(&self, word: &str, distance: u8, prefix: bool) -> DFA {
        let builder = self.builders[distance as usize - 1]
            .get_or_init(|| LevenshteinAutomatonBuilder::new(distance, true));
        if prefix {
            builder.build_prefix_dfa(word)
        } else {
            builder.build_dfa(word)
        }
    }
}

/// Adapts a Levenshtein DFA to the fst's automaton interface.
struct Levenshtein<'a>(&'a DFA);

impl Automaton for Levenshtein<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// Finds the candidate terms of `word` in `index`, exact first.
pub(crate) fn candidates(
    index: &Index,
    automata: &TypoAutomata,
    word: &QueryWord,
    typos: bool,
) -> Vec<Candidate> {
    let vocab = index.vocab();
    let mut out = Vec::new();
    if let Some(v) = vocab.get(&word.term) {
        out.push(Candidate {
            term: word.term.clone(),
            value: TermValue::unpack(v),
            kind: MatchKind::Exact,
        });
    }
    if word.prefix {
        let automaton = Str::new(&word.term).starts_with();
        let mut found = collect(vocab.search(automaton).into_stream(), |term, _| {
            (term.len() != word.term.len()).then_some(MatchKind::Prefix)
        });
        keep_best(&mut found, MAX_PREFIX_TERMS);
        out.extend(found);
    }
    let budget = if typos && !word.cjk {
        typo_budget(word.term.chars().count())
    } else {
        0
    };
    if budget > 0 {
        let dfa = automata.dfa(&word.term, budget, word.prefix);
        let first = word.term.chars().next();
        let mut found = collect(vocab.search(Levenshtein(&dfa)).into_stream(), |term, _| {
            let distance = match dfa.eval(term) {
                Distance::Exact(d) => d,
                Distance::AtLeast(_) => return None,
            };
            let first_differs = std::str::from_utf8(term).ok()?.chars().next() != first;
            let cost = distance + first_differs as u8;
            (distance > 0 && cost <= budget).then_some(MatchKind::Typo(cost))
        });
        found.retain(|c| !out.iter().any(|o| o.term == c.term));
        keep_best(&mut found, MAX_TYPO_TERMS);
        out.extend(found);
    }
    out
}

fn collect(
    mut stream: impl for<'a> Streamer<'a, Item = (&'a [u8], u64)>,
    mut kind: impl FnMut(&[u8], u64) -> Option<MatchKind>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut visits = 0;
    while let Some((term, value)) = stream.next() {
        visits += 1;
        if visits > MAX_AUTOMATON_VISITS {
            break;
        }
        if let (Some(kind), Ok(term)) = (kind(term, value), std::str::from_utf8(term)) {
            out.push(Candidate {
                term: term.to_string(),
                value: TermValue::unpack(value),
                kind,
            });
        }
    }
    out
}

/// Keeps the `n` best candidates: fewest typos, then most frequent, then alphabetical.
fn keep_best(found: &mut Vec<Candidate>, n: usize) {
    found.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.value.df.cmp(&a.value.df))
            .then(a.term.cmp(&b.term))
    });
    found.truncate(n);
}
