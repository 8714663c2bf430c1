//! Proximity: query words close together in an article, in query order, score higher.

/// Distance between two words' nearest occurrences: 0 when adjacent in query order, growing
/// with the gap; reversed order costs one more.
pub fn distance(first: &[u32], second: &[u32]) -> Option<u32> {
    let mut best: Option<u32> = None;
    for &a in first {
        for &b in second {
            let d = if b > a { b - a - 1 } else { a - b + 1 };
            best = Some(best.map_or(d, |x| x.min(d)));
        }
    }
    best
}

/// The bonus for a pair of words at `distance`: 1 for adjacent words, fading to 0 at 16.
pub fn pair_bonus(distance: u32) -> f32 {
    (1.0 - distance as f32 / 16.0).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_in_order_is_closest() {
        assert_eq!(distance(&[3], &[4]), Some(0));
        assert_eq!(distance(&[4], &[3]), Some(2));
        assert_eq!(distance(&[1, 40], &[10, 43]), Some(2));
        assert_eq!(distance(&[], &[1]), None);
        assert!(pair_bonus(0) > pair_bonus(3));
        assert_eq!(pair_bonus(100), 0.0);
    }
}
