//! Long text as a query: a ticket, a chat message, the "describe your problem" field of a
//! contact form.
//!
//! A search query is short and every word of it is meant. A customer writing to support wraps
//! the question in a greeting, some context and a signature; searched as typed, those words
//! outvote the problem (and the text is cut at [`MAX_QUERY_WORDS`] before reaching it). So:
//! 1. quoted replies (`>` lines) go, and so do an opening greeting ("Hi team,", 您好) and
//!    everything from the closing on ("Thanks,", "Best regards", 谢谢, a `-- ` line): the
//!    signature;
//! 2. what is left is split into sentences. Those that ask (a question mark, a question or
//!    symptom word: `how`, `error`, 怎么, 无法) are the question; the others are context, whose
//!    words count for [`crate::ranking::CONTEXT_WORD_WEIGHT`] of a question's. Text with no
//!    asking sentence is all question;
//! 3. context loses its function words, and if more than [`MAX_QUERY_WORDS`] words are left,
//!    those that tell the most (inverse document frequency, scaled for context) are kept. They
//!    are planned and ranked like any query's words.
//!
//! [`Index::suggest`] ranks like [`Index::search`] and adds each hit's confidence, so that a
//! widget can stay silent rather than suggest noise.

use std::collections::HashMap;

use super::limits::{MAX_QUERY_WORDS, MAX_SUGGEST_CHARS};
use super::query::{self, QueryWord};
use super::{Hit, Plan, SearchError, SearchOptions};
use crate::analysis::script::{classify, CharClass};
use crate::analysis::{Fold, Tokenizer};
use crate::index::Index;
use crate::ranking::{self, ScoreDetails};

/// Words that open a message (folded), when they start its first line or clause.
const GREETINGS: &[&str] = &[
    "dear",
    "good",
    "greetings",
    "hello",
    "hey",
    "hi",
    "hiya",
    "您好",
    "你好",
    "各位好",
    "大家好",
    "老师好",
];

/// Words that close one: from a short sentence starting with one, the rest is signature.
const CLOSINGS: &[&str] = &[
    "best",
    "br",
    "cheers",
    "kind",
    "many",
    "regards",
    "sincerely",
    "thank",
    "thanks",
    "thx",
    "warm",
    "多谢",
    "此致",
    "感谢",
    "谢谢",
    "辛苦",
];

/// Latin words that make a sentence ask (the question, or the symptom it is about).
const ASKING_WORDS: &[&str] = &[
    "broken", "cannot", "error", "fail", "failed", "failing", "fails", "how", "stuck", "t",
    "unable", "what", "where", "whether", "which", "why",
];

/// Chinese ones, looked for in the sentence as written.
const ASKING_CHINESE: &[&str] = &[
    "怎么",
    "如何",
    "为什么",
    "为啥",
    "是否",
    "能否",
    "可否",
    "吗",
    "呢",
    "哪",
    "什么",
    "怎样",
    "请问",
    "请教",
    "问一下",
    "帮忙看",
    "无法",
    "不能",
    "报错",
    "失败",
    "错误",
    "异常",
    "不了",
];

/// How many hits below a hit [`confidence`] looks at.
const CONFIDENCE_DEPTH: usize = 4;

/// What a text's words tell, summed, and the share of it that CJK words carry.
#[derive(Clone, Copy)]
struct TextInformation {
    total: f32,
    cjk_share: f32,
}

