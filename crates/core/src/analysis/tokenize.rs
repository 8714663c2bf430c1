//! Splitting folded text into terms.
//!
//! Space-delimited scripts give one term per word. Han, kana and Hangul runs give overlapping
//! bigrams (`知识库` → `知识`, `识库`), or a unigram for a lone character; bigrams need no dictionary,
//! so the browser splits a query exactly as the builder split the articles, and mixed text like
//! `iPhone怎么重置` segments at the script change (`iphone`, `怎么`, `么重`, `重置`).
//!
//! Every token keeps the byte range of the *original* text it came from, so excerpts can mark
//! matches in the text as written, and a position that counts words (a bigram counts as one
//! step), so proximity and phrases work the same for both kinds of script.

use std::ops::Range;

use super::fold::Fold;
use super::script::{classify, CharClass};

/// Longest term kept, in characters; longer runs (hashes, base64 blobs) still take a position.
pub const MAX_TERM_CHARS: usize = 40;

/// One term of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The folded term.
    pub term: &'a str,
    /// Word position within the field sequence the caller is tokenizing.
    pub position: u32,
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Whether the term is a CJK bigram or unigram.
    pub cjk: bool,
}

/// Reusable tokenizer state (buffers), parameterised by the folding in use.
pub struct Tokenizer<'f, F: Fold + ?Sized> {
    fold: &'f F,
    folded: String,
    word: String,
    word_chars: usize,
    word_range: Range<usize>,
    cjk: Vec<(char, Range<usize>)>,
    pair: String,
}

impl<'f, F: Fold + ?Sized> Tokenizer<'f, F> {
    /// A tokenizer that folds with `fold`.
    pub fn new(fold: &'f F) -> Self {
        Tokenizer {
            fold,
            folded: String::new(),
            word: String::new(),
            word_chars: 0,
            word_range: 0..0,
            cjk: Vec::new(),
            pair: String::new(),
        }
    }

    /// Tokenizes `text`, numbering positions from `position`; returns the next free position.
    pub fn tokenize(&mut self, text: &str, position: u32, emit: impl FnMut(&Token)) -> u32 {
        self.tokenize_until(text, position, u32::MAX, emit)
    }

    /// Like [`Tokenizer::tokenize`], but stops once position `until` is reached (tokens at
    /// `until` and after may or may not be emitted): excerpts need only the start of a text.
    pub fn tokenize_until(
        &mut self,
        text: &str,
        mut position: u32,
        until: u32,
        mut emit: impl FnMut(&Token),
    ) -> u32 {
        for (start, c) in text.char_indices() {
            if position > until {
                self.word.clear();
                self.word_chars = 0;
                self.cjk.clear();
                return position;
            }
            let end = start + c.len_utf8();
            if c.is_ascii() {
                // Fast path: ASCII folds to its lower case, one character.
                position = self.push(c.to_ascii_lowercase(), start..end, position, &mut emit);
                continue;
            }
            let mut folded = std::mem::take(&mut self.folded);
            folded.clear();
            self.fold.fold_into(c, &mut folded);
            for f in folded.chars() {
                position = self.push(f, start..end, position, &mut emit);
            }
            self.folded = folded;
        }
        self.flush(position, &mut emit)
    }

    /// Adds one folded character that came from `source` in the original text.
    fn push(
        &mut self,
        f: char,
        source: Range<usize>,
        mut position: u32,
        emit: &mut impl FnMut(&Token),
    ) -> u32 {
        match classify(f) {
            CharClass::Word => {
                if !self.cjk.is_empty() {
                    position = self.flush_cjk(position, emit);
                }
                if self.word.is_empty() {
                    self.word_range = source.clone();
                }
                self.word.push(f);
                self.word_chars += 1;
                self.word_range.end = source.end;
                position
            }
            CharClass::Cjk => {
                if !self.word.is_empty() {
                    position = self.flush_word(position, emit);
                }
                self.cjk.push((f, source));
                position
            }
            CharClass::Separator => self.flush(position, emit),
        }
    }

    fn flush(&mut self, position: u32, emit: &mut impl FnMut(&Token)) -> u32 {
        if !self.word.is_empty() {
            self.flush_word(position, emit)
        } else if !self.cjk.is_empty() {
            self.flush_cjk(position, emit)
        } else {
            position
        }
    }

    fn flush_word(&mut self, position: u32, emit: &mut impl FnMut(&Token)) -> u32 {
        if self.word_chars <= MAX_TERM_CHARS {
            emit(&Token {
                term: &self.word,
                position,
                range: self.word_range.clone(),
                cjk: false,
            });
        }
        self.word.clear();
        self.word_chars = 0;
        position + 1
    }

    fn flush_cjk(&mut self, position: u32, emit: &mut impl FnMut(&Token)) -> u32 {
        let run = std::mem::take(&mut self.cjk);
        if let [(c, range)] = run.as_slice() {
            self.pair.clear();
            self.pair.push(*c);
            emit(&Token {
                term: &self.pair,
                position,
                range: range.clone(),
                cjk: true,
            });
        }
        for (i, w) in run.windows(2).enumerate() {
            self.pair.clear();
            self.pair.push(w[0].0);
            self.pair.push(w[1].0);
            emit(&Token {
                term: &self.pair,
                position: position + i as u32,
                range: w[0].1.start..w[1].1.end,
                cjk: true,
            });
        }
        // A run of n characters takes n - 1 positions (one per bigram), a lone one takes one.
        let steps = run.len().saturating_sub(1).max(1) as u32;
        self.cjk = run;
        self.cjk.clear();
        position + steps
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::analysis::fold::FullFold;

    fn tokens(text: &str) -> Vec<(String, u32, &str)> {
        let mut out = Vec::new();
        Tokenizer::new(&FullFold).tokenize(text, 0, |t| {
            out.push((t.term.to_string(), t.position, &text[t.range.clone()]))
        });
        out
    }

    #[test]
    fn latin_words_fold_and_split() {
        let t = tokens("Can't send E-mails (Outlook 2016)");
        let terms: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(terms, ["can", "t", "send", "e", "mails", "outlook", "2016"]);
        assert_eq!(t[4].2, "mails");
        assert_eq!(t[6].1, 6);
    }

    #[test]
    fn cjk_runs_become_bigrams_with_source_ranges() {
        let t = tokens("iPhone怎么重置密码？好");
        let terms: Vec<(&str, u32)> = t.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            terms,
            [
                ("iphone", 0),
                ("怎么", 1),
                ("么重", 2),
                ("重置", 3),
                ("置密", 4),
                ("密码", 5),
                ("好", 6)
            ]
        );
        assert_eq!(t[3].2, "重置");
        assert_eq!(t[0].2, "iPhone");
    }

    #[test]
    fn full_width_and_ignorables_fold_inside_words() {
        let t = tokens("ＴｉＤＢ soft\u{AD}ware");
        assert_eq!(t[0].0, "tidb");
        assert_eq!(t[0].2, "ＴｉＤＢ");
        assert_eq!(t[1].0, "software");
    }

    #[test]
    fn overlong_runs_keep_their_position() {
        let long = "x".repeat(MAX_TERM_CHARS + 1);
        let text = format!("a {long} b");
        let t = tokens(&text);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].1, 2);
    }
}
