//! Excerpts: the part of an article that best matches a query, with the matches marked.
//!
//! An excerpt is data — text plus byte ranges to highlight — never HTML, so article text can
//! not inject markup; the caller decides how to render a highlight. The article's parts are
//! re-tokenized with the index's own analysis, so what is highlighted is exactly what matched.

use std::ops::Range;

use crate::analysis::script::{classify, CharClass};
use crate::analysis::Tokenizer;
use crate::index::{Fragment, Index};
use crate::search::{Hit, Plan};

/// Tokens of context in an excerpt (Latin words; CJK text gets twice as many bigrams).
const EXCERPT_TOKENS: usize = 24;
/// Sub-results (matching headings) shown under an article at most.
const MAX_SUB_RESULTS: usize = 3;

/// Text with highlighted ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpt {
    /// Plain text, whitespace collapsed, with `…` where it was cut from a longer text.
    pub text: String,
    /// Byte ranges of `text` to highlight, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// A heading of the article that matches the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubResult {
    /// The heading's text, as written.
    pub heading: String,
    /// Its fragment identifier (without `#`), to link to the section.
    pub anchor: String,
    /// The best stretch of the section's text.
    pub excerpt: Excerpt,
}

/// Everything a result list shows for one hit.
#[derive(Clone, Debug, PartialEq)]
pub struct Presented<'a> {
    /// The article's display data (url, section, language, date).
    pub fragment: &'a Fragment,
    /// The title, with the matched words highlighted.
    pub title: Excerpt,
    /// Anchor of the best-matching heading, if the best match is under a heading.
    pub anchor: Option<&'a str>,
    /// The stretch of the body with the most distinct query words.
    pub excerpt: Excerpt,
    /// Other matching headings, at most `MAX_SUB_RESULTS`.
    pub sub_results: Vec<SubResult>,
}