/// How likely a hit answers long text, from 0 to 1, given its score and those of the hits
/// below it (`scores[0]` is its own), how it matched, and the text's information.
///
/// A logistic model of five signs, fitted on the ticket texts of the benchmark (en-help and
/// zh-help, `tests/bench/lib/tickets.mjs`; the report shows the curve): the lead over the next
/// hit and over the hit [`CONFIDENCE_DEPTH`] places down (a clear winner, not one of many alike),
/// how much of the title the text's words cover, how much of the text's information the hit's
/// matched words carry, and how much of it is Chinese. The share of the text's words matched
/// alone says little: noise in a ticket is matched by noise. Chinese text is searched as
/// overlapping bigrams, so its hits lead by less and cover less of a title when right: without
/// the last sign one threshold would mean less in Chinese than in English.
fn confidence(scores: &[f32], details: &ScoreDetails, text: TextInformation) -> f32 {
    let score = scores[0];
    if score <= 0.0 || text.total <= 0.0 {
        return 0.0;
    }
    let lead = |n: usize| (score - scores.get(n).copied().unwrap_or(0.0)) / score;
    let z = -2.75
        + 2.7 * lead(1)
        + 3.5 * lead(CONFIDENCE_DEPTH)
        + 3.1 * details.title_coverage / ranking::COVERAGE_WEIGHT
        + 1.1 * details.terms / text.total
        + CJK_WEIGHT * text.cjk_share;
    1.0 / (1.0 + (-z).exp())
}

/// The Chinese sign's weight in [`confidence`].
const CJK_WEIGHT: f32 = 1.0;

/// Words a sentence of a greeting or closing has at most; a longer one says something.
const MAX_COURTESY_WORDS: usize = 6;

/// Positions between sentences, so that proximity never pairs words across them.
const SENTENCE_GAP: u32 = 16;

impl Index {
    /// Like [`Index::plan`], for long text (see the module docs): what a customer wrote to
    /// support, searched for the articles that answer it.
    pub fn plan_suggestions(&self, text: &str, typos: bool) -> Plan {
        let words = self.suggestion_words(text);
        self.plan_words(&Plan::default(), words, typos)
    }

    /// Ranks articles for a [`Index::plan_suggestions`] plan, best first, each with how
    /// likely it answers the text (0 to 1; see [`confidence`]).
    pub fn suggest(
        &self,
        plan: &Plan,
        options: &SearchOptions,
    ) -> Result<Vec<(Hit, f32)>, SearchError> {
        // Confidence compares a hit with those below it: rank a few more than are shown.
        let deeper = SearchOptions {
            limit: options.limit.max(CONFIDENCE_DEPTH + 1),
            ..*options
        };
        let hits = self.search(plan, &deeper)?;
        let (mut total, mut cjk) = (0.0f32, 0.0f32);
        for w in &plan.words {
            let information = w.information(self.docs()) * w.units as f32;
            total += information;
            if w.word.cjk {
                cjk += information;
            }
        }
        let text = TextInformation {
            total,
            cjk_share: if total > 0.0 { cjk / total } else { 0.0 },
        };
        let scores: Vec<f32> = hits.iter().map(|h| h.score).collect();
        // Below the first, a hit is as likely as its own signs say, scaled by its score against
        // the first's, and never more likely than a hit above it.
        let mut above = 1.0f32;
        let mut out: Vec<(Hit, f32)> = (hits.into_iter().enumerate())
            .map(|(i, hit)| {
                let own = confidence(&scores[i..], &hit.details, text);
                let c = (own * scores[i] / scores[0].max(f32::MIN_POSITIVE)).min(above);
                above = c;
                (hit, c)
            })
            .collect();
        out.truncate(options.limit);
        Ok(out)
    }

