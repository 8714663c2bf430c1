//! Grouping queries by what they ask: the variants of one need (`reset password`,
//! `password reset`, `pasword reset`, `resetting passwords`) land together.
//!
//! A query's form is its content words (function words dropped), each taken to the vocabulary
//! term the engine reaches for it — itself, another form, or the nearest spelling, the way the
//! search does — stemmed, sorted. Words the vocabulary has nothing near (what the site does
//! not cover, so the most interesting ones here) are matched against each other instead: a
//! rarer spelling joins the most searched one within a typo of it.

use std::collections::HashMap;

use helpdex_core::analysis::stem;
use helpdex_core::search::MatchKind;
use helpdex_core::Index;

/// Edits that make a word a misspelling of another: as the search allows, by length.
fn typo_budget(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Spellings compared against each other, the most searched first; beyond this many, a rare
/// unknown word stays its own group (the report lists the frequent ones).
const MAX_LEADERS: usize = 2_000;

/// One word of a query's form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FormWord {
    /// Reached in the vocabulary: the stemmed term.
    Known(String),
    /// Not in the vocabulary, nor near anything in it.
    Unknown(String),
}

/// Turns queries into group keys over one index.
pub struct Grouper<'a> {
    index: &'a Index,
    forms: HashMap<String, Vec<FormWord>>,
    unknown_counts: HashMap<String, u32>,
}

impl<'a> Grouper<'a> {
    pub fn new(index: &'a Index) -> Self {
        Grouper {
            index,
            forms: HashMap::new(),
            unknown_counts: HashMap::new(),
        }
    }

    /// Records one search of `query` (call for every search before [`Grouper::keys`]).
    pub fn add(&mut self, query: &str) {
        if !self.forms.contains_key(query) {
            let form = self.form(query);
            self.forms.insert(query.to_string(), form);
        }
        for w in &self.forms[query] {
            if let FormWord::Unknown(u) = w {
                *self.unknown_counts.entry(u.clone()).or_default() += 1;
            }
        }
    }

    /// The group key of every query added: the words of its form, unknown ones replaced by
    /// the most searched spelling within a typo, sorted and joined by spaces. A query of only
    /// function words keeps its folded text.
    pub fn keys(self) -> HashMap<String, String> {
        let leader = leaders(&self.unknown_counts);
        self.forms
            .into_iter()
            .map(|(query, form)| {
                let mut words: Vec<String> = form
                    .into_iter()
                    .map(|w| match w {
                        FormWord::Known(k) => k,
                        FormWord::Unknown(u) => leader.get(&u).cloned().unwrap_or(u),
                    })
                    .collect();
                words.sort();
                words.dedup();
                let key = if words.is_empty() {
                    query.trim().to_lowercase()
                } else {
                    words.join(" ")
                };
                (query, key)
            })
            .collect()
    }

    fn form(&self, query: &str) -> Vec<FormWord> {
        // Events record a finished search: no word is still being typed.
        let plan = self.index.plan(&format!("{query} "), true);
        let mut seen_positions = Vec::new();
        let mut form = Vec::new();
        for (word, candidates) in plan.words().zip(plan.candidates()) {
            // The first planned word at a position is the typed one; pinyin readings follow.
            if word.function || seen_positions.contains(&word.position) {
                continue;
            }
            seen_positions.push(word.position);
            let reached = candidates
                .iter()
                .find(|c| c.kind == MatchKind::Exact)
                .or_else(|| candidates.iter().find(|c| c.kind != MatchKind::Synonym));
            form.push(match reached {
                Some(c) => FormWord::Known(stem::english(&c.term).into_owned()),
                None => FormWord::Unknown(stem::english(&word.term).into_owned()),
            });
        }
        form
    }
}

/// For each unknown word that is a misspelling of a more searched one, that one.
fn leaders(counts: &HashMap<String, u32>) -> HashMap<String, String> {
    let mut words: Vec<(&String, u32)> = counts.iter().map(|(w, &c)| (w, c)).collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut leaders: Vec<&String> = Vec::new();
    let mut joined = HashMap::new();
    for (word, _) in words {
        let chars = word.chars().count();
        let budget = typo_budget(chars);
        let near = leaders.iter().find(|l| {
            budget > 0
                && l.chars().count().abs_diff(chars) <= budget
                && strsim::damerau_levenshtein(l, word) <= budget
        });
        match near {
            Some(l) => {
                joined.insert(word.clone(), (*l).clone());
            }
            None if leaders.len() < MAX_LEADERS => leaders.push(word),
            None => {}
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_spellings_join_the_most_searched_within_a_typo() {
        let counts: HashMap<String, u32> = [
            ("passport", 9),
            ("pasport", 3),
            ("passprt", 1),
            ("pass", 5),
            ("pas", 2),
        ]
        .into_iter()
        .map(|(w, c)| (w.to_string(), c))
        .collect();
        let joined = leaders(&counts);
        assert_eq!(joined.get("pasport").map(String::as_str), Some("passport"));
        assert_eq!(joined.get("passprt").map(String::as_str), Some("passport"));
        // Short words have no typo budget: `pas` is not `pass`.
        assert_eq!(joined.get("pas"), None);
        assert_eq!(joined.get("passport"), None);
    }
}
