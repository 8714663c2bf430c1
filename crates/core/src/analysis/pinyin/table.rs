//! The readings as the index core stores them, and (feature `build`) where they come from.

use serde::{Deserialize, Serialize};

#[cfg(feature = "build")]
use super::{FIRST_CHAR, LAST_CHAR};

/// The readings as stored in the index core: compact, decoded into [`Readings`] on load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinyinTable {
    /// The syllables, sorted, separated by single spaces: `"a ai an … zuo"`.
    pub(super) syllables: String,
    /// How many characters read each syllable.
    pub(super) counts: Vec<u32>,
    /// Each syllable's characters, ascending, as differences from the previous one (the
    /// first from zero).
    pub(super) gaps: Vec<u32>,
}

impl PinyinTable {
    /// Number of syllables.
    pub fn syllables(&self) -> usize {
        self.counts.len()
    }

    /// Number of (character, syllable) readings.
    pub fn readings(&self) -> usize {
        self.gaps.len()
    }

    /// The table for the Han characters of `alphabet` (sorted, folded characters), each with
    /// its own readings and those of the characters that `fold` maps onto it. When there are
    /// any, the 3,755 common characters (GB2312 level 1) are listed too: an IME typo's
    /// character (裤 in 知识裤) need not occur in the articles for its reading to be known.
    #[cfg(feature = "build")]
    pub fn for_alphabet(alphabet: &[char], fold: &crate::analysis::FoldTable) -> PinyinTable {
        use std::collections::BTreeMap;
        let mut by_syllable: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut add = |c: char, reading_of: char| {
            if !(FIRST_CHAR..=LAST_CHAR).contains(&(c as u32)) {
                return; // not a character the reader accepts
            }
            for syllable in readings_of(reading_of) {
                by_syllable.entry(syllable).or_default().push(c as u32);
            }
        };
        let mut han = false;
        for &c in alphabet {
            han |= !readings_of(c).is_empty();
            add(c, c);
        }
        for (from, to) in fold.entries() {
            let mut chars = to.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if alphabet.binary_search(&c).is_ok() {
                    add(c, from);
                }
            }
        }
        if han {
            let mut folded = String::new();
            for c in common_characters() {
                folded.clear();
                crate::analysis::fold::fold_full(c, &mut folded);
                let mut chars = folded.chars();
                if let (Some(f), None) = (chars.next(), chars.next()) {
                    add(f, c);
                }
            }
        }
        let mut table = PinyinTable::default();
        for (syllable, mut chars) in by_syllable {
            chars.sort_unstable();
            chars.dedup();
            if !table.syllables.is_empty() {
                table.syllables.push(' ');
            }
            table.syllables.push_str(&syllable);
            table.counts.push(chars.len() as u32);
            let mut last = 0;
            for c in chars {
                table.gaps.push(c - last);
                last = c;
            }
        }
        table
    }
}

/// The 3,755 characters of GB2312 level 1, the common characters of Simplified Chinese.
#[cfg(feature = "build")]
pub fn common_characters() -> impl Iterator<Item = char> {
    (0xB0u8..=0xD7).flat_map(|row| {
        let last = if row == 0xD7 { 0xF9 } else { 0xFE };
        (0xA1u8..=last).filter_map(move |cell| {
            let bytes = [row, cell];
            let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
            let mut chars = text.chars();
            match (bad, chars.next(), chars.next()) {
                (false, Some(c), None) => Some(c),
                _ => None,
            }
        })
    })
}

/// The toneless readings of `c` (none for a character without pinyin), `ü` spelled `v`.
/// Syllables without a vowel (interjections such as `hm`, `ng`) are left out: they would let
/// almost any string of consonants pass for pinyin.
#[cfg(feature = "build")]
pub fn readings_of(c: char) -> Vec<String> {
    use pinyin::ToPinyinMulti;
    let mut out: Vec<String> = Vec::new();
    let Some(multi) = c.to_pinyin_multi() else {
        return out;
    };
    for p in multi {
        let s: String = p
            .plain()
            .chars()
            .map(|c| if c == 'ü' { 'v' } else { c })
            .collect();
        let vowel = s.contains(['a', 'e', 'i', 'o', 'u', 'v']);
        if vowel && s.bytes().all(|b| b.is_ascii_lowercase()) && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