    /// The content words `hit` matched (folded; CJK as bigrams), in the order of the text.
    pub fn matched_words<'p>(&self, plan: &'p Plan, hit: &Hit) -> Vec<&'p str> {
        (plan.words.iter().enumerate())
            .filter(|(_, w)| !w.word.function)
            .filter(|&(w, _)| hit.positions.iter().any(|&(m, _)| m as usize == w))
            .map(|(_, w)| w.word.term.as_str())
            .collect()
    }

    /// The query words of long text, as [`Index::plan_suggestions`] plans them.
    fn suggestion_words(&self, text: &str) -> Vec<QueryWord> {
        let text = match text.char_indices().nth(MAX_SUGGEST_CHARS) {
            Some((cut, _)) => &text[..cut],
            None => text,
        };
        let mut tokenizer = Tokenizer::new(self.fold());
        let mut sentences: Vec<Sentence> = sentences(text)
            .map(|s| Sentence::new(&mut tokenizer, s))
            .filter(|s| !s.words.is_empty())
            .collect();
        if sentences.first().is_some_and(Sentence::is_greeting) {
            sentences.remove(0);
        }
        if let Some(end) = (1..sentences.len()).find(|&i| sentences[i].is_closing()) {
            sentences.truncate(end);
        }
        let asking = sentences.iter().any(|s| s.asks);
        let mut words: Vec<QueryWord> = Vec::new();
        // Each term once, at its first place (a paste repeats its words thousands of times).
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut position = 0;
        for s in sentences {
            let context = asking && !s.asks;
            for mut w in s.words {
                if context && w.function {
                    continue;
                }
                w.position += position;
                w.context = context;
                // A word the question repeats from the context is the question's.
                match seen.get(&w.term) {
                    Some(&i) => words[i].context &= context,
                    None => {
                        seen.insert(w.term.clone(), words.len());
                        words.push(w);
                    }
                }
            }
            position = words.last().map_or(0, |w| w.position) + SENTENCE_GAP;
        }
        if words.len() > MAX_QUERY_WORDS {
            let docs = self.docs();
            let told: Vec<f32> = (words.iter())
                .map(|w| {
                    // A word no article has may be misspelt: keep it, below the words it may be.
                    let df = self.exact_df(&w.term).unwrap_or(docs / 2 + 1);
                    ranking::information(docs, df, w.function, w.context)
                })
                .collect();
            let keep = most_informative(&told, MAX_QUERY_WORDS);
            let mut kept = keep.into_iter();
            words.retain(|_| kept.next().unwrap_or(false));
        }
        words
    }

    /// How many articles hold `term` exactly, or `None` if none does.
    fn exact_df(&self, term: &str) -> Option<u32> {
        let ordinal = self.vocabulary().get(term.as_bytes())?;
        Some(self.term_value(ordinal).df)
    }
}

/// Which of `told` (each word's information) are among the `n` greatest, the earlier word
/// first among equals. By insertion into a short list, not a sort: the browser module carries
/// no sort code for this (the text's words are few thousand at most, `n` is small).
fn most_informative(told: &[f32], n: usize) -> Vec<bool> {
    let mut best: Vec<usize> = Vec::with_capacity(n + 1);
    for (i, &t) in told.iter().enumerate() {
        let at = best.partition_point(|&b| told[b] >= t);
        if at < n {
            best.insert(at, i);
            best.truncate(n);
        }
    }
    let mut keep = vec![false; told.len()];
    best.into_iter().for_each(|i| keep[i] = true);
    keep
}

/// One sentence of long text: its words (complete, function words marked), and whether it asks.
struct Sentence<'a> {
    text: &'a str,
    words: Vec<QueryWord>,
    asks: bool,
}

impl<'a> Sentence<'a> {
    fn new<F: Fold + ?Sized>(tokenizer: &mut Tokenizer<F>, text: &'a str) -> Self {
        let mut words = Vec::new();
        query::push_words(tokenizer, text, 0, &mut words);
        query::finish(&mut words);
        let asks = text.contains(['?', '？'])
            || words
                .iter()
                .any(|w| ASKING_WORDS.contains(&w.term.as_str()))
            || (text.char_indices())
                .any(|(i, _)| ASKING_CHINESE.iter().any(|cue| text[i..].starts_with(cue)));
        Sentence { text, words, asks }
    }

