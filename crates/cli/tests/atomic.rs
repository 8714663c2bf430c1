//! A `helpdex build` killed midway (SIGKILL: no cleanup runs) leaves the previous index in its
//! output folder complete, byte for byte, and searchable with the same results.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::helpdex_stdin;

const QUERIES: &str = "reset password\nprinter offline\nmailbox quota\nsync error 0x80\n";

/// `count` JSON Lines records of generated help-center text, the same every time.
fn write_articles(path: &Path, count: usize) {
    const WORDS: &[&str] = &[
        "reset",
        "password",
        "printer",
        "offline",
        "mailbox",
        "quota",
        "sync",
        "error",
        "calendar",
        "sharing",
        "outlook",
        "teams",
        "meeting",
        "license",
        "admin",
        "policy",
        "network",
        "proxy",
        "certificate",
        "expired",
        "update",
        "install",
        "driver",
        "account",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut word = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        WORDS[(state % WORDS.len() as u64) as usize]
    };
    let mut out = std::io::BufWriter::new(fs::File::create(path).unwrap());
    for i in 0..count {
        let title: Vec<&str> = (0..4).map(|_| word()).collect();
        let body: Vec<&str> = (0..300).map(|_| word()).collect();
        let record = serde_json::json!({
            "id": format!("a{i}"),
            "url": format!("/a{i}"),
            "title": title.join(" "),
            "body": format!("# {}\n\n{} {i}\n\n## Details\n\n{}", title[0], body[..150].join(" "), body[150..].join(" ")),
        });
        writeln!(out, "{record}").unwrap();
    }
}

fn build(input: &Path, out: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .args(["build", "--quiet", "--out"])
        .arg(out)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("helpdex runs")
}

fn search(index: &Path) -> String {
    let out = helpdex_stdin(
        &["search", "--json", "--index", index.to_str().unwrap()],
        QUERIES,
    );
    assert!(
        out.status.success(),
        "search failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The manifest and every file it names, with their bytes.
fn index_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let manifest = helpdex::index_dir::read_manifest(dir).expect("a manifest");
    let mut names = vec![helpdex::index_dir::MANIFEST.to_owned(), manifest.core];
    names.extend(manifest.vocabulary);
    names.extend(manifest.postings);
    names.extend(manifest.fragments);
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            (path, bytes)
        })
        .collect()
}

fn all_names(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for sub in ["", "vocabulary", "postings", "fragments"] {
        if let Ok(entries) = fs::read_dir(dir.join(sub)) {
            names.extend(
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned()),
            );
        }
    }
    names
}

/// When to kill the second build.
#[derive(Clone, Copy, Debug)]
enum KillAt {
    /// This share of a full build's duration.
    Share(f64),
    /// As soon as a file name of the given kind shows up: a temporary file being written, or
    /// a new index file renamed into place (the manifest still the old one).
    Seen(&'static str),
}

fn kill_at(child: &mut Child, at: KillAt, out: &Path, full: Duration, old: &[String]) {
    let started = Instant::now();
    match at {
        KillAt::Share(share) => std::thread::sleep(full.mul_f64(share)),
        KillAt::Seen(what) => {
            while started.elapsed() < full * 4 {
                let seen = all_names(out).into_iter().any(|n| match what {
                    "temporary" => n.contains(".tmp-"),
                    _ => n.ends_with(".hdx") && !old.contains(&n),
                });
                if seen || child.try_wait().unwrap().is_some() {
                    break;
                }
            }
        }
    }
    // `Child::kill` is SIGKILL on Unix.
    let _ = child.kill();
}

#[test]
fn a_killed_build_leaves_the_previous_index_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let (small, large) = (
        tmp.path().join("small.jsonl"),
        tmp.path().join("large.jsonl"),
    );
    write_articles(&small, 40);
    write_articles(&large, 3000);
    let out = tmp.path().join("index");

    // How long a full build of the larger input takes here, and what it gives.
    let reference = tmp.path().join("reference");
    let started = Instant::now();
    assert!(build(&large, &reference).wait().unwrap().success());
    let full = started.elapsed();
    let new_results = search(&reference);

    let points = [
        KillAt::Share(0.1),
        KillAt::Share(0.4),
        KillAt::Share(0.7),
        KillAt::Share(0.9),
        KillAt::Seen("temporary"),
        KillAt::Seen("renamed"),
    ];
    let mut interrupted = 0;
    for at in points {
        assert!(build(&small, &out).wait().unwrap().success());
        let before = index_files(&out);
        let old_names = all_names(&out);
        let old_results = search(&out);
        assert_ne!(
            old_results, new_results,
            "the two inputs must answer differently"
        );

        let mut child = build(&large, &out);
        kill_at(&mut child, at, &out, full, &old_names);
        let status = child.wait().unwrap();
        if status.success() {
            // Finished before the kill: the new index must be complete instead.
            assert_eq!(search(&out), new_results, "{at:?}");
            continue;
        }
        interrupted += 1;
        assert_eq!(index_files(&out), before, "{at:?}: previous index changed");
        assert_eq!(search(&out), old_results, "{at:?}: results changed");
        let index = helpdex::index_dir::open(&out).expect("previous index opens");
        assert_eq!(index.docs(), 40);
    }
    assert!(
        interrupted >= 3,
        "only {interrupted} of {} builds were killed midway",
        points.len()
    );

    // A build that completes replaces the index and clears what killed builds left behind,
    // including a half-written manifest.
    for stale in [
        "helpdex.json.tmp-1",
        "index.0.hdx.tmp-1",
        "postings/0.hdx.tmp-1",
    ] {
        fs::write(out.join(stale), b"partial").unwrap();
    }
    assert!(build(&large, &out).wait().unwrap().success());
    assert_eq!(search(&out), new_results);
    let leftovers: Vec<String> = all_names(&out)
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}