/// Decides which folded terms highlight, and for which query word.
struct Matcher<'p> {
    /// Candidate terms, sorted, with their query word.
    exact: Vec<(&'p str, usize)>,
    prefixes: Vec<(&'p str, usize)>,
}

impl<'p> Matcher<'p> {
    fn new(plan: &'p Plan) -> Self {
        let mut exact = Vec::new();
        let mut prefixes = Vec::new();
        for (i, w) in plan.words.iter().enumerate() {
            exact.extend(w.candidates.iter().map(|c| (c.term.as_str(), i)));
            // Typo candidates are capped; still highlight what was typed.
            exact.push((w.word.term.as_str(), i));
            if w.word.prefix {
                prefixes.push((w.word.term.as_str(), i));
            }
        }
        exact.sort_unstable();
        Matcher { exact, prefixes }
    }

    fn word_of(&self, term: &str) -> Option<usize> {
        let i = self.exact.partition_point(|&(t, _)| t < term);
        match self.exact.get(i) {
            Some(&(t, w)) if t == term => Some(w),
            _ => self
                .prefixes
                .iter()
                .find(|(p, _)| term.starts_with(p))
                .map(|&(_, w)| w),
        }
    }
}

/// Query words found in one part, from the positions stored in the postings.
#[derive(Clone, Default)]
struct PartMatches {
    heading: u64,
    text: u64,
    /// (token position relative to the part's text, query word).
    text_positions: Vec<(u32, u16)>,
}

impl PartMatches {
    fn key(&self, section: bool) -> (u32, u32) {
        let text = self.text.count_ones();
        (
            self.heading.count_ones() * (1 + section as u32) + text,
            text,
        )
    }
}

fn bit(word: u16) -> u64 {
    1 << word.min(63)
}

impl Index {
    /// The display data for `hit`, or `None` if its fragments chunk is not loaded (see
    /// [`Index::fragments_chunk_of`]).
    ///
    /// The best part and the excerpt window come from the match positions ranking already
    /// decoded, so only the title and the excerpt windows are tokenized, never whole articles.
    pub fn present(&self, plan: &Plan, hit: &Hit) -> Option<Presented<'_>> {
        let fragment = self.fragment(hit.doc)?;
        let matcher = Matcher::new(plan);
        let mut tokenizer = Tokenizer::new(self.fold());
        let mut title = Excerpt {
            text: fragment.page.title.clone(),
            highlights: Vec::new(),
        };
        tokenizer.tokenize(&fragment.page.title, 0, |t| {
            if matcher.word_of(t.term).is_some() {
                title.highlights.push(t.range.clone());
            }
        });
        title.highlights = merge(title.highlights.into_iter());

        let parts = &fragment.page.parts;
        let starts = &fragment.part_positions;
        let mut found = vec![PartMatches::default(); parts.len()];
        if starts.len() == parts.len() {
            for &(word, position) in &hit.positions {
                let Some(i) = starts.partition_point(|s| s[0] <= position).checked_sub(1) else {
                    continue;
                };
                let f = &mut found[i];
                if position < starts[i][1] {
                    f.heading |= bit(word);
                } else {
                    f.text |= bit(word);
                    f.text_positions.push((position - starts[i][1], word));
                }
            }
        }
        // Score each part by the query words it matches; a section heading counts double. An
        // H1 is the page's own title: it links to the top of the page and gets no bonus.
        let is_section = |i: usize| parts[i].heading.as_ref().is_some_and(|h| h.level > 1);
        let key = |i: usize| found[i].key(is_section(i));
        let best = (0..parts.len())
            .max_by_key(|&i| (key(i), std::cmp::Reverse(i)))
            .filter(|&i| key(i).0 > 0);
        // The excerpt comes from the best part, or the first text after it (a heading with no
        // text of its own), or the article's first text when nothing matched.
        let excerpt = (best.unwrap_or(0)..parts.len())
            .chain(0..best.unwrap_or(0))
            .find(|&i| !parts[i].text.trim().is_empty())
            .map(|i| {
                window(
                    &parts[i].text,
                    checkpoints(fragment, i),
                    &found[i].text_positions,
                    &mut tokenizer,
                    &matcher,
                )
            })
            .unwrap_or_default();
        let anchor = best
            .filter(|&i| is_section(i))
            .and_then(|i| parts[i].heading.as_ref())
            .map(|h| h.anchor.as_str());
        let mut ranked: Vec<usize> = (0..parts.len())
            .filter(|&i| is_section(i) && key(i).0 > 0)
            .collect();
        ranked.sort_unstable_by_key(|&i| (std::cmp::Reverse(key(i)), i));
        let sub_results = ranked
            .into_iter()
            .take(MAX_SUB_RESULTS)
            .map(|i| {
                let heading = parts[i].heading.as_ref().expect("filtered to sections");
                SubResult {
                    heading: heading.text.clone(),
                    anchor: heading.anchor.clone(),
                    excerpt: window(
                        &parts[i].text,
                        checkpoints(fragment, i),
                        &found[i].text_positions,
                        &mut tokenizer,
                        &matcher,
                    ),
                }
            })
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

fn checkpoints(fragment: &Fragment, part: usize) -> &[[u32; 2]] {
    fragment
        .part_checkpoints
        .get(part)
        .map_or(&[], Vec::as_slice)
}

/// The stretch of `text` with the most distinct matched words (then the most matches), found
/// from the stored positions; only that stretch is tokenized (from the nearest checkpoint
/// before it), to find byte ranges.
fn window<F: crate::analysis::Fold>(
    text: &str,
    checkpoints: &[[u32; 2]],
    positions: &[(u32, u16)],
    tokenizer: &mut Tokenizer<F>,
    matcher: &Matcher,
) -> Excerpt {
    let sample = text.chars().filter(|c| !c.is_whitespace()).take(64);
    let (mut cjk, mut all) = (0, 0);
    sample.for_each(|c| {
        all += 1;
        cjk += (classify(c) == CharClass::Cjk) as usize;
    });
    let size = if cjk * 2 > all {
        EXCERPT_TOKENS * 2
    } else {
        EXCERPT_TOKENS
    } as u32;
    let lead = size / 6;
    let mut start = 0;
    let mut best = (0, 0);
    for &(p, _) in positions {
        let from = p.saturating_sub(lead);
        let mut words = 0u64;
        let mut count = 0;
        for &(_, w) in positions
            .iter()
            .filter(|(q, _)| *q >= from && *q < from + size)
        {
            words |= bit(w);
            count += 1;
        }
        if (words.count_ones(), count) > best {
            best = (words.count_ones(), count);
            start = from;
        }
    }
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut matches = Vec::new();
    let at = checkpoints.partition_point(|c| c[0] <= start);
    let [resume, skip] = at.checked_sub(1).map_or([0, 0], |i| checkpoints[i]);
    // A damaged checkpoint (not a character boundary) only costs the shortcut.
    let (resume, skip) = match text.get(skip as usize..) {
        Some(_) => (resume, skip as usize),
        None => (0, 0),
    };
    tokenizer.tokenize_until(&text[skip..], resume, start + size, |t| {
        if t.position < start || t.position >= start + size {
            return;
        }
        let range = t.range.start + skip..t.range.end + skip;
        first.get_or_insert(range.start);
        last = range.end;
        if matcher.word_of(t.term).is_some() {
            matches.push(range);
        }
    });
    let Some(from) = first else {
        return Excerpt::default();
    };
    let to = last;
    let body = collapse(&text[from..to]);
    let mut out = String::with_capacity(body.text.len() + 8);
    if from > 0 {
        out.push_str("… ");
    }
    let shift = out.len();
    out.push_str(&body.text);
    if !text[to..].trim().is_empty() {
        out.push_str(" …");
    }
    let highlights = merge(
        matches
            .into_iter()
            .map(|r| body.map(r.start - from) + shift..body.map(r.end - from) + shift),
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
        if in_space {
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
    v.sort_unstable_by_key(|r| (r.start, r.end));
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
