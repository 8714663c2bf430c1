//! Character folding: the text normalisation both sides of the index agree on.
//!
//! Folding maps each character to the form it is indexed under: NFKC compatibility forms
//! (full-width `Ａ` → `a`, `ﬁ` → `fi`, compatibility ideographs → unified ones), lower case, and
//! Latin/Greek/Cyrillic diacritics removed (`é` → `e`, `ß` → `ss`). CJK text is NFKC-normalised but
//! keeps its marks, so kana voicing survives, and Traditional Chinese characters fold to their
//! Simplified forms (`搜尋` → `搜寻`, `資料庫` → `资料库`), so either script finds the other.
//!
//! The full folding function needs Unicode tables (about 100 kB), which the browser module must
//! not carry. So the index stores a [`FoldTable`]: every character whose fold differs from itself
//! *and* lands in the corpus's alphabet. For any character that can occur in an indexed term, the
//! table gives exactly what [`fold_full`] gives, so queries fold the same way in the browser as
//! the articles did at build time. Characters outside the table fold to themselves; their full
//! fold could not match an indexed term anyway.

use serde::{Deserialize, Serialize};

/// Something that folds one character, appending the result to `out`.
pub trait Fold {
    /// Appends the folded form of `c` (possibly empty, possibly several characters) to `out`.
    fn fold_into(&self, c: char, out: &mut String);
}

/// Folding for the characters that differ from their fold, as stored in an index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldTable {
    /// Sorted code points with a non-trivial fold. ASCII is folded inline and never listed.
    chars: Vec<u32>,
    /// `text[ends[i-1]..ends[i]]` is the fold of `chars[i]`.
    ends: Vec<u32>,
    text: String,
    /// Which Basic Multilingual Plane characters are listed, one bit each (built on load, see
    /// [`FoldTable::prepare`]): most characters of a text are not, and skip the search.
    #[serde(skip)]
    listed: Vec<u32>,
}

impl FoldTable {
    /// Number of characters listed.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the table lists no character.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Builds the lookup bitmap of listed characters (call once after loading).
    pub(crate) fn prepare(&mut self) {
        let mut listed = vec![0u32; 0x10000 / 32];
        for &c in self.chars.iter().take_while(|&&c| c < 0x10000) {
            listed[c as usize / 32] |= 1 << (c % 32);
        }
        self.listed = listed;
    }

    /// Checks the invariants a reader relies on, so a damaged table cannot panic later.
    pub(crate) fn validate(&self) -> bool {
        self.chars.len() == self.ends.len()
            && self.chars.windows(2).all(|w| w[0] < w[1])
            && self.ends.windows(2).all(|w| w[0] <= w[1])
            && self
                .ends
                .iter()
                .all(|&e| (e as usize) <= self.text.len() && self.text.is_char_boundary(e as usize))
    }

    /// Every listed character with its fold.
    #[cfg(feature = "build")]
    pub fn entries(&self) -> impl Iterator<Item = (char, &str)> {
        self.chars.iter().enumerate().filter_map(|(i, &c)| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            Some((char::from_u32(c)?, &self.text[start..self.ends[i] as usize]))
        })
    }

    /// Builds the table for an alphabet: `alphabet` holds every character that occurs in the
    /// folded text of the corpus, sorted.
    #[cfg(feature = "build")]
    pub fn for_alphabet(alphabet: &[char]) -> FoldTable {
        let mut table = FoldTable::default();
        let mut folded = String::new();
        for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
            folded.clear();
            fold_full(c, &mut folded);
            let trivial = folded.len() == c.len_utf8() && folded.starts_with(c);
            let inline = full_width_ascii(c).is_some();
            if trivial || inline || !folded.chars().all(|f| alphabet.binary_search(&f).is_ok()) {
                continue;
            }
            table.chars.push(c as u32);
            table.text.push_str(&folded);
            table.ends.push(table.text.len() as u32);
        }
        table.prepare();
        table
    }
}

