//! Synonyms at query time: where the query holds a phrase of a group ("not working"), each of
//! its content words (`not`, `working`) also matches the content words of the group's other
//! phrases (`work`, `fails`, `broken`, `function`), as [`MatchKind::Synonym`] candidates: an
//! article with "doesn't function" has the whole phrase, not half of it.
//!
//! Phrases match the query's words in a row, Latin words by their English stem (`not worked`
//! is `not working`), so the table needs one form of each word.

use super::limits::MAX_SYNONYM_TERMS;
use super::{Candidate, PlannedWord};
use crate::analysis::function_words;
use crate::analysis::stem;
use crate::analysis::synonyms::TokenizedGroup;
use crate::index::Index;
use crate::ranking::MatchKind;

/// Adds synonym candidates to `words` (the query's words, as parsed, with their candidates).
pub(crate) fn expand(index: &Index, groups: &[TokenizedGroup], words: &mut [PlannedWord]) {
    if groups.is_empty() || words.is_empty() {
        return;
    }
    let stems: Vec<String> = words
        .iter()
        .map(|w| stem::english(&w.word.term).into_owned())
        .collect();
    for group in groups {
        for (p, phrase) in group.iter().enumerate() {
            let starts: Vec<usize> = occurrences(words, &stems, phrase).collect();
            for start in starts {
                for word in &mut words[start..start + phrase.len()] {
                    if word.word.function {
                        continue;
                    }
                    let others = group.iter().enumerate().filter(|&(q, _)| q != p);
                    for term in others.flat_map(|(_, other)| other) {
                        add(index, word, term);
                    }
                }
            }
        }
    }
}

/// Where `phrase` starts in `words`: consecutive words (in position too) equal to its terms,
/// Latin ones by stem.
fn occurrences<'a>(
    words: &'a [PlannedWord],
    stems: &'a [String],
    phrase: &'a [String],
) -> impl Iterator<Item = usize> + 'a {
    let n = phrase.len();
    (0..(words.len() + 1).saturating_sub(n)).filter(move |&start| {
        phrase.iter().enumerate().all(|(k, term)| {
            let w = &words[start + k].word;
            let in_row = k == 0 || w.position == words[start + k - 1].word.position + 1;
            let same = w.term == *term || (!w.cjk && stems[start + k] == stem::english(term));
            in_row && same && w.phrase.is_none()
        })
    })
}

/// Adds `term` to the word's candidates if the vocabulary has it and it is new, a content
/// word, and the word has room.
fn add(index: &Index, word: &mut PlannedWord, term: &str) {
    let added = word
        .candidates
        .iter()
        .filter(|c| c.kind == MatchKind::Synonym)
        .count();
    // A lone letter is half a contraction (`doesn't` → `doesn`, `t`), not a word.
    if added >= MAX_SYNONYM_TERMS
        || term.len() == 1
        || function_words::is_english(term)
        || word.candidates.iter().any(|c| c.term == term)
    {
        return;
    }
    if let Some(v) = index.vocabulary().get(term.as_bytes()) {
        word.candidates.push(Candidate {
            term: term.to_string(),
            value: index.term_value(v),
            kind: MatchKind::Synonym,
        });
    }
}
