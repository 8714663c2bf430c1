//! An index directory on disk: content-hashed, gzip-compressed files plus `helpdex.json`.
//!
//! ```text
//! DIR/helpdex.json              manifest: format version, build id, file names, and the
//!                               shards and chunks each one-character query needs
//! DIR/index.<hash>.hdx          core file
//! DIR/vocabulary/<hash>.hdx     vocabulary shards, in shard order in the manifest
//! DIR/postings/<hash>.hdx       postings chunks, in chunk order in the manifest
//! DIR/fragments/<hash>.hdx      fragments chunks
//! ```
//! Writing is atomic: new files are written under temporary names and renamed into place, the
//! manifest is replaced last, and only then are files of the previous build removed. A build
//! killed at any point leaves the previous index complete and served.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use flate2::{read::GzDecoder, Compression, GzBuilder};
use helpdex_core::index::build::BuiltIndex;
use helpdex_core::index::format::FORMAT_VERSION;
use helpdex_core::{FormatError, Index, SearchOptions};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Name of the manifest in an index directory.
pub const MANIFEST: &str = "helpdex.json";

/// The manifest: the one file with a fixed name, read first by every client.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// Index format version.
    pub helpdex: u16,
    /// Build id (hex), also in every file's header.
    pub build: String,
    pub articles: u32,
    /// Articles per language (`"en"`, `"zh"`, `""` when unknown).
    pub languages: BTreeMap<String, u32>,
    /// How the files are compressed on disk.
    pub encoding: String,
    pub core: String,
    pub vocabulary: Vec<String>,
    pub postings: Vec<String>,
    pub fragments: Vec<String>,
    /// The chunks a one-character query needs, by character (see [`first_keystroke`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub first: BTreeMap<String, FirstKeystroke>,
}

/// The files that searching for one character needs: its vocabulary shards and postings, and
/// the fragments of its first page of results.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstKeystroke {
    pub vocabulary: Vec<u32>,
    pub postings: Vec<u32>,
    pub fragments: Vec<u32>,
}

/// What a write produced.
#[derive(Debug, Default)]
pub struct Written {
    pub files: usize,
    pub raw_bytes: u64,
    pub compressed_bytes: u64,
}

struct Encoded {
    name: String,
    raw: u64,
    gzip: Vec<u8>,
}

fn encode(folder: &str, prefix: &str, bytes: &[u8]) -> Encoded {
    // No file name and a zero mtime in the gzip header: the same bytes give the same file.
    let mut gz = GzBuilder::new().write(Vec::with_capacity(bytes.len() / 3), Compression::best());
    gz.write_all(bytes).expect("in-memory");
    let gzip = gz.finish().expect("in-memory");
    let hash = Sha256::digest(&gzip);
    let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    Encoded {
        name: format!("{folder}{prefix}{hex}.hdx"),
        raw: bytes.len() as u64,
        gzip,
    }
}

