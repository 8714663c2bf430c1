//! BM25F: term weight from field-weighted, length-normalised frequencies.
//!
//! Frequencies of each field are normalised by the field's length against its average and
//! weighted (title > headings > tags > body) before BM25's saturation, so a word in a short
//! title outweighs many mentions in a long body.

use crate::index::postings::FIELD_COUNT;

/// Field weights: title, headings, tags, body.
pub const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [6.0, 3.0, 2.0, 1.0];
/// Length normalisation strength per field.
const FIELD_B: [f32; FIELD_COUNT] = [0.4, 0.5, 0.5, 0.75];
/// Saturation: how quickly repeated occurrences stop adding weight.
const K1: f32 = 1.2;

/// Inverse document frequency (BM25's, never negative).
pub fn idf(docs: u32, df: u32) -> f32 {
    let (n, df) = (docs as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25F score of one term in one article, before the match-quality factor.
pub fn score(
    idf: f32,
    tf: &[u32; FIELD_COUNT],
    lengths: &[f32; FIELD_COUNT],
    average: &[f32; FIELD_COUNT],
) -> f32 {
    let mut weighted = 0.0;
    for f in 0..FIELD_COUNT {
        if tf[f] == 0 {
            continue;
        }
        let avg = average[f].max(1.0);
        let norm = 1.0 - FIELD_B[f] + FIELD_B[f] * lengths[f] / avg;
        weighted += FIELD_WEIGHTS[f] * tf[f] as f32 / norm.max(0.1);
    }
    idf * weighted * (K1 + 1.0) / (weighted + K1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_beats_body_and_rare_beats_common() {
        let avg = [6.0, 20.0, 5.0, 500.0];
        let len = [6.0, 20.0, 5.0, 500.0];
        let title = score(1.0, &[1, 0, 0, 0], &len, &avg);
        let body = score(1.0, &[0, 0, 0, 3], &len, &avg);
        assert!(title > body);
        assert!(idf(1000, 2) > idf(1000, 500));
        assert!(idf(10, 10) > 0.0);
    }

    #[test]
    fn longer_fields_weigh_less() {
        let avg = [6.0, 20.0, 5.0, 500.0];
        let short = score(1.0, &[0, 0, 0, 2], &[6.0, 20.0, 5.0, 100.0], &avg);
        let long = score(1.0, &[0, 0, 0, 2], &[6.0, 20.0, 5.0, 5000.0], &avg);
        assert!(short > long);
    }
}
