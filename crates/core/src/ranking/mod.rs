//! Ranking: turning matched query words into an ordered list, rule by rule.
//!
//! Articles are ordered by, in turn:
//! 1. **key words** — for a short query (up to [`MAX_KEY_WORDS`] content words, the way
//!    people type keywords), how many of them the article matches: each is essential, so all
//!    beat fewer. A longer query (a question, a complaint) skips this rule: its words inform
//!    the score, none is essential (`tell` in "how can I tell which office license I have");
//! 2. **exact title** — the query is the article's whole title (typed, or in full pinyin);
//! 3. **score** — the sum of [`bm25`] weights of the matched words, scaled by how they matched
//!    ([`match_quality`]: exact > stem > synonym, homophone > full pinyin > initials, prefix
//!    and typo matches), plus [`proximity`] of the words and [`exactness`] (title coverage by
//!    exact forms, and the query as a phrase of the title: `microsoft 365 apps open` is most
//!    likely the article titled `Microsoft 365 apps open…`).
//!
//! Words weigh what they tell ([`information`]): BM25's inverse document frequency makes a
//! missing `license` cost more than a missing `have`, and function words (`how`, 怎么; see
//! [`crate::analysis::function_words`]) weigh [`FUNCTION_WORD_WEIGHT`] of a content word and
//! are no key words, so they never decide the order on their own. Pinyin counts per pair of
//! syllables, like the bigrams of typed characters, and a Latin word that may also be pinyin is
//! ranked by whichever reading matches an article better.
//!
//! [`ScoreDetails`] records each part so a ranking can be explained (`helpdex search --explain`).

pub mod bm25;
pub mod exactness;
mod match_kind;
pub mod proximity;

pub use match_kind::{better_match, match_quality, MatchKind};

use crate::index::postings::Positions;

/// Weight of the proximity bonus (per adjacent pair, averaged, times the number of pairs).
const PROXIMITY_WEIGHT: f32 = 2.0;
/// Weight of title coverage.
pub const COVERAGE_WEIGHT: f32 = 12.0;
/// A query of at most this many content words is a keyword query: the key-words rule applies.
pub const MAX_KEY_WORDS: u32 = 3;
/// What a function word's BM25 weight counts for, against a content word's.
pub const FUNCTION_WORD_WEIGHT: f32 = 0.1;
/// What a word of long text outside its question sentences counts for (the context of a
/// ticket: "we moved to Microsoft 365 last year"), against a word of the question.
pub const CONTEXT_WORD_WEIGHT: f32 = 0.2;
/// Weight of a title that holds the query as a phrase, and the extra when it starts with it.
const TITLE_PHRASE_WEIGHT: f32 = 6.0;
const TITLE_START_WEIGHT: f32 = 1.5;

/// Why an article ranks where it does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreDetails {
    /// Query words matched (phrases count only when their words are adjacent).
    pub words: u32,
    /// Total typos over the matched words.
    pub typos: u32,
    /// The query is the whole title.
    pub exact_title: bool,
    /// Sum of the matched words' weights.
    pub terms: f32,
    /// Proximity bonus.
    pub proximity: f32,
    /// Title coverage bonus.
    pub title_coverage: f32,
    /// Bonus for a title that holds the query as a phrase (more if it starts with it).
    pub title_phrase: f32,
    /// Content words of a keyword query matched (0 for a longer query: see the module docs).
    pub key_words: u32,
}

impl ScoreDetails {
    /// The score that orders articles with the same words and exact-title rank.
    pub fn score(&self) -> f32 {
        self.terms + self.proximity + self.title_coverage + self.title_phrase
    }

    /// The full ordering key, greatest first.
    fn key(&self) -> (u32, bool, f32) {
        (self.key_words, self.exact_title, self.score())
    }
}

/// Orders two ranked articles, best first: the rules of the module docs, then doc number.
pub(crate) fn order(a: (u32, &ScoreDetails), b: (u32, &ScoreDetails)) -> std::cmp::Ordering {
    let (ka, kb) = (a.1.key(), b.1.key());
    kb.0.cmp(&ka.0)
        .then(kb.1.cmp(&ka.1))
        .then(kb.2.total_cmp(&ka.2))
        .then(a.0.cmp(&b.0))
}

/// The key words an article matched, given the query's content words and how many of them it
/// matched (see the module docs).
pub(crate) fn key_words(content_words: u32, matched: u32) -> u32 {
    if content_words <= MAX_KEY_WORDS {
        matched
    } else {
        0
    }
}