/// Writes `built` into `dir` atomically and removes the files of the build it replaces.
pub fn write(dir: &Path, built: &BuiltIndex, languages: BTreeMap<String, u32>) -> Result<Written> {
    for sub in ["", "vocabulary", "postings", "fragments"] {
        let d = dir.join(sub);
        fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let core = encode("", "index.", &built.core);
    let vocabulary: Vec<Encoded> = built
        .vocabulary
        .par_iter()
        .map(|v| encode("vocabulary/", "", v))
        .collect();
    let postings: Vec<Encoded> = built
        .postings
        .par_iter()
        .map(|p| encode("postings/", "", p))
        .collect();
    let fragments: Vec<Encoded> = built
        .fragments
        .par_iter()
        .map(|f| encode("fragments/", "", f))
        .collect();

    let mut written = Written::default();
    for file in std::iter::once(&core)
        .chain(&vocabulary)
        .chain(&postings)
        .chain(&fragments)
    {
        let path = dir.join(&file.name);
        // Content-hashed: an existing file with this name already has these bytes.
        if !path.exists() {
            write_atomically(&path, &file.gzip)?;
        }
        written.files += 1;
        written.raw_bytes += file.raw;
        written.compressed_bytes += file.gzip.len() as u64;
    }
    let manifest = Manifest {
        helpdex: FORMAT_VERSION,
        build: format!("{:016x}", built.build_id),
        articles: built.stats.articles,
        languages,
        encoding: "gzip".into(),
        core: core.name.clone(),
        vocabulary: vocabulary.iter().map(|f| f.name.clone()).collect(),
        postings: postings.iter().map(|f| f.name.clone()).collect(),
        fragments: fragments.iter().map(|f| f.name.clone()).collect(),
        first: first_keystroke(built)?,
    };
    let mut json = serde_json::to_vec_pretty(&manifest)?;
    json.push(b'\n');
    write_atomically(&dir.join(MANIFEST), &json)?;
    written.files += 1;
    written.raw_bytes += json.len() as u64;
    written.compressed_bytes += json.len() as u64;
    remove_stale(dir, &manifest)?;
    Ok(written)
}

/// The characters a visitor's first keystroke most often is, each with the chunks that
/// searching for it alone needs (with the browser's defaults: typos on, 10 results). A browser
/// whose first query is one of these fetches them beside the core file, so the first results
/// wait for no round trip after the index opens. Computed by running that search.
pub fn first_keystroke(built: &BuiltIndex) -> Result<BTreeMap<String, FirstKeystroke>> {
    let mut first = BTreeMap::new();
    for key in ('a'..='z').chain('0'..='9').map(String::from) {
        // A fresh index per key, so the shards it adds are exactly those the key needs.
        let mut index =
            Index::open(&built.core).context("the core file just built does not open")?;
        let mut vocabulary = Vec::new();
        let plan = loop {
            let plan = index.plan(&key, true);
            if plan.missing_vocabulary().is_empty() {
                break plan;
            }
            for &n in plan.missing_vocabulary() {
                index.add_vocabulary(n, &built.vocabulary[n as usize])?;
                vocabulary.push(n);
            }
        };
        vocabulary.sort_unstable();
        for n in index.missing_postings(&plan) {
            index.add_postings(n, &built.postings[n as usize])?;
        }
        let hits = index.search(&plan, &SearchOptions::default())?;
        let mut fragments: Vec<u32> = hits
            .iter()
            .map(|h| index.fragments_chunk_of(h.doc))
            .collect();
        fragments.sort_unstable();
        fragments.dedup();
        if !hits.is_empty() {
            let postings = plan.postings_chunks();
            first.insert(
                key,
                FirstKeystroke {
                    vocabulary,
                    postings,
                    fragments,
                },
            );
        }
    }
    Ok(first)
}

/// Writes `bytes` to `path` under a temporary name (`NAME.tmp-XXXXXX` beside it), then renames
/// it into place. tempfile picks the name, which also works under WASI, where there is no
/// process id; on an error it removes the temporary.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut prefix = path.file_name().unwrap_or_default().to_os_string();
    prefix.push(".tmp-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    // As `File::create` makes them (0666 less the umask), so a web server can read them, not
    // tempfile's private 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let result = (|| {
        let mut f = builder.tempfile_in(dir)?;
        f.write_all(bytes)?;
        f.as_file().sync_all()?;
        f.persist(path).map_err(|e| e.error)?;
        std::io::Result::Ok(())
    })();
    result.with_context(|| format!("cannot write {}", path.display()))
}

/// Removes `.hdx` files (and leftover temporaries, the manifest's too) that the manifest does
/// not name.
fn remove_stale(dir: &Path, manifest: &Manifest) -> Result<()> {
    let keep: std::collections::HashSet<&str> = std::iter::once(manifest.core.as_str())
        .chain(manifest.vocabulary.iter().map(String::as_str))
        .chain(manifest.postings.iter().map(String::as_str))
        .chain(manifest.fragments.iter().map(String::as_str))
        .collect();
    for (sub, prefix) in [
        ("", "index."),
        ("vocabulary", ""),
        ("postings", ""),
        ("fragments", ""),
    ] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // A build killed while writing the manifest leaves its temporary too.
            let ours = (name.starts_with(prefix)
                && (name.ends_with(".hdx") || name.contains(".hdx.tmp-")))
                || (sub.is_empty() && name.starts_with(&format!("{MANIFEST}.tmp-")));
            let rel = if sub.is_empty() {
                name.clone()
            } else {
                format!("{sub}/{name}")
            };
            if ours && !keep.contains(rel.as_str()) {
                fs::remove_file(entry.path())
                    .with_context(|| format!("cannot remove stale {}", entry.path().display()))?;
            }
        }
    }
    Ok(())
}

/// Reads a manifest.
pub fn read_manifest(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST);
    let bytes = fs::read(&path).with_context(|| {
        format!(
            "cannot read {} (is this an index built by `helpdex build`?)",
            path.display()
        )
    })?;
    let manifest: Manifest = serde_json::from_slice(&bytes)
        .with_context(|| format!("{}: not a valid helpdex manifest", path.display()))?;
    if manifest.helpdex != FORMAT_VERSION {
        bail!(
            "{}: index format version {}, but this helpdex reads version {}: rebuild the index",
            path.display(),
            manifest.helpdex,
            FORMAT_VERSION
        );
    }
    Ok(manifest)
}