    /// Whether it opens with a word of `list` and is short: a greeting or a closing. A CJK
    /// courtesy ("您好", "谢谢") is one word however it is split into bigrams.
    fn is_courtesy(&self, list: &[&str]) -> bool {
        let short = self.words.len() <= MAX_COURTESY_WORDS;
        let opens = list.iter().any(|w| {
            self.words.first().is_some_and(|first| first.term == *w)
                || (!w.is_ascii() && self.text.trim_start().starts_with(w))
        });
        short && opens
    }

    fn is_greeting(&self) -> bool {
        self.is_courtesy(GREETINGS) && !self.asks
    }

    /// A closing ("Thanks,", "麻烦尽快回复，谢谢"), or what always ends a message's own text (a
    /// `-- ` signature line).
    fn is_closing(&self) -> bool {
        let thanks_last = || {
            let last = self
                .words
                .iter()
                .rev()
                .find(|w| !w.cjk || w.term.chars().count() > 1);
            let end = self.text.trim_end_matches(separator);
            last.is_some_and(|w| w.term == "thanks")
                || CLOSINGS.iter().any(|w| !w.is_ascii() && end.ends_with(w))
        };
        self.text.trim_end() == "--"
            || (!self.asks
                && (self.is_courtesy(CLOSINGS)
                    || (self.words.len() <= 2 * MAX_COURTESY_WORDS && thanks_last())))
    }
}

/// The sentences of `text`, quoted lines left out: split at line breaks, at sentence-ending
/// punctuation, and after an opening greeting's comma ("Hi Anna, outlook …").
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with('>'))
        .flat_map(|line| {
            let mut rest = line;
            let mut first = true;
            std::iter::from_fn(move || {
                if rest.trim().is_empty() {
                    return None;
                }
                let end = sentence_end(rest, first);
                first = false;
                let (sentence, after) = rest.split_at(end);
                rest = after;
                Some(sentence)
            })
        })
}

/// Where the first sentence of `text` ends (a byte offset after its closing punctuation).
/// A period ends one only before a space, a CJK character or the end, so `5.7.1` and `v6.5`
/// stay whole.
/// In a line's first sentence, a comma after a greeting word ends it too.
fn sentence_end(text: &str, first: bool) -> usize {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '!' | '?' | '。' | '！' | '？' | ';' | '；' | '…' => true,
            '.' => next.is_none_or(|n| !n.is_ascii_alphanumeric() && !n.is_ascii_punctuation()),
            ',' | '，' => first && GREETINGS.iter().any(|g| starts_with_word(text, g)),
            _ => false,
        };
        if ends {
            return i + c.len_utf8();
        }
    }
    text.len()
}

/// Whether `c` separates words (by the tokenizer's ranges, not Unicode's tables: the browser
/// module stays small).
fn separator(c: char) -> bool {
    classify(c) == CharClass::Separator
}

/// Whether `text` starts with `word`, ignoring case, as a whole word.
fn starts_with_word(text: &str, word: &str) -> bool {
    let text = text.trim_start();
    let Some(head) = text.get(..word.len()) else {
        return false;
    };
    head.eq_ignore_ascii_case(word)
        && (!word.is_ascii() || text[word.len()..].chars().next().is_none_or(separator))
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_where_searched_by_eye() {
        for list in [GREETINGS, CLOSINGS, ASKING_WORDS] {
            let latin: Vec<&&str> = list.iter().filter(|w| w.is_ascii()).collect();
            assert!(latin.windows(2).all(|w| w[0] < w[1]), "{latin:?}");
        }
    }

    #[test]
    fn sentences_split_at_punctuation_and_greeting_commas() {
        let text = "Hi Anna, outlook fails with 5.7.1 since v6.5. Why?\n> quoted text\n您好，集群无法启动。谢谢";
        let got: Vec<&str> = sentences(text).map(str::trim).collect();
        assert_eq!(
            got,
            [
                "Hi Anna,",
                "outlook fails with 5.7.1 since v6.5.",
                "Why?",
                "您好，",
                "集群无法启动。",
                "谢谢"
            ]
        );
    }
}