/// Full-width ASCII (`Ａ`…`ｚ`, `０`…`９`, `！`…`～`) folds to ASCII, lower case: inline on both
/// sides, since pinyin needs the letters even in an index whose articles never use them.
fn full_width_ascii(c: char) -> Option<char> {
    let u = c as u32;
    (0xFF01..=0xFF5E).contains(&u).then(|| {
        let a = (u - 0xFEE0) as u8;
        a.to_ascii_lowercase() as char
    })
}

impl Fold for FoldTable {
    fn fold_into(&self, c: char, out: &mut String) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            return;
        }
        if let Some(a) = full_width_ascii(c) {
            out.push(a);
            return;
        }
        let u = c as usize;
        if u < 0x10000
            && self
                .listed
                .get(u / 32)
                .is_some_and(|w| w & (1 << (u % 32)) == 0)
        {
            out.push(c);
            return;
        }
        match self.chars.binary_search(&(c as u32)) {
            Ok(i) => {
                let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
                out.push_str(&self.text[start..self.ends[i] as usize]);
            }
            Err(_) => out.push(c),
        }
    }
}

/// The full folding function, used when building an index.
#[cfg(feature = "build")]
#[derive(Clone, Copy, Debug, Default)]
pub struct FullFold;

#[cfg(feature = "build")]
impl Fold for FullFold {
    fn fold_into(&self, c: char, out: &mut String) {
        fold_full(c, out)
    }
}

/// Folds one character with the full Unicode tables. Idempotent: folding the output again
/// changes nothing.
#[cfg(feature = "build")]
pub fn fold_full(c: char, out: &mut String) {
    use unicode_normalization::char::{compose, decompose_compatible};
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_ignorable(c) {
        return;
    }
    if is_east_asian(c) {
        // NFKC keeps kana voicing marks composed; compose pairs back after decomposing.
        let mut parts: Vec<char> = Vec::with_capacity(2);
        decompose_compatible(c, |d| parts.push(d));
        let mut composed = parts[0];
        for &d in &parts[1..] {
            match compose(composed, d) {
                Some(x) => composed = x,
                None => {
                    push_lower(composed, out);
                    composed = d;
                }
            }
        }
        push_lower(composed, out);
        return;
    }
    decompose_compatible(c, |d| {
        if is_diacritic(d) || is_ignorable(d) {
            return;
        }
        match d {
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'þ' | 'Þ' => out.push_str("th"),
            'ı' => out.push('i'),
            // Typographic apostrophes and dashes behave like their ASCII forms.
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            d if d.is_ascii() => out.push(d.to_ascii_lowercase()),
            d => push_lower(d, out),
        }
    });
}

/// The Simplified form of a Traditional (or variant) Chinese character, per OpenCC's character
/// table (`TSCharacters`, the last step of its `t2s` conversion); other characters unchanged.
/// Chains (`薴` → `苧` → `苎`) are followed to the end, so the result maps to itself.
#[cfg(feature = "build")]
pub fn to_simplified(c: char) -> char {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let opencc =
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
                .expect("OpenCC's built-in t2s data loads");
        let mut one = String::new();
        let convert = |c: char, one: &mut String| -> Option<char> {
            one.clear();
            one.push(c);
            let out = opencc.convert(one);
            let mut chars = out.chars();
            match (chars.next(), chars.next()) {
                (Some(s), None) if s != c && is_east_asian(s) => Some(s),
                _ => None,
            }
        };
        let mut table: Vec<(char, char)> = HAN_RANGES
            .iter()
            .flat_map(|r| r.clone())
            .filter_map(char::from_u32)
            .filter_map(|c| Some((c, convert(c, &mut one)?)))
            .collect();
        // Follow chains to their end (bounded: a cycle would stop after a few steps).
        let direct = table.clone();
        for (_, to) in &mut table {
            for _ in 0..4 {
                match direct.binary_search_by_key(to, |&(from, _)| from) {
                    Ok(i) if direct[i].1 != *to => *to = direct[i].1,
                    _ => break,
                }
            }
        }
        table.retain(|(from, to)| from != to);
        table
    });
    match table.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

/// Code points that OpenCC's Traditional → Simplified table can map: Han ideographs (unified,
/// extensions, compatibility) and radicals.
#[cfg(feature = "build")]
const HAN_RANGES: [std::ops::RangeInclusive<u32>; 4] = [
    0x2E80..=0x2FDF,
    0x3400..=0x9FFF,
    0xF900..=0xFAFF,
    0x20000..=0x323AF,
];

