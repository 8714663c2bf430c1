//! Excerpts: the part of an article that best matches a query, with the matches marked.
//!
//! An excerpt is data — text plus byte ranges to highlight — never HTML, so article text can
//! not inject markup; the caller decides how to render a highlight. The article's parts are
//! re-tokenized with the index's own analysis, so what is highlighted is exactly what matched.

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::Tokenizer;
use crate::article::Part;
use crate::index::{Fragment, Index};
use crate::search::{Hit, Plan};

/// Tokens of context in an excerpt (Latin words; CJK text gets twice as many bigrams).
const EXCERPT_TOKENS: usize = 24;
/// Sub-results (matching headings) shown under an article at most.
const MAX_SUB_RESULTS: usize = 3;

/// Text with highlighted ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    /// Byte ranges of `text` to highlight, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// A heading of the article that matches the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubResult {
    pub heading: String,
    pub anchor: String,
    pub excerpt: Excerpt,
}

/// Everything a result list shows for one hit.
#[derive(Clone, Debug, PartialEq)]
pub struct Presented<'a> {
    pub fragment: &'a Fragment,
    pub title: Excerpt,
    /// Anchor of the best-matching heading, if the best match is under a heading.
    pub anchor: Option<&'a str>,
    pub excerpt: Excerpt,
    pub sub_results: Vec<SubResult>,
}

/// Decides which folded terms highlight, and for which query word.
struct Matcher<'p> {
    exact: HashMap<&'p str, usize>,
    prefixes: Vec<(&'p str, usize)>,
}

impl<'p> Matcher<'p> {
    fn new(plan: &'p Plan) -> Self {
        let mut exact = HashMap::new();
        let mut prefixes = Vec::new();
        for (i, w) in plan.words.iter().enumerate() {
            for c in &w.candidates {
                exact.entry(c.term.as_str()).or_insert(i);
            }
            if w.word.prefix {
                prefixes.push((w.word.term.as_str(), i));
            }
            // Typo candidates are capped; still highlight what was typed.
            exact.entry(w.word.term.as_str()).or_insert(i);
        }
        Matcher { exact, prefixes }
    }

    fn word_of(&self, term: &str) -> Option<usize> {
        self.exact.get(term).copied().or_else(|| {
            self.prefixes
                .iter()
                .find(|(p, _)| term.starts_with(p))
                .map(|&(_, i)| i)
        })
    }
}

struct Match {
    token: usize,
    word: usize,
    range: Range<usize>,
}

/// Tokens and matches of one text.
struct Scan {
    tokens: Vec<Range<usize>>,
    cjk_tokens: usize,
    matches: Vec<Match>,
}

impl Scan {
    fn distinct_words(&self) -> u32 {
        let mut seen = 0u64;
        self.matches
            .iter()
            .for_each(|m| seen |= 1 << m.word.min(63));
        seen.count_ones()
    }
}

impl Index {
    /// The display data for `hit`, or `None` if its fragments chunk is not loaded (see
    /// [`Index::fragments_chunk_of`]).
    pub fn present(&self, plan: &Plan, hit: &Hit) -> Option<Presented<'_>> {
        let fragment = self.fragment(hit.doc)?;
        let matcher = Matcher::new(plan);
        let mut tokenizer = Tokenizer::new(self.fold());
        let mut scan = |text: &str| {
            let mut s = Scan {
                tokens: Vec::new(),
                cjk_tokens: 0,
                matches: Vec::new(),
            };
            tokenizer.tokenize(text, 0, |t| {
                if let Some(word) = matcher.word_of(t.term) {
                    s.matches.push(Match {
                        token: s.tokens.len(),
                        word,
                        range: t.range.clone(),
                    });
                }
                s.cjk_tokens += t.cjk as usize;
                s.tokens.push(t.range.clone());
            });
            s
        };
        let title_scan = scan(&fragment.title);
        let title = Excerpt {
            text: fragment.title.clone(),
            highlights: merge(title_scan.matches.iter().map(|m| m.range.clone())),
        };
        // Score each part: distinct words in heading (double) and text.
        let scans: Vec<(Option<Scan>, Scan)> = fragment
            .parts
            .iter()
            .map(|p| (p.heading.as_ref().map(|h| scan(&h.text)), scan(&p.text)))
            .collect();
        let part_score = |(h, t): &(Option<Scan>, Scan)| {
            2 * h.as_ref().map_or(0, Scan::distinct_words) + t.distinct_words()
        };
        let best = (0..scans.len())
            .max_by_key(|&i| (part_score(&scans[i]), std::cmp::Reverse(i)))
            .filter(|&i| part_score(&scans[i]) > 0);
        let excerpt = match best {
            Some(i) => window(&fragment.parts[i].text, &scans[i].1),
            None => fragment
                .parts
                .iter()
                .zip(&scans)
                .find(|(p, _)| !p.text.trim().is_empty())
                .map(|(p, (_, s))| window(&p.text, s))
                .unwrap_or_default(),
        };
        let anchor = best
            .and_then(|i| fragment.parts[i].heading.as_ref())
            .map(|h| h.anchor.as_str());
        let mut ranked: Vec<usize> = (0..scans.len())
            .filter(|&i| fragment.parts[i].heading.is_some() && part_score(&scans[i]) > 0)
            .collect();
        ranked.sort_by_key(|&i| (std::cmp::Reverse(part_score(&scans[i])), i));
        let sub_results = ranked
            .into_iter()
            .take(MAX_SUB_RESULTS)
            .map(|i| sub_result(&fragment.parts[i], &scans[i].1))
            .collect();
        Some(Presented {
            fragment,
            title,
            anchor,
            excerpt,
            sub_results,
        })
    }
}

