//! Pinyin queries: Latin words read as the Chinese an IME would have typed.
//!
//! After a query is parsed and each word has its candidates, runs of adjacent words that are
//! pinyin (`zhishiku`, `zhi shi ku`, `xi'an`, initials `zsk`, a syllable still being typed
//! `zhishik`) or Chinese characters (`zhishi库`, `知识ku`) are read as one string of
//! characters, each *slot* a set of characters from the index's [`Readings`]. Chinese is indexed
//! as bigrams, so each pair of adjacent slots becomes a query word whose candidates are the
//! vocabulary's bigrams `c1 c2` with `c1` from the first slot and `c2` from the second, found by
//! one [`Finder::Chars`](super::candidates) automaton run. Pairs are words like the bigrams of
//! typed characters, so words matched, proximity and exact titles work the same way.
//!
//! A Latin word that is in the vocabulary as typed (`data`, `sql`) stays Latin. One that is not,
//! but has prefix or typo completions (`datab…`), keeps both readings: the typed words and the
//! pinyin pairs form an *alternative*, and ranking takes whichever matches an article better
//! (see [`crate::ranking`]).

use std::ops::Range;

use super::candidates::{any_match, char_matches, Candidate};
use super::limits::{
    MAX_INITIALS, MAX_INITIALS_PAIRS, MAX_PINYIN_SCAN, MAX_PINYIN_TERMS, MAX_PLAN_WORDS,
    MAX_SEGMENTATIONS,
};
use super::{PlannedWord, QueryWord};
use crate::analysis::pinyin::Unit;
use crate::analysis::Readings;
use crate::index::Index;
use crate::ranking::MatchKind;

/// The characters one typed syllable, initial or character may stand for.
struct Slot {
    /// Every character it may be, ascending.
    all: Vec<u32>,
    /// Those that match it fully (a whole syllable, a typed character); empty when `all` are.
    exact: Vec<u32>,
    /// Whether every character of `all` matches fully.
    all_exact: bool,
    /// The plan word it comes from.
    owner: usize,
    /// Typed as a character (not pinyin).
    typed: bool,
    /// Typed as an initial (its characters are many: pairs with it cost the most to find).
    initial: bool,
    /// What was typed, for the pair word's term.
    label: String,
}

impl Slot {
    fn new(readings: &Readings, unit: &Unit, owner: usize) -> Slot {
        let mut all = Vec::new();
        let mut exact = Vec::new();
        let (all_exact, label) = match unit {
            Unit::Full(s) => {
                readings.chars_of(*s..*s + 1, &mut all);
                (true, readings.syllable(*s).to_string())
            }
            Unit::Partial { exact: e, range } => {
                readings.chars_of(range.clone(), &mut all);
                if let Some(e) = e {
                    readings.chars_of(*e..*e + 1, &mut exact);
                }
                // What was typed: the start all syllables of the range share.
                let (a, b) = (
                    readings.syllable(range.start),
                    readings.syllable(range.end - 1),
                );
                let typed = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                (range.len() == 1 && e.is_some(), a[..typed].to_string())
            }
            Unit::Initial(range) => {
                readings.chars_of(range.clone(), &mut all);
                let first = readings.syllable(range.start);
                (false, first[..1].to_string())
            }
        };
        Slot {
            all,
            exact,
            all_exact,
            owner,
            typed: false,
            initial: matches!(unit, Unit::Initial(_)),
            label,
        }
    }

    fn typed(c: char, owner: usize) -> Slot {
        Slot {
            all: vec![c as u32],
            exact: Vec::new(),
            all_exact: true,
            owner,
            typed: true,
            initial: false,
            label: c.to_string(),
        }
    }

    fn matches_fully(&self, c: char) -> bool {
        self.all_exact || self.exact.binary_search(&(c as u32)).is_ok()
    }
}

/// How one plan word takes part in a run.
enum Part {
    /// A Latin word read as pinyin units.
    Pinyin(Vec<Unit>),
    /// Typed Chinese characters.
    Han,
    /// Neither: ends a run.
    Other,
}

/// The ways a query word may read as pinyin, best first: splits into syllables, else its
/// letters as initials; none for a word that is not Latin letters or an index without Chinese.
pub(crate) fn pinyin_options(index: &Index, word: &QueryWord) -> Vec<Vec<Unit>> {
    let readings = index.readings();
    let term = word.term.as_str();
    if readings.is_empty() || word.cjk || !term.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut options = readings.segment(term, word.prefix, MAX_SEGMENTATIONS);
    if options.is_empty() && (term.len() > 1 || word.prefix) && term.len() <= MAX_INITIALS {
        options.extend(readings.initials(term));
    }
    options
}

