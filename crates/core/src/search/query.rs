//! Parsing what the user typed into query words.

use super::limits::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use crate::analysis::{function_words, Fold, Tokenizer};

/// One word (or CJK bigram) of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// The folded term.
    pub term: String,
    /// Whether it is CJK (bigram or single character).
    pub cjk: bool,
    /// Whether the word may still be incomplete: the last word, not followed by a space.
    pub prefix: bool,
    /// Words in the same quoted phrase share a number.
    pub phrase: Option<u16>,
    /// Position in the query, in the same units as article positions.
    pub position: u32,
    /// A function word (`how`, `the`, 怎么, or a bigram that reaches into one): it carries no
    /// weight of its own and gets no typo or prefix expansion (see
    /// [`crate::analysis::function_words`]).
    pub function: bool,
    /// A word of long text (a ticket, a chat message) outside the sentences that ask: it
    /// counts for less than a word of the question (see [`crate::ranking::word_factor`]).
    pub context: bool,
}

/// Splits `text` into query words. Quoted parts (`"reset password"`) become phrases; the last
/// word counts as a prefix unless the query ends with a space or a closing quote.
pub fn parse<F: Fold + ?Sized>(text: &str, fold: &F) -> Vec<QueryWord> {
    let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    };
    let mut tokenizer = Tokenizer::new(fold);
    let mut words: Vec<QueryWord> = Vec::new();
    let mut position = 0;
    let mut phrases = 0u16;
    let segments: Vec<&str> = text.split('"').collect();
    let last_segment = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        // Odd segments are inside quotes; an unclosed quote runs to the end.
        let phrase = (i % 2 == 1).then(|| {
            phrases += 1;
            phrases
        });
        let first = words.len();
        let last_end;
        (position, last_end) = push_words(&mut tokenizer, segment, position, &mut words);
        words[first..].iter_mut().for_each(|w| w.phrase = phrase);
        position += 1;
        // A phrase of one word is just a word.
        if words.len() - first == 1 {
            words[first].phrase = None;
        }
        let still_typing = i == last_segment && words.len() > first && last_end == segment.len();
        if still_typing {
            if let Some(last) = words.last_mut() {
                // A complete bigram is a pair of characters already typed; only a lone CJK
                // character or a Latin word can still grow.
                last.prefix = !last.cjk || last.term.chars().count() == 1;
            }
        }
    }
    finish(&mut words);
    // Drop repeated words (not inside phrases, where repetition means something).
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let repeated = w.phrase.is_none()
            && words[..i]
                .iter()
                .any(|x| x.phrase.is_none() && x.term == w.term && x.prefix == w.prefix);
        if repeated {
            words.remove(i);
        } else {
            i += 1;
        }
    }
    words.truncate(MAX_QUERY_WORDS);
    words
}

/// Appends the words of `text`, numbered from `position`, as complete words outside any
/// phrase; returns the next free position and the byte offset where the last word ends.
pub(crate) fn push_words<F: Fold + ?Sized>(
    tokenizer: &mut Tokenizer<F>,
    text: &str,
    position: u32,
    words: &mut Vec<QueryWord>,
) -> (u32, usize) {
    let mut last_end = 0;
    let next = tokenizer.tokenize(text, position, |t| {
        last_end = t.range.end;
        words.push(QueryWord {
            term: t.term.to_string(),
            cjk: t.cjk,
            prefix: false,
            phrase: None,
            position: t.position,
            function: false,
            context: false,
        });
    });
    (next, last_end)
}

/// What every query's words get once split: lone CJK characters are looked up by prefix (they
/// are indexed inside bigrams), and function words are marked.
pub(crate) fn finish(words: &mut [QueryWord]) {
    for w in words.iter_mut() {
        if w.cjk && w.term.chars().count() == 1 {
            w.prefix = true;
        }
    }
    mark_function_words(words);
}

/// Sets [`QueryWord::function`]: Latin words by the English list; CJK bigrams (and lone
/// characters) when a character of theirs belongs to a Chinese function word, found in the
/// run of characters the overlapping bigrams spell.
fn mark_function_words(words: &mut [QueryWord]) {
    let mut i = 0;
    while i < words.len() {
        if !words[i].cjk {
            words[i].function = function_words::is_english(&words[i].term);
            i += 1;
            continue;
        }
        // The run: bigrams at consecutive positions, each starting with the last character of
        // the one before.
        let mut chars: Vec<char> = words[i].term.chars().collect();
        let mut end = i + 1;
        while end < words.len() && words[end].cjk && chars.len() >= 2 {
            let (w, prev) = (&words[end], &words[end - 1]);
            let mut next = w.term.chars();
            if w.position != prev.position + 1 || next.next() != chars.last().copied() {
                break;
            }
            chars.extend(next);
            end += 1;
        }
        let mut marks = vec![false; chars.len()];
        function_words::mark_chinese(&chars, &mut marks);
        for (k, w) in words[i..end].iter_mut().enumerate() {
            let n = w.term.chars().count();
            // A run's words can outnumber its characters (a one-character word ends it early);
            // those past the marks are not function words. Slicing there panicked (fuzz/
            // regressions/query).
            w.function = marks
                .get(k..(k + n).min(marks.len()))
                .is_some_and(|m| m.iter().any(|&m| m));
        }
        i = end;
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::analysis::FullFold;

    fn terms(q: &str) -> Vec<(String, bool, Option<u16>)> {
        parse(q, &FullFold)
            .into_iter()
            .map(|w| (w.term, w.prefix, w.phrase))
            .collect()
    }

    #[test]
    fn last_word_is_a_prefix_while_typing() {
        assert_eq!(
            terms("Reset Passw"),
            [("reset".into(), false, None), ("passw".into(), true, None)]
        );
        assert!(!terms("reset ")[0].1);
    }

    #[test]
    fn quotes_make_phrases() {
        let t = terms("\"mail flow\" rule");
        assert_eq!(t[0], ("mail".into(), false, Some(1)));
        assert_eq!(t[1], ("flow".into(), false, Some(1)));
        assert_eq!(t[2], ("rule".into(), true, None));
        assert_eq!(terms("\"outlook\"")[0], ("outlook".into(), false, None));
    }

    #[test]
    fn cjk_bigrams_and_lone_characters() {
        let t = terms("用户文");
        assert_eq!(
            t,
            [("用户".into(), false, None), ("户文".into(), false, None)]
        );
        assert_eq!(terms("表 create")[0], ("表".into(), true, None));
    }

    #[test]
    fn function_words_are_marked() {
        let function = |q: &str| -> Vec<(String, bool)> {
            parse(q, &FullFold)
                .into_iter()
                .map(|w| (w.term, w.function))
                .collect()
        };
        let t = function("How can I tell which Office license");
        let marked: Vec<&str> = t.iter().filter(|w| w.1).map(|w| w.0.as_str()).collect();
        assert_eq!(marked, ["how", "can", "i", "tell", "which"]);
        let t = function("密码怎么办");
        let marked: Vec<bool> = t.iter().map(|w| w.1).collect();
        // 密码 stays; 码怎 reaches into 怎么办, 怎么 and 么办 are in it.
        assert_eq!(marked, [false, true, true, true]);
    }

    #[test]
    fn huge_queries_are_cut() {
        let q = "word ".repeat(5_000) + &"x".repeat(10_000);
        let words = parse(&q, &FullFold);
        assert!(words.len() <= MAX_QUERY_WORDS);
        let distinct: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        assert_eq!(parse(&distinct.join(" "), &FullFold).len(), MAX_QUERY_WORDS);
    }
}
