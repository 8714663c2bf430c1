//! The `helpdex` command as a user runs it: real sample help centers, bad input, exit codes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::helpdex_stdin;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn helpdex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .args(args)
        .output()
        .expect("helpdex runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn build(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&str> = vec!["build"];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--out", out.to_str().unwrap()]);
    args.extend(extra);
    helpdex(&args)
}

fn json_results(index: &Path, queries: &str) -> Vec<Vec<serde_json::Value>> {
    let out = helpdex_stdin(
        &["search", "--index", index.to_str().unwrap(), "--json"],
        queries,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON array per line"))
        .collect()
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in ["", "postings", "fragments"] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries.flatten().filter(|e| e.path().is_file()) {
            out.push((
                format!("{sub}/{}", e.file_name().to_string_lossy()),
                fs::read(e.path()).unwrap(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn english_and_chinese_samples_build_and_search() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("index");
    let en = shared().join("corpora/samples/en-help-md");
    let zh = shared().join("corpora/samples/zh-help-md");
    let built = build(&[&en, &zh], &out, &[]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let summary = text(&built.stderr);
    assert!(summary.contains("indexed 100 articles"), "{summary}");

    let results = json_results(
        &out,
        "emails saved to sent items\nnot posible to expand the folder\n密码管理\n\n",
    );
    assert_eq!(
        results.len(),
        4,
        "exactly one line per query, even the empty one"
    );
    assert!(results[3].is_empty());
    for r in &results[..3] {
        assert!(!r.is_empty());
        for hit in r {
            for key in ["id", "url", "title", "score", "excerpt", "anchor"] {
                assert!(hit.get(key).is_some(), "missing {key} in {hit}");
            }
        }
    }
    assert_eq!(results[2][0]["id"], "password-management.md");
    assert_eq!(results[0][0]["title"], "Emails aren't saved to Sent Items");
    assert_eq!(
        results[1][0]["id"],
        "Exchange/ExchangeHybrid/public-folders/it-is-not-possible-to-expand-the-folder-error.md"
    );
}

#[test]
fn a_query_argument_prints_results_and_sets_the_exit_status() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ix");
    let zh = shared().join("corpora/samples/zh-help-md");
    assert!(build(&[&zh], &out, &["--quiet"]).status.success());
    let found = helpdex(&[
        "search",
        "--index",
        out.to_str().unwrap(),
        "密码",
        "--explain",
    ]);
    assert_eq!(found.status.code(), Some(0));
    assert!(text(&found.stdout).contains("score"));
    let none = helpdex(&["search", "--index", out.to_str().unwrap(), "zzqqxx"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(text(&none.stdout).contains("no results"));
}

#[test]
fn bad_articles_are_reported_and_the_rest_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    fs::create_dir_all(&site).unwrap();
    fs::write(
        site.join("good.md"),
        "---\ntitle: Reset your password\n---\nOpen settings.\n",
    )
    .unwrap();
    fs::write(
        site.join("broken.md"),
        "---\ntitle: [unclosed\n---\nText.\n",
    )
    .unwrap();
    fs::write(site.join("latin1.md"), b"# Caf\xe9\n").unwrap();
    let out = tmp.path().join("ix");

    let lenient = build(&[&site], &out, &[]);
    assert_eq!(lenient.status.code(), Some(0));
    let err = text(&lenient.stderr);
    assert!(
        err.contains("broken.md") && err.contains("front matter"),
        "{err}"
    );
    assert!(err.contains("latin1.md") && err.contains("UTF-8"), "{err}");
    assert_eq!(json_results(&out, "password\n")[0][0]["id"], "good.md");

    let before = files(&out);
    let strict = build(&[&site], &out, &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(files(&out), before, "--strict writes nothing");
}

#[test]
fn no_articles_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let out = build(&[&empty], &tmp.path().join("ix"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no articles"));
}

#[test]
fn builds_are_byte_identical_and_replace_the_previous_index() {
    let tmp = tempfile::tempdir().unwrap();
    let en = shared().join("corpora/samples/en-help-md");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&[&en], &a, &["-q"]).status.success());
    assert!(build(&[&en], &b, &["-q"]).status.success());
    assert_eq!(files(&a), files(&b));

    // Rebuilding with other content replaces every file and leaves no stale one behind.
    let zh = shared().join("corpora/samples/zh-help-md");
    assert!(build(&[&zh], &a, &["-q"]).status.success());
    let after = files(&a);
    assert!(after.iter().all(|(name, _)| !files(&b)
        .iter()
        .any(|(n, _)| n == name && !name.ends_with("helpdex.json"))));
    assert!(after.iter().all(|(name, _)| !name.contains(".tmp-")));
}

#[test]
fn a_missing_or_corrupt_index_fails_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = helpdex(&["search", "--index", tmp.path().to_str().unwrap(), "x"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("helpdex.json"));

    let out = tmp.path().join("ix");
    assert!(build(
        &[&shared().join("corpora/samples/en-help-md")],
        &out,
        &["-q"]
    )
    .status
    .success());
    let (name, bytes) = files(&out)
        .into_iter()
        .find(|(n, _)| n.starts_with("postings/"))
        .unwrap();
    let path = out.join(name.trim_start_matches('/'));
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let corrupt = helpdex(&["search", "--index", out.to_str().unwrap(), "outlook"]);
    assert_eq!(corrupt.status.code(), Some(2));
    let err = text(&corrupt.stderr);
    assert!(
        err.contains(path.file_name().unwrap().to_str().unwrap()),
        "{err}"
    );
}

#[test]
fn tinysearch_json_and_jsonl_records_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let tiny = tmp.path().join("posts.json");
    fs::write(
        &tiny,
        r#"[{"title":"Hello world","url":"/hello","body":"First post about gardening"}]"#,
    )
    .unwrap();
    let records = tmp.path().join("kb.jsonl");
    fs::write(&records, "{\"id\":\"kb-1\",\"url\":\"/kb/1\",\"title\":\"Reset MFA\",\"body\":\"## Steps\\nOpen the portal.\"}\n").unwrap();
    let out = tmp.path().join("ix");
    assert!(build(&[&tiny, &records], &out, &["-q"]).status.success());
    let r = json_results(&out, "gardening\nportal\n");
    assert_eq!(r[0][0]["url"], "/hello");
    assert_eq!(r[1][0]["id"], "kb-1");
    assert_eq!(r[1][0]["anchor"], "steps");
}

#[test]
fn build_summary_counts_skipped_pages_and_globs_pick_files() {
    let site = tempfile::tempdir().unwrap();
    let page =
        |title: &str| format!("<main><h1>{title}</h1><p>Words of the {title} page.</p></main>");
    for (name, html) in [
        ("guide/sign-in.html", page("Sign in")),
        ("guide/sign-out.html", page("Sign out")),
        ("404.html", page("Not found")),
        (
            "old.html",
            "<meta http-equiv=\"refresh\" content=\"0; url=guide/\">".into(),
        ),
        ("_static/theme.html", page("Theme")),
        ("drafts/x.html", page("Draft")),
    ] {
        let path = site.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, html).unwrap();
    }
    let out_dir = site.path().join("helpdex");
    let out = build(
        &[site.path()],
        &out_dir,
        &["--exclude", "_static/**", "--exclude", "drafts/*"],
    );
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("indexed 2 articles"), "{stderr}");
    assert!(
        stderr.contains("skipped 1 error page, 2 files (--include/--exclude), 1 redirect"),
        "{stderr}"
    );
    let out = build(
        &[site.path()],
        &out_dir,
        &["--include", "guide/sign-in.html"],
    );
    assert!(
        text(&out.stderr).contains("indexed 1 articles"),
        "{}",
        text(&out.stderr)
    );
    let out = build(&[site.path()], &out_dir, &["--include", "guide/[x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bad glob \"guide/[x\""),
        "{}",
        text(&out.stderr)
    );
}
