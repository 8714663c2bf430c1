//! Pinyin: the toneless readings of the Han characters an index uses, and splitting Latin
//! letters typed through an IME (`zhishiku`, `zsk`, `zhishik…`) into syllables.
//!
//! The builder knows every reading (the `pinyin` crate's data, polyphonic characters with all
//! of theirs: 行 is `xing` and `hang`); the browser must not carry that. So the index stores a
//! [`PinyinTable`] for exactly the Han characters of its vocabulary, and for each character
//! also the readings of the Traditional forms that fold into it (the user may have meant
//! either). Queries then need nothing but this table:
//!
//! - a syllable gives its characters (`shi` → 是 时 实 识 …), a typed prefix or an initial the
//!   characters of every syllable it starts (`k` → 看 可 库 …);
//! - a character gives its homophones (识 → 是 时 实 …), for IME typos like 知识裤.
//!
//! Syllables are toneless ASCII, with `v` for `ü` as IMEs type it (`lv`, `nve`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Longest syllable, in letters (`zhuang`, `chuang`, `shuang`).
pub const MAX_SYLLABLE_LEN: usize = 6;

/// The readings as stored in the index core: compact, decoded into [`Readings`] on load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinyinTable {
    /// The syllables, sorted, separated by single spaces: `"a ai an … zuo"`.
    syllables: String,
    /// How many characters read each syllable.
    counts: Vec<u32>,
    /// Each syllable's characters, ascending, as differences from the previous one (the
    /// first from zero).
    gaps: Vec<u32>,
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
    pub fn for_alphabet(alphabet: &[char], fold: &super::FoldTable) -> PinyinTable {
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
                super::fold::fold_full(c, &mut folded);
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

/// The pinyin table, decoded for queries: syllables ↔ characters, both ways.
#[derive(Clone, Debug, Default)]
pub struct Readings {
    /// The syllables, concatenated; syllable `i` ends at `syllable_ends[i]`.
    text: String,
    syllable_ends: Vec<u32>,
    /// Every Han character with a reading, ascending; a character's number is its index here.
    chars: Vec<u32>,
    /// Character numbers of each syllable (ascending), ending at `by_syllable_ends[i]`.
    by_syllable: Vec<u32>,
    by_syllable_ends: Vec<u32>,
    /// Syllables of each character, ending at `by_char_ends[n]`.
    by_char: Vec<u16>,
    by_char_ends: Vec<u32>,
}

/// Lowest and highest code points a table may hold (CJK symbols … CJK extension H).
const FIRST_CHAR: u32 = 0x3000;
const LAST_CHAR: u32 = 0x323AF;

impl Readings {
    /// Decodes a table; `None` if it is malformed (unsorted, out of range, inconsistent).
    pub fn decode(table: &PinyinTable) -> Option<Readings> {
        let mut r = Readings::default();
        if table.counts.is_empty() {
            return table.gaps.is_empty().then_some(r);
        }
        let mut previous: &str = "";
        for syllable in table.syllables.split(' ') {
            let ok = !syllable.is_empty()
                && syllable.len() <= MAX_SYLLABLE_LEN
                && syllable.bytes().all(|b| b.is_ascii_lowercase())
                && syllable > previous;
            if !ok {
                return None;
            }
            r.text.push_str(syllable);
            r.syllable_ends.push(r.text.len() as u32);
            previous = syllable;
        }
        let syllables = r.syllable_ends.len();
        if syllables != table.counts.len() || syllables > u16::MAX as usize {
            return None;
        }
        // Every character once, ascending, via a bitmap (no sort needed).
        let span = (LAST_CHAR - FIRST_CHAR + 1) as usize;
        let mut seen = vec![0u32; span.div_ceil(32)];
        let mut at = 0usize;
        for &count in &table.counts {
            let end = at.checked_add(count as usize)?;
            let mut c = 0u32;
            for (k, &gap) in table.gaps.get(at..end)?.iter().enumerate() {
                if k > 0 && gap == 0 {
                    return None;
                }
                c = c.checked_add(gap)?;
                if !(FIRST_CHAR..=LAST_CHAR).contains(&c) {
                    return None;
                }
                let bit = (c - FIRST_CHAR) as usize;
                seen[bit / 32] |= 1 << (bit % 32);
            }
            at = end;
        }
        if at != table.gaps.len() {
            return None;
        }
        for (w, &bits) in seen.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let b = bits.trailing_zeros();
                r.chars.push(FIRST_CHAR + (w * 32) as u32 + b);
                bits &= bits - 1;
            }
        }
        // Syllable → characters, and the counts of the reverse direction.
        let mut per_char = vec![0u32; r.chars.len()];
        let mut at = 0usize;
        for &count in &table.counts {
            let mut c = 0u32;
            for &gap in &table.gaps[at..at + count as usize] {
                c += gap;
                let n = r.chars.binary_search(&c).ok()? as u32;
                r.by_syllable.push(n);
                per_char[n as usize] += 1;
            }
            at += count as usize;
            r.by_syllable_ends.push(r.by_syllable.len() as u32);
        }
        // Character → syllables, filled by counting (each character's slots in order).
        let mut total = 0u32;
        for count in &mut per_char {
            total += *count;
            r.by_char_ends.push(total);
            *count = total - *count; // next free slot
        }
        let mut by_char = vec![0; total as usize];
        for s in 0..syllables {
            for &n in r.syllable_chars(s as u16) {
                let slot = &mut per_char[n as usize];
                by_char[*slot as usize] = s as u16;
                *slot += 1;
            }
        }
        r.by_char = by_char;
        Some(r)
    }

    /// Whether no character has a reading (an index without Chinese).
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Number of syllables.
    pub fn syllables(&self) -> u16 {
        self.syllable_ends.len() as u16
    }

    /// Syllable number `i`.
    pub fn syllable(&self, i: u16) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.syllable_ends[i - 1] };
        &self.text[start as usize..self.syllable_ends[i] as usize]
    }

    /// The number of syllable `s`, if it is one.
    pub fn find(&self, s: &str) -> Option<u16> {
        let i = self.first_at_least(s);
        (i < self.syllables() && self.syllable(i) == s).then_some(i)
    }

    /// The syllables that start with `prefix` (a range of syllable numbers, maybe empty).
    pub fn starting_with(&self, prefix: &str) -> Range<u16> {
        let start = self.first_at_least(prefix);
        let mut end = start;
        while end < self.syllables() && self.syllable(end).starts_with(prefix) {
            end += 1;
        }
        start..end
    }

    fn first_at_least(&self, s: &str) -> u16 {
        let (mut lo, mut hi) = (0u16, self.syllables());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.syllable(mid) < s {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn syllable_chars(&self, s: u16) -> &[u32] {
        let s = s as usize;
        let start = if s == 0 {
            0
        } else {
            self.by_syllable_ends[s - 1]
        };
        &self.by_syllable[start as usize..self.by_syllable_ends[s] as usize]
    }

    /// The syllables `c` reads as (empty if it has no reading here).
    pub fn syllables_of(&self, c: char) -> &[u16] {
        match self.chars.binary_search(&(c as u32)) {
            Ok(n) => {
                let start = if n == 0 { 0 } else { self.by_char_ends[n - 1] };
                &self.by_char[start as usize..self.by_char_ends[n] as usize]
            }
            Err(_) => &[],
        }
    }

    /// Writes to `out` (ascending code points) the characters that read as any syllable for
    /// which `pick` says yes. `marks` is scratch space.
    pub fn chars_where(&self, mut pick: impl FnMut(u16) -> bool, out: &mut Vec<u32>) {
        out.clear();
        let mut marks = vec![0u32; self.chars.len().div_ceil(32)];
        for s in 0..self.syllables() {
            if pick(s) {
                for &n in self.syllable_chars(s) {
                    marks[n as usize / 32] |= 1 << (n % 32);
                }
            }
        }
        for (w, &bits) in marks.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                out.push(self.chars[w * 32 + bits.trailing_zeros() as usize]);
                bits &= bits - 1;
            }
        }
    }

    /// The characters of the syllables in `range`, ascending.
    pub fn chars_of(&self, range: Range<u16>, out: &mut Vec<u32>) {
        self.chars_where(|s| range.contains(&s), out)
    }

    /// `c` and every character sharing a reading with it, ascending.
    pub fn homophones(&self, c: char, out: &mut Vec<u32>) {
        let own = self.syllables_of(c);
        if own.is_empty() {
            out.clear();
            out.push(c as u32);
            return;
        }
        self.chars_where(|s| own.contains(&s), out);
    }

    /// Splits a lower-case Latin word into syllables, the way an IME would read it: full
    /// syllables (`zhishiku`), and when `typing`, the last one may be cut short (`zhishik`).
    /// Gives up to `max` readings with the fewest syllables (`xian`, not `xi an`: type
    /// `xi'an`), longest syllables first (`fang an`, then `fan gan`).
    pub fn segment(&self, word: &str, typing: bool, max: usize) -> Vec<Vec<Unit>> {
        let mut out = Vec::new();
        let bytes = word.as_bytes();
        if self.is_empty() || bytes.is_empty() || bytes.len() > 63 {
            return out;
        }
        if !bytes.iter().all(u8::is_ascii_lowercase) {
            return out;
        }
        let mut dead = 0u64; // positions from which no reading completes
        let mut path = Vec::new();
        let mut steps = 0;
        self.walk(word, 0, typing, &mut path, &mut out, &mut dead, &mut steps);
        // The walk found longer syllables first; keep that order.
        let fewest = out.iter().map(Vec::len).min().unwrap_or(0);
        out.into_iter()
            .filter(|s| s.len() == fewest)
            .take(max)
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        word: &str,
        at: usize,
        typing: bool,
        path: &mut Vec<Unit>,
        out: &mut Vec<Vec<Unit>>,
        dead: &mut u64,
        steps: &mut usize,
    ) -> bool {
        *steps += 1;
        if out.len() >= 16 || *steps > 512 || *dead & (1 << at) != 0 {
            return false;
        }
        let rest = &word[at..];
        let mut found = false;
        if typing && rest.len() <= MAX_SYLLABLE_LEN {
            // The syllable being typed: everything it may still become.
            let range = self.starting_with(rest);
            if !range.is_empty() {
                path.push(Unit::Partial {
                    exact: self.find(rest),
                    range,
                });
                out.push(path.clone());
                path.pop();
                found = true;
            }
        }
        for len in (1..=MAX_SYLLABLE_LEN.min(rest.len())).rev() {
            if typing && len == rest.len() {
                continue; // handled above
            }
            let Some(s) = self.find(&rest[..len]) else {
                continue;
            };
            path.push(Unit::Full(s));
            if len == rest.len() {
                out.push(path.clone());
                found = true;
            } else if self.walk(word, at + len, typing, path, out, dead, steps) {
                found = true;
            }
            path.pop();
        }
        if !found {
            *dead |= 1 << at;
        }
        found
    }

    /// Reads a lower-case Latin word as initials, one consonant per character (`zsk` → z s k;
    /// `z` stands for `z` and `zh`). `None` if a letter is a vowel (English words have them:
    /// `hyperlnks` is a typo, not initials) or starts no syllable.
    pub fn initials(&self, word: &str) -> Option<Vec<Unit>> {
        if self.is_empty() || word.is_empty() || word.len() > 63 {
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

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::analysis::FoldTable;

    fn readings(text: &str) -> Readings {
        let mut alphabet: Vec<char> = text.chars().collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        let fold = FoldTable::for_alphabet(&alphabet);
        Readings::decode(&PinyinTable::for_alphabet(&alphabet, &fold)).expect("decodes")
    }

    /// The characters of `syllable` among `among`.
    fn chars(r: &Readings, syllable: &str, among: &str) -> String {
        let mut out = Vec::new();
        let s = r.find(syllable).expect("a syllable");
        r.chars_of(s..s + 1, &mut out);
        let found: String = out.iter().filter_map(|&c| char::from_u32(c)).collect();
        among.chars().filter(|&c| found.contains(c)).collect()
    }

    fn spelled(r: &Readings, units: &[Unit]) -> Vec<String> {
        units
            .iter()
            .map(|u| match u {
                Unit::Full(s) => r.syllable(*s).to_string(),
                Unit::Partial { range, .. } => {
                    let (a, b) = (r.syllable(range.start), r.syllable(range.end - 1));
                    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
                    format!("{}…", &a[..n])
                }
                Unit::Initial(range) => format!("{}*", &r.syllable(range.start)[..1]),
            })
            .collect()
    }

    #[test]
    fn readings_are_toneless_with_every_heteronym() {
        let all = "知识库调行重女绿";
        let r = readings(all);
        assert_eq!(chars(&r, "zhi", all), "知识"); // 识 also reads zhi
        assert_eq!(chars(&r, "shi", all), "识");
        assert_eq!(chars(&r, "diao", all), "调");
        assert_eq!(chars(&r, "tiao", all), "调");
        assert_eq!(chars(&r, "hang", all), "行");
        assert_eq!(chars(&r, "xing", all), "行");
        assert_eq!(chars(&r, "chong", all), "重");
        assert_eq!(chars(&r, "zhong", all), "重");
        assert_eq!(chars(&r, "nv", all), "女");
        assert_eq!(chars(&r, "lv", all), "绿");
        assert!(r.find("hm").is_none() && r.find("ng").is_none());
    }

    #[test]
    fn common_characters_come_along_with_any_chinese() {
        assert_eq!(common_characters().count(), 3755);
        let r = readings("知识库");
        assert_eq!(chars(&r, "ku", "裤酷"), "裤酷"); // not in the articles, still known
        assert!(readings("abc ひらがな").is_empty());
    }

    #[test]
    fn traditional_readings_join_their_simplified_character() {
        // 乾 (qian) folds to 干 (gan): typed qian may mean the 干 of the index.
        let r = readings("干");
        assert_eq!(chars(&r, "gan", "干"), "干");
        assert_eq!(chars(&r, "qian", "干"), "干");
    }

    #[test]
    fn homophones_share_a_reading() {
        let r = readings("知识库裤酷看");
        let mut out = Vec::new();
        r.homophones('库', &mut out);
        let s: String = out.iter().filter_map(|&c| char::from_u32(c)).collect();
        assert!(s.contains("库") && s.contains("裤") && s.contains("酷") && s.contains("苦"));
        assert!(!s.contains('看') && !s.contains('知'));
        r.homophones('x', &mut out);
        assert_eq!(out, ['x' as u32]);
    }

    #[test]
    fn segments_full_pinyin_fewest_syllables_first() {
        let r = readings("知识库西安先方案反感的");
        let seg = |w: &str, typing| -> Vec<Vec<String>> {
            r.segment(w, typing, 4)
                .iter()
                .map(|s| spelled(&r, s))
                .collect()
        };
        assert_eq!(seg("zhishiku", false)[0], ["zhi", "shi", "ku"]);
        assert_eq!(seg("xian", false), [["xian"]]); // xi'an is two words
        assert_eq!(seg("fangan", false)[0], ["fang", "an"]);
        assert_eq!(seg("fangan", false)[1], ["fan", "gan"]);
        assert_eq!(seg("zhishik", true)[0], ["zhi", "shi", "k…"]);
        assert_eq!(seg("zhishiku", true)[0], ["zhi", "shi", "ku…"]);
        assert!(seg("zhishik", false).is_empty());
        assert!(seg("tidb", false).is_empty());
        assert!(seg("zsk", false).is_empty());
    }

    #[test]
    fn initials_are_first_letters() {
        let r = readings("知识库");
        let units = r.initials("zsk").expect("initials");
        assert_eq!(spelled(&r, &units), ["z*", "s*", "k*"]);
        assert!(r.initials("zik").is_none()); // a vowel
        assert!(r.initials("hyperlnks").is_none());
        assert!(r.initials("z1").is_none());
    }

    #[test]
    fn round_trip_and_garbage() {
        let mut alphabet: Vec<char> = "知识库".chars().collect();
        alphabet.sort_unstable();
        let table = PinyinTable::for_alphabet(&alphabet, &FoldTable::default());
        assert!(table.readings() > 3755);
        let bytes = postcard::to_allocvec(&table).unwrap();
        let back: PinyinTable = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, table);
        assert!(Readings::decode(&table).is_some());
        let mut bad = table.clone();
        bad.counts[0] += 1;
        assert!(Readings::decode(&bad).is_none());
        let mut bad = table.clone();
        bad.gaps[0] = 0x10_FFFF;
        assert!(Readings::decode(&bad).is_none());
        let mut bad = table;
        bad.syllables = "zhi ku".into();
        assert!(Readings::decode(&bad).is_none());
        assert!(Readings::decode(&PinyinTable::default())
            .unwrap()
            .is_empty());
    }
}
