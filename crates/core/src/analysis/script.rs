//! Which characters make words, and which are written without spaces.
//!
//! Classification is by code-point ranges rather than Unicode property tables so the browser
//! module stays small, and it runs on *folded* text (after [`super::fold`]), where full-width
//! forms, compatibility ideographs and half-width katakana are already canonical.

/// How the tokenizer treats a (folded) character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    /// Ends the current word: spaces, punctuation, symbols, emoji, control characters.
    Separator,
    /// Part of a space-delimited word: Latin, Greek, Cyrillic, digits, Hangul jamo, ...
    Word,
    /// Han ideographs, kana and Hangul syllables: indexed as overlapping bigrams (Chinese and
    /// Japanese have no spaces; a Korean word carries its particles, `비밀번호를`, so bigrams
    /// let `비밀번호` find it).
    Cjk,
}

/// Classifies one folded character.
pub fn classify(c: char) -> CharClass {
    let u = c as u32;
    if u < 0x80 {
        return if c.is_ascii_alphanumeric() {
            CharClass::Word
        } else {
            CharClass::Separator
        };
    }
    match u {
        // Han: CJK unified ideographs and extensions, compatibility ideographs, 々 〆 〇.
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF => CharClass::Cjk,
        0x3005..=0x3007 => CharClass::Cjk,
        // Kana: hiragana, katakana (with the prolonged sound mark), phonetic extensions.
        0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0x1B000..=0x1B16F => CharClass::Cjk,
        // Hangul syllables.
        0xAC00..=0xD7A3 => CharClass::Cjk,
        // C1 controls, Latin-1 punctuation and symbols, × and ÷.
        0x80..=0xBF | 0xD7 | 0xF7 => CharClass::Separator,
        // Spacing modifier letters and combining marks that fold leaves (non-Latin scripts
        // keep their marks) stay inside words.
        // General punctuation, super/subscripts' neighbours, currency, letterlike arrows,
        // math operators, technical, box drawing, shapes, dingbats, supplemental arrows.
        0x2000..=0x206F | 0x20A0..=0x20CF | 0x2190..=0x2BFF => CharClass::Separator,
        // Supplemental punctuation, ideographic description, CJK symbols and punctuation.
        0x2E00..=0x2E7F | 0x2FF0..=0x2FFF | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 => {
            CharClass::Separator
        }
        // Vertical, compatibility and small forms; full-width ASCII punctuation leftovers.
        0xFE10..=0xFE1F | 0xFE30..=0xFE6F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 => {
            CharClass::Separator
        }
        0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0xFFF0..=0xFFFF => CharClass::Separator,
        // Private use, emoji and pictographs, tags.
        0xE000..=0xF8FF | 0x1F000..=0x1FAFF | 0xE0000..=0xE007F => CharClass::Separator,
        _ => CharClass::Word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify('a'), CharClass::Word);
        assert_eq!(classify('9'), CharClass::Word);
        assert_eq!(classify('-'), CharClass::Separator);
        assert_eq!(classify('é'), CharClass::Word);
        assert_eq!(classify('д'), CharClass::Word);
        assert_eq!(classify('한'), CharClass::Cjk);
        assert_eq!(classify('ㄱ'), CharClass::Word); // a lone jamo
        assert_eq!(classify('库'), CharClass::Cjk);
        assert_eq!(classify('の'), CharClass::Cjk);
        assert_eq!(classify('カ'), CharClass::Cjk);
        assert_eq!(classify('，'), CharClass::Separator);
        assert_eq!(classify('。'), CharClass::Separator);
        assert_eq!(classify('“'), CharClass::Separator);
        assert_eq!(classify('😀'), CharClass::Separator);
        assert_eq!(classify('\u{3000}'), CharClass::Separator);
    }
}