/// What a word's BM25 weight counts for: less for a function word, and less for a word of
/// long text's context than for one of its question (see `search/suggest.rs`).
pub fn word_factor(function: bool, context: bool) -> f32 {
    let factor = if function { FUNCTION_WORD_WEIGHT } else { 1.0 };
    if context {
        factor * CONTEXT_WORD_WEIGHT
    } else {
        factor
    }
}

/// How much a query word tells about what the query is about: its inverse document frequency
/// (scaled down in long text's context), and nothing for a function word (or a word no article
/// has).
pub fn information(docs: u32, df: u32, function: bool, context: bool) -> f32 {
    if function || df == 0 {
        0.0
    } else {
        bm25::idf(docs, df) * word_factor(false, context)
    }
}

/// What ranking needs to know about one matched query word in one article.
#[derive(Clone, Debug)]
pub(crate) struct WordMatch {
    pub weight: f32,
    pub kind: MatchKind,
    pub in_title: bool,
    pub positions: Positions,
}

/// One query word, as ranking sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordSpec {
    pub query_position: u32,
    pub phrase: Option<u16>,
    pub prefix: bool,
    /// How many words it counts for when matched: 1, except for Latin words that also have a
    /// pinyin reading, which count for the syllable pairs they stand for.
    pub units: u8,
    /// Alternative group (0: none): an article is ranked by the typed words of a group or by
    /// its pinyin pairs (`pinyin`), whichever matches it better, never by both.
    pub alt: u8,
    pub pinyin: bool,
    /// How much the word tells (see [`information`]), per unit.
    pub information: f32,
}

impl WordSpec {
    /// Whether the word tells something (a content word, found in some article).
    fn content(&self) -> bool {
        self.information > 0.0
    }
}

/// Ranks one article from its matches (one slot per query word, `None` if unmatched).
pub(crate) fn evaluate(
    words: &[WordSpec],
    matches: &mut [Option<WordMatch>],
    title_length: f32,
) -> ScoreDetails {
    enforce_phrases(words, matches);
    let dropped = resolve_alternatives(words, matches);
    let mut d = ScoreDetails::default();
    let mut in_title = 0;
    let mut title_cover = 0;
    let mut matched_content = 0;
    let mut all_exact = true;
    for (spec, m) in words.iter().zip(matches.iter()) {
        let Some(m) = m else { continue };
        // A word that stands for several (a Latin word against its pinyin pairs) counts as
        // that many, adjacent, in the title if it is.
        d.words += spec.units as u32;
        matched_content += spec.content() as u32 * spec.units as u32;
        d.terms += m.weight;
        in_title += m.in_title as u32 * spec.units as u32;
        // Another form or a synonym in the title is not the title's word.
        let exact_form = !matches!(m.kind, MatchKind::Stem | MatchKind::Synonym);
        title_cover += (m.in_title && exact_form) as u32 * spec.units as u32;
        match m.kind {
            // Pinyin of the whole title is the title, typed another way.
            MatchKind::Exact | MatchKind::Pinyin => {}
            MatchKind::Prefix if spec.prefix => {}
            MatchKind::Prefix | MatchKind::Stem | MatchKind::Synonym | MatchKind::Initials => {
                all_exact = false
            }
            MatchKind::Typo(t) | MatchKind::Homophone(t) => {
                d.typos += t as u32;
                all_exact = false;
            }
        }
    }
    let kept = || (words.iter().enumerate()).filter(|(i, _)| dropped & (1 << i) == 0);
    let query_words: u32 = kept().map(|(_, w)| w.units as u32).sum();
    let content_words: u32 = (kept().filter(|(_, w)| w.content()))
        .map(|(_, w)| w.units as u32)
        .sum();
    d.key_words = key_words(content_words, matched_content);
    let mut pairs = 0;
    let mut bonus = 0.0;
    let mut previous: Option<(usize, &WordMatch)> = None;
    let question = content_words > MAX_KEY_WORDS;
    for (i, m) in matches.iter().enumerate() {
        // In a question, function words are near everything: only content words make pairs.
        // A keyword query's are as written (a title's `in`, `to`).
        let Some(m) = m.as_ref().filter(|_| !question || words[i].content()) else {
            continue;
        };
        let inner = words[i].units.saturating_sub(1);
        pairs += inner as u32;
        bonus += inner as f32;
        if let Some((p, pm)) = previous {
            let gap = words[i]
                .query_position
                .saturating_sub(words[p].query_position + 1);
            if let Some(dist) = proximity::distance(&pm.positions, &m.positions) {
                bonus += proximity::pair_bonus(dist.saturating_sub(gap));
            }
            pairs += 1;
        }
        previous = Some((i, m));
    }
    if pairs > 0 {
        d.proximity = PROXIMITY_WEIGHT * bonus;
    }
    d.exact_title = exactness::is_exact_title(in_title, query_words, title_length, all_exact);
    d.title_coverage = COVERAGE_WEIGHT * exactness::title_coverage(title_cover, title_length);
    if d.words > 0 && d.words == query_words {
        let matched = words.iter().zip(matches.iter());
        let matched = matched.filter_map(|(w, m)| Some((w.query_position, &m.as_ref()?.positions)));
        if let Some(start) = exactness::title_phrase(matched, title_length) {
            d.title_phrase =
                TITLE_PHRASE_WEIGHT + if start == 0 { TITLE_START_WEIGHT } else { 0.0 };
        }
    }
    d
}

