//! Field lengths in one byte each, for BM25 length normalisation.
//!
//! Lengths up to 63 tokens (every title, most headings) are stored exactly; longer ones on a
//! logarithmic scale with 12 steps per doubling (about 6% apart), up to millions of tokens.

#[cfg(feature = "build")]
/// Encodes a field length.
pub fn encode(len: u32) -> u8 {
    if len < 64 {
        return len as u8;
    }
    let steps = ((len as f64 / 64.0).log2() * 12.0).round();
    (64.0 + steps).min(255.0) as u8
}

/// Decodes a field length (approximately, above 63).
pub fn decode(q: u8) -> f32 {
    if q < 64 {
        return q as f32;
    }
    64.0 * ((q - 64) as f32 / 12.0).exp2()
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    #[test]
    fn exact_below_64_and_close_above() {
        for len in 0..64 {
            assert_eq!(decode(encode(len)), len as f32);
        }
        for len in [64, 100, 1_000, 50_000, 1_000_000] {
            let back = decode(encode(len));
            assert!((back / len as f32 - 1.0).abs() < 0.04, "{len} -> {back}");
        }
        assert_eq!(encode(u32::MAX), 255);
    }
}