fn sub_result(part: &Part, scan: &Scan) -> SubResult {
    let heading = part
        .heading
        .as_ref()
        .expect("filtered to parts with headings");
    SubResult {
        heading: heading.text.clone(),
        anchor: heading.anchor.clone(),
        excerpt: window(&part.text, scan),
    }
}

/// The stretch of `text` with the most distinct matched words, then the most matches.
fn window(text: &str, scan: &Scan) -> Excerpt {
    if scan.tokens.is_empty() {
        return Excerpt::default();
    }
    let size = if scan.cjk_tokens * 2 > scan.tokens.len() {
        EXCERPT_TOKENS * 2
    } else {
        EXCERPT_TOKENS
    };
    let lead = size / 6;
    let mut start = 0;
    let mut best = (0, 0);
    for m in &scan.matches {
        let from = m.token.saturating_sub(lead);
        let inside = scan
            .matches
            .iter()
            .filter(|x| x.token >= from && x.token < from + size);
        let mut words = 0u64;
        let mut count = 0;
        for x in inside {
            words |= 1 << x.word.min(63);
            count += 1;
        }
        let key = (words.count_ones(), count);
        if key > best {
            best = key;
            start = from;
        }
    }
    let end = (start + size).min(scan.tokens.len());
    let (from, to) = (scan.tokens[start].start, scan.tokens[end - 1].end);
    let (lead_text, tail_text) = (
        if from > 0 { "… " } else { "" },
        if to < text.len() { " …" } else { "" },
    );
    let body = collapse(&text[from..to]);
    let mut out = String::with_capacity(body.text.len() + 8);
    out.push_str(lead_text);
    let shift = out.len();
    out.push_str(&body.text);
    out.push_str(tail_text);
    let highlights = merge(
        scan.matches
            .iter()
            .filter(|m| m.range.start >= from && m.range.end <= to)
            .map(|m| body.map(m.range.start - from) + shift..body.map(m.range.end - from) + shift),
    );
    Excerpt {
        text: out,
        highlights,
    }
}

/// Text with runs of whitespace collapsed to one space, and a map from old to new offsets.
struct Collapsed {
    text: String,
    /// (old offset, new offset) at every place where the shift changes.
    shifts: Vec<(usize, usize)>,
}

impl Collapsed {
    fn map(&self, old: usize) -> usize {
        let i = self.shifts.partition_point(|&(o, _)| o <= old);
        match i {
            0 => old,
            _ => {
                let (o, n) = self.shifts[i - 1];
                n + (old - o)
            }
        }
    }
}

fn collapse(s: &str) -> Collapsed {
    let mut text = String::with_capacity(s.len());
    let mut shifts = Vec::new();
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                text.push(' ');
                in_space = true;
            }
            continue;
        }
        if in_space || i != text.len() {
            shifts.push((i, text.len()));
        }
        in_space = false;
        text.push(c);
    }
    Collapsed { text, shifts }
}

/// Sorts and merges overlapping ranges (CJK bigrams overlap by one character).
fn merge(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut v: Vec<Range<usize>> = ranges.collect();
    v.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_maps_offsets() {
        let c = collapse("a  b\n\n c");
        assert_eq!(c.text, "a b c");
        assert_eq!(c.map(0), 0);
        assert_eq!(c.map(3), 2);
        assert_eq!(c.map(7), 4);
    }

    #[test]
    fn merge_joins_overlapping_bigrams() {
        assert_eq!(merge([3..9, 0..6, 12..15].into_iter()), vec![0..9, 12..15]);
    }
}
