//! Index files from arbitrary bytes: a core file, or one vocabulary shard, postings or fragments
//! chunk put into an otherwise valid index. Opening either refuses the bytes or gives an index whose searches
//! finish without panicking and only return articles of the index.
//!
//! Input: a selector byte, then the bytes. The selector picks the file (core, vocabulary shard,
//! postings chunk, fragments chunk) and how the bytes become it:
//! - as the whole file, header and all (header checks);
//! - as the payload under a valid header and checksum (the decoders behind the checksum,
//!   which a hostile host can always recompute);
//! - as edits (flip, insert, delete, truncate) of the valid payload, also under a valid header,
//!   to reach deep into well-formed structure.

#![no_main]

use std::sync::OnceLock;

use helpdex_core::index::build::BuiltIndex;
use helpdex_core::index::format::{self, FileKind};
use helpdex_core::{FormatError, Index};
use helpdex_fuzz::{build, search_and_check, tiny_articles, Expect};
use libfuzzer_sys::fuzz_target;

/// Queries that reach each kind of candidate: exact, prefix, typo, CJK bigram and homophone,
/// pinyin, initials, a phrase, folding.
const QUERIES: &[&str] = &[
    "reset password",
    "outlok respondin",
    "\"safe mode\" off",
    "密码",
    "知识裤",
    "mima guanli",
    "zsk",
    "cafe naive unicode",
];

struct Fixture {
    built: BuiltIndex,
    ids: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let articles = tiny_articles();
        Fixture {
            // Small chunks: several postings and fragments chunks to replace.
            built: build(&articles, 64),
            ids: articles.into_iter().map(|a| a.page.id).collect(),
        }
    })
}

/// Applies 4-byte edits `[op, offset low, offset high, value]` to `bytes`.
fn edit(mut bytes: Vec<u8>, script: &[u8]) -> Vec<u8> {
    for op in script.chunks_exact(4) {
        let at = u16::from_le_bytes([op[1], op[2]]) as usize;
        let value = op[3];
        match op[0] % 4 {
            0 if !bytes.is_empty() => {
                let i = at % bytes.len();
                bytes[i] ^= value.max(1);
            }
            1 => bytes.insert(at % (bytes.len() + 1), value),
            2 if !bytes.is_empty() => {
                bytes.remove(at % bytes.len());
            }
            3 => bytes.truncate(at % (bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

/// Turns the fuzz bytes into a file of `kind`, given the valid file it stands in for.
fn make_file(kind: FileKind, how: u8, valid: &[u8], build_id: u64, data: &[u8]) -> Vec<u8> {
    let valid_payload = format::unwrap(kind, valid)
        .expect("fixture file")
        .payload
        .to_vec();
    match how {
        0 => data.to_vec(),
        1 => {
            // Chunks start with their number; keep it so the payload itself gets fuzzed.
            let keep = if kind == FileKind::Core { 0 } else { 4 };
            let mut payload = valid_payload[..keep].to_vec();
            payload.extend_from_slice(data);
            format::wrap(kind, build_id, &payload)
        }
        _ => format::wrap(kind, build_id, &edit(valid_payload, data)),
    }
}

/// The kinds of file added to an open core.
const CHUNK_KINDS: [FileKind; 3] = [
    FileKind::Vocabulary,
    FileKind::Postings,
    FileKind::Fragments,
];

fn chunks_of(built: &BuiltIndex, kind: FileKind) -> &[Vec<u8>] {
    match kind {
        FileKind::Vocabulary => &built.vocabulary,
        FileKind::Postings => &built.postings,
        _ => &built.fragments,
    }
}

fn add(index: &mut Index, kind: FileKind, n: usize, bytes: &[u8]) -> Result<(), FormatError> {
    match kind {
        FileKind::Vocabulary => index.add_vocabulary(n as u32, bytes),
        FileKind::Postings => index.add_postings(n as u32, bytes),
        _ => index.add_fragments(n as u32, bytes),
    }
}

/// The fixture index with every chunk added, chunk `n` of `kind` being `file` (which may be
/// refused); the other chunks must load.
fn index_with(built: &BuiltIndex, kind: FileKind, n: usize, file: &[u8]) -> Index {
    let mut index = Index::open(&built.core).expect("fixture core");
    for chunk_kind in CHUNK_KINDS {
        for (m, valid) in chunks_of(built, chunk_kind).iter().enumerate() {
            let damaged = chunk_kind == kind && m == n;
            let bytes = if damaged { file } else { valid };
            let added = add(&mut index, chunk_kind, m, bytes);
            assert!(damaged || added.is_ok(), "fixture chunk {m} refused");
        }
    }
    index
}

fn search_all(index: &Index, ids: Option<&[String]>) {
    let expect = Expect { intact: false, ids };
    for (i, query) in QUERIES.iter().enumerate() {
        search_and_check(index, query, i % 4 != 3, 10, &expect);
    }
}

fuzz_target!(
    // Built before the first input, so it counts towards no input's time limit.
    init: {
        fixture();
    },
    |data: &[u8]| {
        let [selector, chunk, data @ ..] = data else {
            return;
        };
        let f = fixture();
        let built = &f.built;
        let how = selector / 4 % 3;
        match selector % 4 {
            0 => {
                let file = make_file(FileKind::Core, how, &built.core, built.build_id, data);
                let Ok(mut index) = Index::open(&file) else {
                    return;
                };
                // Same build id: the valid chunks load against the damaged core, as they would
                // from a host that serves a tampered core next to the real chunks.
                for kind in CHUNK_KINDS {
                    for (n, p) in chunks_of(built, kind).iter().enumerate() {
                        let _ = add(&mut index, kind, n, p);
                    }
                }
                let doc = u32::from(*chunk) % (index.docs() + 2);
                let _ = index.fragment(doc);
                search_all(&index, None);
            }
            kind => {
                let kind = CHUNK_KINDS[kind as usize - 1];
                let chunks = chunks_of(built, kind);
                let n = *chunk as usize % chunks.len();
                let file = make_file(kind, how, &chunks[n], built.build_id, data);
                let index = index_with(built, kind, n, &file);
                // With the fragments intact, every result is one of the fixture's articles; a
                // damaged fragments chunk may decode to other ids.
                search_all(&index, (kind != FileKind::Fragments).then_some(&f.ids[..]));
            }
        }
    }
);
