//! Exactness: how much of the title the query covers, and whether it is a phrase of the
//! title. A title the query spells out is what the user is looking for.

use crate::index::postings::Positions;

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

/// Where the query's words stand in the title as a phrase (each at its query offset from one
/// start), if they do: the title is the first field, numbered from 0, so positions below
/// `title_length` are title words. `words` gives each matched word's query position and
/// stored positions, in query order.
pub fn title_phrase<'a>(
    words: impl Iterator<Item = (u32, &'a Positions)> + Clone,
    title_length: f32,
) -> Option<u32> {
    let (first_query, first) = words.clone().next()?;
    first.iter().copied().find(|&start| {
        words.clone().all(|(query, positions)| {
            let at = start + (query - first_query);
            (at as f32) < title_length && positions.contains(&at)
        })
    })
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

    #[test]
    fn title_phrases() {
        let p = |v: &[u32]| Positions::from_slice(v);
        let (apps, open) = (p(&[2, 30]), p(&[3, 41]));
        // "apps open" at 2–3 of a 6-word title.
        assert_eq!(
            title_phrase([(0, &apps), (1, &open)].into_iter(), 6.0),
            Some(2)
        );
        // Out of order, or apart, or only after the title: no phrase.
        assert_eq!(
            title_phrase([(0, &open), (1, &apps)].into_iter(), 6.0),
            None
        );
        assert_eq!(
            title_phrase([(0, &apps), (2, &open)].into_iter(), 6.0),
            None
        );
        assert_eq!(
            title_phrase([(0, &apps), (1, &open)].into_iter(), 3.0),
            None
        );
    }
}