/// Keeps, for each alternative group, only the reading that matches better (more word units,
/// then more weight); returns the dropped words as a bit set.
fn resolve_alternatives(words: &[WordSpec], matches: &mut [Option<WordMatch>]) -> u32 {
    let mut dropped = 0u32;
    let groups = words.iter().map(|w| w.alt).max().unwrap_or(0);
    for g in 1..=groups {
        let mut readings = [(0u32, 0f32); 2]; // typed, pinyin
        for (w, m) in words.iter().zip(matches.iter()) {
            if let (true, Some(m)) = (w.alt == g, m) {
                let r = &mut readings[w.pinyin as usize];
                r.0 += w.units as u32;
                r.1 += m.weight;
            }
        }
        let pinyin = readings[1] > readings[0];
        for (i, (w, m)) in words.iter().zip(matches.iter_mut()).enumerate() {
            if w.alt == g && w.pinyin != pinyin {
                *m = None;
                dropped |= 1 << i;
            }
        }
    }
    dropped
}

/// Drops the words of a quoted phrase unless they occur next to each other, in order.
fn enforce_phrases(words: &[WordSpec], matches: &mut [Option<WordMatch>]) {
    let mut i = 0;
    while i < words.len() {
        let Some(phrase) = words[i].phrase else {
            i += 1;
            continue;
        };
        let end = i + words[i..]
            .iter()
            .take_while(|w| w.phrase == Some(phrase))
            .count();
        let together = (i..end).all(|j| matches[j].is_some())
            && matches[i].as_ref().unwrap().positions.iter().any(|&start| {
                (i + 1..end).all(|j| {
                    let offset = words[j].query_position - words[i].query_position;
                    matches[j]
                        .as_ref()
                        .unwrap()
                        .positions
                        .contains(&(start + offset))
                })
            });
        if !together {
            matches[i..end].iter_mut().for_each(|m| *m = None);
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(p: u32, phrase: Option<u16>) -> WordSpec {
        WordSpec {
            query_position: p,
            phrase,
            prefix: false,
            units: 1,
            alt: 0,
            pinyin: false,
            information: 1.0,
        }
    }

    fn m(weight: f32, positions: &[u32]) -> Option<WordMatch> {
        Some(WordMatch {
            weight,
            kind: MatchKind::Exact,
            in_title: false,
            positions: Positions::from_slice(positions),
        })
    }

    #[test]
    fn adjacent_words_beat_distant_ones() {
        let words = [spec(0, None), spec(1, None)];
        let near = evaluate(&words, &mut [m(1.0, &[10]), m(1.0, &[11])], 5.0);
        let far = evaluate(&words, &mut [m(1.0, &[10]), m(1.0, &[200])], 5.0);
        assert!(near.score() > far.score());
        assert_eq!(near.words, 2);
    }

    #[test]
    fn phrases_need_adjacency() {
        let words = [spec(0, Some(1)), spec(1, Some(1)), spec(2, None)];
        let apart = evaluate(&words, &mut [m(1.0, &[1]), m(1.0, &[5]), m(1.0, &[9])], 5.0);
        assert_eq!(apart.words, 1);
        let together = evaluate(&words, &mut [m(1.0, &[4]), m(1.0, &[5]), m(1.0, &[9])], 5.0);
        assert_eq!(together.words, 3);
    }

    #[test]
    fn whole_title_is_exact() {
        let words = [spec(0, None), spec(1, None)];
        let mut title = [m(1.0, &[0]), m(1.0, &[1])];
        title
            .iter_mut()
            .for_each(|x| x.as_mut().unwrap().in_title = true);
        assert!(evaluate(&words, &mut title, 2.0).exact_title);
        assert!(!evaluate(&words, &mut title.clone(), 3.0).exact_title);
    }
}
