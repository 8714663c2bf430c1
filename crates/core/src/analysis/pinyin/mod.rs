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

mod readings;
mod segment;
mod table;

pub use readings::Readings;
pub use segment::Unit;
pub use table::PinyinTable;
#[cfg(feature = "build")]
pub use table::{common_characters, readings_of};

/// Longest syllable, in letters (`zhuang`, `chuang`, `shuang`).
pub const MAX_SYLLABLE_LEN: usize = 6;

/// Lowest and highest code points a table may hold (CJK symbols … CJK extension H).
const FIRST_CHAR: u32 = 0x3000;
const LAST_CHAR: u32 = 0x323AF;

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
