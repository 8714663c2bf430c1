//! Latin letters typed through an IME, read as syllables: full pinyin (`zhishiku`), pinyin
//! still being typed (`zhishik…`) and initials (`zsk`).

use std::ops::Range;

use super::{Readings, MAX_SYLLABLE_LEN};

/// Longest word read as pinyin: a bit per letter position must fit the walk's `dead` mask.
const MAX_WORD_LEN: usize = 63;
/// Readings a walk collects before it stops looking.
const MAX_READINGS: usize = 16;
/// Steps a walk takes before it stops looking: a word of many short syllables (`aaaa…`) has
/// exponentially many readings.
const MAX_STEPS: usize = 512;

/// One character's worth of typed pinyin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A whole syllable.
    Full(u16),
    /// The syllable being typed: any in `range`; `exact` if what was typed is one already.
    Partial {
        /// The syllable what was typed spells in full, if it is one (`zhi` of `zhi…`).
        exact: Option<u16>,
        /// The syllables starting with what was typed.
        range: Range<u16>,
    },
    /// An initial letter: any syllable in `range`.
    Initial(Range<u16>),
}

impl Readings {
    /// Splits a lower-case Latin word into syllables, the way an IME would read it: full
    /// syllables (`zhishiku`), and when `typing`, the last one may be cut short (`zhishik`).
    /// Gives up to `max` readings with the fewest syllables (`xian`, not `xi an`: type
    /// `xi'an`), longest syllables first (`fang an`, then `fan gan`).
    pub fn segment(&self, word: &str, typing: bool, max: usize) -> Vec<Vec<Unit>> {
        let bytes = word.as_bytes();
        if self.is_empty() || bytes.is_empty() || bytes.len() > MAX_WORD_LEN {
            return Vec::new();
        }
        if !bytes.iter().all(u8::is_ascii_lowercase) {
            return Vec::new();
        }
        let mut walk = Walk {
            readings: self,
            word,
            typing,
            path: Vec::new(),
            out: Vec::new(),
            dead: 0,
            steps: 0,
        };
        walk.from(0);
        // The walk found longer syllables first; keep that order.
        let fewest = walk.out.iter().map(Vec::len).min().unwrap_or(0);
        walk.out
            .into_iter()
            .filter(|s| s.len() == fewest)
            .take(max)
            .collect()
    }

    /// Reads a lower-case Latin word as initials, one consonant per character (`zsk` → z s k;
    /// `z` stands for `z` and `zh`). `None` if a letter is a vowel (English words have them:
    /// `hyperlnks` is a typo, not initials) or starts no syllable.
    pub fn initials(&self, word: &str) -> Option<Vec<Unit>> {
        if self.is_empty() || word.is_empty() || word.len() > MAX_WORD_LEN {
            return None;
        }
        word.bytes()
            .map(|b| {
                let vowel = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'v');
                let range = self.starting_with(std::str::from_utf8(&[b]).ok()?);
                let ok = b.is_ascii_lowercase() && !vowel && !range.is_empty();
                ok.then_some(Unit::Initial(range))
            })
            .collect()
    }
}

/// A depth-first walk over the ways to split a word into syllables, longest syllable first.
struct Walk<'a> {
    readings: &'a Readings,
    word: &'a str,
    typing: bool,
    /// The syllables of the reading being built.
    path: Vec<Unit>,
    /// The complete readings found.
    out: Vec<Vec<Unit>>,
    /// A bit per position from which no reading completes, so it is not walked twice.
    dead: u64,
    steps: usize,
}

impl Walk<'_> {
    /// Walks the rest of the word from byte `at`; whether any reading completed.
    fn from(&mut self, at: usize) -> bool {
        self.steps += 1;
        if self.out.len() >= MAX_READINGS || self.steps > MAX_STEPS || self.dead & (1 << at) != 0 {
            return false;
        }
        let word = self.word;
        let rest = &word[at..];
        let mut found = false;
        if self.typing && rest.len() <= MAX_SYLLABLE_LEN {
            // The syllable being typed: everything it may still become.
            let range = self.readings.starting_with(rest);
            if !range.is_empty() {
                self.path.push(Unit::Partial {
                    exact: self.readings.find(rest),
                    range,
                });
                self.out.push(self.path.clone());
                self.path.pop();
                found = true;
            }
        }
        for len in (1..=MAX_SYLLABLE_LEN.min(rest.len())).rev() {
            if self.typing && len == rest.len() {
                continue; // handled above
            }
            let Some(s) = self.readings.find(&rest[..len]) else {
                continue;
            };
            self.path.push(Unit::Full(s));
            if len == rest.len() {
                self.out.push(self.path.clone());
                found = true;
            } else if self.from(at + len) {
                found = true;
            }
            self.path.pop();
        }
        if !found {
            self.dead |= 1 << at;
        }
        found
    }
}
