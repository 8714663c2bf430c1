//! Exactness: how much of the title the query covers. A title the query spells out whole is
//! what the user is looking for.

/// Share of the title's words that the query matched, 0 to 1.
pub fn title_coverage(words_in_title: u32, title_length: f32) -> f32 {
    if title_length < 1.0 {
        return 0.0;
    }
    (words_in_title as f32 / title_length).min(1.0)
}

/// Whether the query is the whole title: every query word matched in the title, exactly (the
/// last one may be a prefix), and the title has no other words.
pub fn is_exact_title(
    words_in_title: u32,
    query_words: u32,
    title_length: f32,
    all_exact: bool,
) -> bool {
    all_exact && words_in_title == query_words && title_length == query_words as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_and_exact_title() {
        assert_eq!(title_coverage(2, 4.0), 0.5);
        assert_eq!(title_coverage(2, 0.0), 0.0);
        assert!(is_exact_title(3, 3, 3.0, true));
        assert!(!is_exact_title(3, 3, 4.0, true));
        assert!(!is_exact_title(3, 3, 3.0, false));
    }
}
