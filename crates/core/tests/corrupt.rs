//! A damaged, stale or mixed-up index is refused with an error that says what is wrong.

mod common;

use helpdex_core::index::build::{analyze, BuildOptions, BuiltIndex, IndexBuilder};
use helpdex_core::{FormatError, Index};

fn build(titles: &[&str]) -> BuiltIndex {
    let mut b = IndexBuilder::new(BuildOptions {
        vocabulary_shard_bytes: 32,
        postings_chunk_bytes: 32,
        fragments_chunk_bytes: 32,
        ..BuildOptions::default()
    });
    for (i, t) in titles.iter().enumerate() {
        b.add(analyze(&common::article(
            &format!("a{i}"),
            t,
            "some body text here",
            &[],
        )));
    }
    b.finish()
}

#[test]
fn truncated_flipped_and_garbage_cores_are_refused() {
    let built = build(&["reset password", "mail flow"]);
    let core = &built.core;
    assert!(matches!(
        Index::open(&core[..core.len() - 3]),
        Err(FormatError::Truncated { .. })
    ));
    let mut flipped = core.clone();
    flipped[core.len() / 2] ^= 0x10;
    assert_eq!(Index::open(&flipped).unwrap_err(), FormatError::Checksum);
    assert_eq!(
        Index::open(b"<!doctype html>").unwrap_err(),
        FormatError::NotAnIndex
    );
    assert!(matches!(
        Index::open(&built.postings[0]),
        Err(FormatError::WrongKind { .. })
    ));
    let mut future = core.clone();
    future[4] = 99;
    assert!(matches!(
        Index::open(&future),
        Err(FormatError::Version { got: 99, .. })
    ));
}

#[test]
fn chunks_from_another_build_or_slot_are_refused() {
    let a = build(&[
        "reset password",
        "mail flow",
        "calendar sharing",
        "printer setup",
    ]);
    let b = build(&["something else entirely", "other words"]);
    let mut ix = Index::open(&a.core).unwrap();
    assert!(matches!(
        ix.add_postings(0, &b.postings[0]),
        Err(FormatError::BuildMismatch { .. })
    ));
    assert!(a.postings.len() > 1, "test needs several chunks");
    assert!(matches!(
        ix.add_postings(0, &a.postings[1]),
        Err(FormatError::Malformed(_))
    ));
    assert!(ix.add_postings(99, &a.postings[0]).is_err());
    assert!(matches!(
        ix.add_fragments(0, &b.fragments[0]),
        Err(FormatError::BuildMismatch { .. })
    ));
    assert!(matches!(
        ix.add_vocabulary(0, &b.vocabulary[0]),
        Err(FormatError::BuildMismatch { .. })
    ));
    assert!(matches!(
        ix.add_vocabulary(0, &a.postings[0]),
        Err(FormatError::WrongKind { .. })
    ));
    assert!(a.vocabulary.len() > 1, "test needs several shards");
    assert!(matches!(
        ix.add_vocabulary(0, &a.vocabulary[1]),
        Err(FormatError::Malformed(_))
    ));
    assert!(ix.add_vocabulary(99, &a.vocabulary[0]).is_err());
    ix.add_postings(0, &a.postings[0]).unwrap();
    ix.add_vocabulary(1, &a.vocabulary[1]).unwrap();
}

#[test]
fn every_single_bit_flip_of_a_small_core_is_caught() {
    let built = build(&["reset"]);
    for i in 0..built.core.len() {
        for bit in [0x01, 0x80] {
            let mut damaged = built.core.clone();
            damaged[i] ^= bit;
            // The build id is not covered by the checksum (a wrong one makes every chunk
            // mismatch instead); any other flip must be refused.
            if (8..16).contains(&i) {
                continue;
            }
            assert!(Index::open(&damaged).is_err(), "flip at byte {i} accepted");
        }
    }
}