/// Reads the pinyin in `words` as Chinese (see the module docs). `words` come from
/// [`super::query::parse`] with their candidates, `options` from [`pinyin_options`]; the
/// result replaces them.
pub(crate) fn expand(
    index: &Index,
    words: Vec<PlannedWord>,
    options: Vec<Vec<Vec<Unit>>>,
) -> Vec<PlannedWord> {
    if options.iter().all(Vec::is_empty) {
        return words;
    }
    let parts: Vec<Part> = words
        .iter()
        .zip(options)
        .map(|(w, o)| part_of(index, w, o))
        .collect();
    let mut out: Vec<PlannedWord> = Vec::with_capacity(words.len() + 8);
    let mut shift: i64 = 0;
    let mut reader = RunReader {
        index,
        words: &words,
        parts: &parts,
        groups: 0,
        initial_pairs: MAX_INITIALS_PAIRS,
    };
    let mut i = 0;
    while i < words.len() {
        // The run of adjacent pinyin and Chinese words starting at i.
        let mut end = i + 1;
        if !matches!(parts[i], Part::Other) {
            while end < words.len()
                && !matches!(parts[end], Part::Other)
                && words[end].word.position == words[end - 1].word.position + 1
                && words[end].word.phrase == words[i].word.phrase
            {
                end += 1;
            }
        }
        let run = i..end;
        i = end;
        let has_pinyin = run.clone().any(|w| matches!(parts[w], Part::Pinyin(_)));
        let expanded = if has_pinyin {
            reader.read(run.clone())
        } else {
            None
        };
        let moved = |w: &PlannedWord| (w.word.position as i64 + shift).max(0) as u32;
        let Some((mut sequence, alternatives)) = expanded else {
            for w in run {
                let mut w = words[w].clone();
                w.word.position = moved(&w);
                out.push(w);
            }
            continue;
        };
        // The sequence takes consecutive positions, like the bigrams of typed characters;
        // the typed alternatives keep theirs.
        let start = moved(&words[run.start]);
        let span = words[run.end - 1].word.position - words[run.start].word.position + 1;
        for (n, w) in sequence.iter_mut().enumerate() {
            w.word.position = start + n as u32;
        }
        let alternatives = alternatives.into_iter().map(|mut w| {
            w.word.position = moved(&w);
            w
        });
        let alternatives: Vec<PlannedWord> = alternatives.collect();
        shift += sequence.len() as i64 - span as i64;
        out.extend(sequence);
        out.extend(alternatives);
    }
    out.truncate(MAX_PLAN_WORDS);
    out
}

fn part_of(index: &Index, w: &PlannedWord, mut options: Vec<Vec<Unit>>) -> Part {
    if w.word.cjk {
        return Part::Han;
    }
    // A word the vocabulary has as typed is meant as typed (`data`, `sql`).
    if w.candidates.iter().any(|c| c.kind == MatchKind::Exact) {
        return Part::Other;
    }
    // The vocabulary decides between equally few syllables (fang'an, fan'gan).
    match options.len() {
        0 => Part::Other,
        1 => Part::Pinyin(options.pop().expect("one")),
        _ => Part::Pinyin(best_segmentation(index, options)),
    }
}

/// Of several ways to split a word into syllables, the first (fewest syllables) whose adjacent
/// syllables all make bigrams of the vocabulary, else the one where most of them do.
fn best_segmentation(index: &Index, options: Vec<Vec<Unit>>) -> Vec<Unit> {
    let readings = index.readings();
    let mut best: Option<(u32, Vec<Unit>)> = None;
    for units in options {
        let slots: Vec<Slot> = units.iter().map(|u| Slot::new(readings, u, 0)).collect();
        let pairs = slots.len().saturating_sub(1) as u32;
        let found = slots
            .windows(2)
            .filter(|w| any_match(index, (&w[0].all, Some(&w[1].all), false)))
            .count() as u32;
        // Share of pairs found, in 1/1024ths; a single syllable counts as all found.
        let score = (found * 1024).checked_div(pairs).unwrap_or(1024);
        if score == 1024 {
            return units;
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, units));
        }
    }
    best.expect("at least one option").1
}