#[cfg(feature = "build")]
fn push_lower(c: char, out: &mut String) {
    let c = to_simplified(c);
    // Only the simple lowercase mapping: `İ` → `i̇` would add a mark the table cannot round-trip.
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => out.push(l),
        _ => out.push(c),
    }
}

/// Combining marks used as accents on Latin, Greek and Cyrillic letters.
#[cfg(feature = "build")]
fn is_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Invisible characters that must not split or change a word: soft hyphen, zero-width
/// (non-)joiners and spaces, word joiner, variation selectors, byte order mark.
#[cfg(feature = "build")]
fn is_ignorable(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF | 0xE0100..=0xE01EF)
}

/// Scripts folded with NFKC only: Han, kana, Hangul, CJK compatibility and radicals.
#[cfg(feature = "build")]
fn is_east_asian(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF
        | 0x3200..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFF61..=0xFFDC | 0x1B000..=0x1B16F | 0x20000..=0x323AF)
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    fn full(s: &str) -> String {
        let mut out = String::new();
        s.chars().for_each(|c| fold_full(c, &mut out));
        out
    }

    #[test]
    fn folds_case_width_and_accents() {
        assert_eq!(full("Ｃａｆé"), "cafe");
        assert_eq!(full("Straße"), "strasse");
        assert_eq!(full("ﬁle"), "file");
        assert_eq!(full("ÅNGSTRÖM"), "angstrom");
        assert_eq!(full("soft\u{AD}ware"), "software");
        assert_eq!(full("Ⅻ"), "xii");
        assert_eq!(full("Привет"), "привет");
    }

    #[test]
    fn keeps_cjk_and_kana_voicing() {
        assert_eq!(full("知识库"), "知识库");
        assert_eq!(full("が"), "が");
        assert_eq!(full("ｶﾀｶﾅ"), "カタカナ"); // half-width katakana
        assert_eq!(full("한국어"), "한국어");
        assert_eq!(full("\u{F900}"), full("\u{8C48}")); // compatibility ideograph → 豈 → 岂
    }

    #[test]
    fn traditional_folds_to_simplified() {
        assert_eq!(full("搜尋"), "搜寻");
        assert_eq!(full("資料庫"), "资料库");
        assert_eq!(full("知識庫"), "知识库");
        assert_eq!(full("裡裏里"), "里里里");
        assert_eq!(full("薴"), "苎"); // a chain: 薴 → 苧 → 苎
        assert_eq!(full("知识库"), "知识库"); // Simplified stays
        assert_eq!(full("ひらがな"), "ひらがな");
    }

    #[test]
    fn table_carries_traditional_forms_of_the_corpus_characters() {
        let mut alphabet: Vec<char> = full("搜寻资料库").chars().collect();
        alphabet.sort();
        let table = FoldTable::for_alphabet(&alphabet);
        let mut out = String::new();
        "搜尋資料庫"
            .chars()
            .for_each(|c| table.fold_into(c, &mut out));
        assert_eq!(out, "搜寻资料库");
    }

    #[test]
    fn fold_is_idempotent_everywhere() {
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            let once = full(&c.to_string());
            assert_eq!(
                full(&once),
                once,
                "fold of U+{:04X} is not stable",
                c as u32
            );
        }
    }

    #[test]
    fn table_agrees_with_full_fold_on_the_alphabet() {
        let alphabet: Vec<char> = {
            let mut a: Vec<char> = full("cafe strasse 知识库 привет").chars().collect();
            a.sort();
            a.dedup();
            a
        };
        let table = FoldTable::for_alphabet(&alphabet);
        assert!(table.validate());
        for c in "ＣａｆéÉSTRAẞE知識庫ПРИВЕТＺｚ０！".chars() {
            let mut via_table = String::new();
            table.fold_into(c, &mut via_table);
            let expect = full(&c.to_string());
            if expect.chars().all(|f| alphabet.contains(&f)) || full_width_ascii(c).is_some() {
                assert_eq!(via_table, expect, "{c}");
            }
        }
    }
}
