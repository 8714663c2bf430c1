//! The pinyin table decoded for queries: syllables ↔ characters, both ways.

use std::ops::Range;

use super::{PinyinTable, FIRST_CHAR, LAST_CHAR, MAX_SYLLABLE_LEN};

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
}