/// The bigrams for two adjacent slots, whole syllables and the most frequent first.
fn pair_candidates(index: &Index, a: &Slot, b: &Slot, keep: usize) -> Vec<Candidate> {
    char_matches(
        index,
        (&a.all, Some(&b.all), false),
        keep,
        &mut |term, _| {
            let mut chars = std::str::from_utf8(term).ok()?.chars();
            let (x, y) = (chars.next()?, chars.next()?);
            Some(if a.typed && b.typed {
                MatchKind::Exact
            } else if a.matches_fully(x) && b.matches_fully(y) {
                MatchKind::Pinyin
            } else {
                MatchKind::Initials
            })
        },
    )
}

/// Narrows each pair's bigrams to those that share their character with a bigram of the
/// neighbouring pair (`知识` then `识库`: the 识 agrees), when any do, then keeps the
/// [`MAX_PINYIN_TERMS`] most frequent. Bigrams that no reading of the whole run goes through
/// (`之间` for zhi'jian in peizhijianjie) make room for those that do (`置简`).
fn agree(sequence: &mut [PlannedWord]) {
    let edge = |c: &Candidate, last: bool| {
        let mut chars = c.term.chars();
        if last {
            chars.next_back()
        } else {
            chars.next()
        }
    };
    for forward in [true, false] {
        for i in 1..sequence.len() {
            let (from, to) = if forward { (i - 1, i) } else { (i, i - 1) };
            if !(sequence[from].pinyin && sequence[to].pinyin) {
                continue;
            }
            let ends: Vec<Option<char>> = sequence[from]
                .candidates
                .iter()
                .map(|c| edge(c, forward))
                .collect();
            let target = &mut sequence[to].candidates;
            let agrees = |c: &Candidate| ends.contains(&edge(c, !forward));
            if target.iter().any(agrees) {
                // Keep the agreeing ones, in order.
                let mut kept = 0;
                for i in 0..target.len() {
                    if agrees(&target[i]) {
                        target.swap(kept, i);
                        kept += 1;
                    }
                }
                target.truncate(kept);
            }
        }
    }
    for w in sequence.iter_mut().filter(|w| w.pinyin) {
        w.candidates.truncate(MAX_PINYIN_TERMS);
    }
}

/// Reads the runs of one query, in order: the alternative groups numbered so far and the pairs
/// with an initial still allowed (each costs a scan of many characters) carry over.
struct RunReader<'a> {
    index: &'a Index,
    words: &'a [PlannedWord],
    parts: &'a [Part],
    groups: u8,
    initial_pairs: usize,
}