/// Opens the index in `dir` with every chunk loaded.
pub fn open(dir: &Path) -> Result<Index> {
    let manifest = read_manifest(dir)?;
    let read = |name: &str| -> Result<Vec<u8>> {
        let path = dir.join(name);
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        decompress(&bytes).with_context(|| format!("{}: not a valid gzip file", path.display()))
    };
    let core = read(&manifest.core)?;
    let mut index =
        Index::open(&core).with_context(|| format!("{}", dir.join(&manifest.core).display()))?;
    if index.vocabulary_shards() as usize != manifest.vocabulary.len()
        || index.postings_chunks() as usize != manifest.postings.len()
        || index.fragments_chunks() as usize != manifest.fragments.len()
    {
        bail!(
            "{}: the manifest and the core file disagree on the number of chunks",
            dir.display()
        );
    }
    type Add = fn(&mut Index, u32, &[u8]) -> Result<(), FormatError>;
    let kinds: [(&[String], Add); 3] = [
        (&manifest.vocabulary, Index::add_vocabulary),
        (&manifest.postings, Index::add_postings),
        (&manifest.fragments, Index::add_fragments),
    ];
    for (names, add) in kinds {
        // Read and gunzip in parallel; add in order (adding is cheap and needs `&mut`).
        let files: Vec<Vec<u8>> = names.par_iter().map(|n| read(n)).collect::<Result<_>>()?;
        for (n, (name, bytes)) in names.iter().zip(files).enumerate() {
            add(&mut index, n as u32, &bytes)
                .with_context(|| format!("{}", dir.join(name).display()))?;
        }
    }
    Ok(index)
}

/// Gunzips `bytes` if they are gzip; index files served already decompressed pass through.
pub fn decompress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len() * 3);
    GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use helpdex_core::index::build::{analyze, BuildOptions, IndexBuilder};
    use helpdex_core::{Article, Part};

    use super::*;

    /// Articles over a small vocabulary, in small chunks, so that one-character queries need
    /// several chunks of each kind.
    fn built() -> BuiltIndex {
        const WORDS: [&str; 16] = [
            "account", "billing", "cache", "delete", "email", "export", "install", "invoice",
            "login", "mobile", "outlook", "password", "reset", "sync", "teams", "2fa",
        ];
        let mut builder = IndexBuilder::new(BuildOptions {
            vocabulary_shard_bytes: 64,
            postings_chunk_bytes: 256,
            fragments_chunk_bytes: 512,
            ..BuildOptions::default()
        });
        for i in 0..120 {
            let word = |k: usize| WORDS[(i * 7 + k * 5) % WORDS.len()];
            builder.add(analyze(&Article {
                page: helpdex_core::Page {
                    id: format!("a{i}"),
                    url: format!("/a{i}.html"),
                    title: format!("{} {} {i}", word(0), word(1)),
                    parts: vec![Part {
                        heading: None,
                        text: (2..9).map(word).collect::<Vec<_>>().join(" "),
                    }],
                    ..helpdex_core::Page::default()
                },
                ..Article::default()
            }));
        }
        builder.finish()
    }

    /// With only the core file and the shards and chunks listed for a character, searching for
    /// that character runs and presents every result, and every listed file is used: the
    /// browser's first keystroke needs no other file, and fetches none in vain.
    #[test]
    fn first_keystroke_lists_exactly_the_chunks_its_search_needs() {
        let built = built();
        let first = first_keystroke(&built).unwrap();
        assert!(first.len() >= 10, "{first:?}");
        for key in ('a'..='z').chain('0'..='9').map(String::from) {
            let mut index = Index::open(&built.core).unwrap();
            let Some(chunks) = first.get(&key) else {
                // Left out only when nothing matches.
                let all = built.open().unwrap();
                let plan = all.plan(&key, true);
                assert!(all
                    .search(&plan, &SearchOptions::default())
                    .unwrap()
                    .is_empty());
                continue;
            };
            for &n in &chunks.vocabulary {
                index
                    .add_vocabulary(n, &built.vocabulary[n as usize])
                    .unwrap();
            }
            for &n in &chunks.postings {
                index.add_postings(n, &built.postings[n as usize]).unwrap();
            }
            for &n in &chunks.fragments {
                index
                    .add_fragments(n, &built.fragments[n as usize])
                    .unwrap();
            }
            let plan = index.plan(&key, true);
            assert_eq!(plan.missing_vocabulary(), &[] as &[u32], "{key}");
            for n in chunks.vocabulary.iter().copied() {
                // Every listed shard is needed: without it, the plan asks for it.
                let mut without = Index::open(&built.core).unwrap();
                for &m in chunks.vocabulary.iter().filter(|&&m| m != n) {
                    without
                        .add_vocabulary(m, &built.vocabulary[m as usize])
                        .unwrap();
                }
                let plan = without.plan(&key, true);
                assert!(plan.missing_vocabulary().contains(&n), "{key}: shard {n}");
            }
            assert_eq!(chunks.postings, plan.postings_chunks(), "{key}");
            let hits = index.search(&plan, &SearchOptions::default()).unwrap();
            for hit in &hits {
                assert!(index.present(&plan, hit).is_some(), "{key}: {hit:?}");
            }
            let used: BTreeSet<u32> = hits
                .iter()
                .map(|h| index.fragments_chunk_of(h.doc))
                .collect();
            assert_eq!(used, chunks.fragments.iter().copied().collect(), "{key}");
        }
        assert!(first
            .values()
            .any(|c| c.vocabulary.len() > 1 && c.postings.len() > 1 && c.fragments.len() > 1));
    }
}
