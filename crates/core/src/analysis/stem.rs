//! English stemming: `freezing`, `freezes` and `freeze` are one word to a customer.
//!
//! The index keeps words as written; search stems a query word and the vocabulary terms that
//! may share its stem with the same Snowball (Porter 2) stemmer, so build and query can never
//! disagree, and an exact spelling still ranks above a stem match.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Shortest word that is stemmed: shorter ones are mostly function words and abbreviations.
pub const MIN_STEM_CHARS: usize = 4;

/// Whether [`english`] stems `word`: a folded word of lowercase ASCII letters, long enough.
pub fn stems(word: &str) -> bool {
    word.len() >= MIN_STEM_CHARS && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The Snowball English stem of a word that [`stems`]; other words are their own stem.
pub fn english(word: &str) -> Cow<'_, str> {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if !stems(word) {
        return Cow::Borrowed(word);
    }
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
}

/// The start every word with the stem `stem` shares: the stem less its last letter, which
/// Snowball may have changed (`replies` → `repli`, `hoping` → `hope`).
pub fn shared_start(stem: &str) -> &str {
    let last = stem.chars().next_back().map_or(0, char::len_utf8);
    &stem[..stem.len() - last]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_stem_and_its_start() {
        for group in [
            ["freeze", "freezes", "freezing"],
            ["reply", "replies", "replied"],
            ["book", "booked", "booking"],
            ["hope", "hoping", "hoped"],
        ] {
            let stem = english(group[0]);
            for w in group {
                assert_eq!(english(w), stem, "{w}");
                assert!(w.starts_with(shared_start(&stem)), "{w}");
            }
        }
        assert_eq!(english("iis"), "iis");
        assert_eq!(english("données"), "données");
        assert_eq!(shared_start("Ωμέγα"), "Ωμέγ");
    }
}