impl RunReader<'_> {
    /// The words of the run `run` read as Chinese, in order, and the typed words kept as their
    /// alternative; `None` if the reading finds nothing (the words stay as typed).
    fn read(&mut self, run: Range<usize>) -> Option<(Vec<PlannedWord>, Vec<PlannedWord>)> {
        let slots = self.slots(run.clone());
        if let [slot] = slots.as_slice() {
            return self.lone_syllable(slot);
        }
        // Initials are too ambiguous to match apart: `zsk` must match three characters in a
        // row, as a quoted phrase would.
        let initials = run.clone().any(|w| match &self.parts[w] {
            Part::Pinyin(units) => units.iter().any(|u| matches!(u, Unit::Initial(_))),
            _ => false,
        });
        let (mut out, assigned) = self.pair_words(&slots, run.start, initials)?;
        agree(&mut out);
        let alternatives = self.typed_alternatives(&mut out, run, &assigned, initials);
        Some((out, alternatives))
    }

    /// The run's characters to be, one slot each, at most one more than a plan holds words.
    fn slots(&self, run: Range<usize>) -> Vec<Slot> {
        let (words, parts) = (self.words, self.parts);
        let readings = self.index.readings();
        let mut slots: Vec<Slot> = Vec::new();
        for w in run.clone() {
            match &parts[w] {
                Part::Pinyin(units) => {
                    slots.extend(units.iter().map(|u| Slot::new(readings, u, w)))
                }
                Part::Han => {
                    // Adjacent bigrams overlap by a character.
                    let overlap = w > run.start
                        && matches!(parts[w - 1], Part::Han)
                        && words[w - 1].word.term.chars().count() == 2;
                    let chars = words[w].word.term.chars().skip(overlap as usize);
                    slots.extend(chars.map(|c| Slot::typed(c, w)));
                }
                Part::Other => unreachable!("runs hold no other words"),
            }
            if slots.len() > MAX_PLAN_WORDS {
                slots.truncate(MAX_PLAN_WORDS + 1);
                break;
            }
        }
        slots
    }

    /// One syllable alone: the words that start with one of its characters, like a lone typed
    /// character; merged into the Latin word's own candidates.
    fn lone_syllable(&self, slot: &Slot) -> Option<(Vec<PlannedWord>, Vec<PlannedWord>)> {
        let mut w = self.words[slot.owner].clone();
        let mut kind = |term: &[u8], _| {
            let c = std::str::from_utf8(term).ok()?.chars().next()?;
            Some(if slot.matches_fully(c) {
                MatchKind::Pinyin
            } else {
                MatchKind::Initials
            })
        };
        let more = char_matches(
            self.index,
            (&slot.all, None, true),
            MAX_PINYIN_TERMS,
            &mut kind,
        );
        if more.is_empty() {
            return None;
        }
        w.candidates.extend(more);
        Some((vec![w], Vec::new()))
    }

    /// A word for each pair of adjacent slots, and how many pairs each typed word stands for;
    /// `None` if no pair matches anything.
    fn pair_words(
        &mut self,
        slots: &[Slot],
        run_start: usize,
        initials: bool,
    ) -> Option<(Vec<PlannedWord>, Vec<u8>)> {
        let words = self.words;
        // Only the pairs read from pinyin are bound so: typed characters and words keep their
        // own reading (`两种 sc` must still find 两种 when `sc` reads as the Script of a title).
        let phrase = match words[run_start].word.phrase {
            None if initials => Some(u16::MAX - run_start as u16),
            phrase => phrase,
        };
        let mut out: Vec<PlannedWord> = Vec::new();
        let mut found = false;
        let mut assigned = vec![0u8; words.len()];
        let mut bigram = String::new();
        for pair in slots.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.typed && b.typed {
                // Typed characters' own bigram is already a word of the plan.
                bigram.clear();
                bigram.push_str(&a.label);
                bigram.push_str(&b.label);
                if let Some(w) = [a.owner, b.owner]
                    .into_iter()
                    .find(|&w| words[w].word.term == bigram)
                {
                    out.push(words[w].clone());
                    continue;
                }
            }
            let candidates = if !(a.initial || b.initial) {
                pair_candidates(self.index, a, b, MAX_PINYIN_SCAN)
            } else if self.initial_pairs > 0 {
                self.initial_pairs -= 1;
                pair_candidates(self.index, a, b, MAX_PINYIN_SCAN)
            } else {
                Vec::new()
            };
            found |= !candidates.is_empty();
            let owner = if self.replaced(b.owner) {
                b.owner
            } else {
                a.owner
            };
            assigned[owner] = assigned[owner].saturating_add(1);
            let mut term = String::with_capacity(a.label.len() + b.label.len() + 1);
            term.push_str(&a.label);
            term.push('\'');
            term.push_str(&b.label);
            out.push(PlannedWord {
                word: QueryWord {
                    term,
                    cjk: true,
                    prefix: false,
                    phrase,
                    position: 0,
                    function: false,
                    context: false,
                },
                candidates,
                units: 1,
                alt: 0,
                pinyin: true,
            });
        }
        found.then_some((out, assigned))
    }

    /// The typed words the reading replaces, kept as its alternative when a Latin one matches
    /// something as typed (none otherwise); the pairs in `out` then join the same group.
    fn typed_alternatives(
        &mut self,
        out: &mut [PlannedWord],
        run: Range<usize>,
        assigned: &[u8],
        initials: bool,
    ) -> Vec<PlannedWord> {
        let keep_typed = run
            .clone()
            .any(|w| self.latin(w) && !self.words[w].candidates.is_empty());
        let mut alternatives = Vec::new();
        if !keep_typed || self.groups == u8::MAX {
            return alternatives;
        }
        self.groups += 1;
        for w in out.iter_mut().filter(|w| w.pinyin) {
            w.alt = self.groups;
            // Letters that also start a word of the vocabulary are less surely pinyin.
            for c in &mut w.candidates {
                c.kind = MatchKind::Initials;
            }
        }
        for w in run.filter(|&w| self.replaced(w)) {
            let mut typed = self.words[w].clone();
            typed.alt = self.groups;
            // Syllables stand for as many characters as the word's pairs; initials are rarely
            // meant when the letters match a word as typed (a typo of an English word), so
            // they count once and must match in a row to win.
            typed.units = if initials { 1 } else { assigned[w] };
            alternatives.push(typed);
        }
        alternatives
    }

    /// Whether plan word `w` is a Latin word read as pinyin.
    fn latin(&self, w: usize) -> bool {
        matches!(self.parts[w], Part::Pinyin(_))
    }

    /// Whether the Chinese reading replaces typed word `w`: Latin words and lone characters.
    fn replaced(&self, w: usize) -> bool {
        self.latin(w) || self.words[w].word.term.chars().count() == 1
    }
}
