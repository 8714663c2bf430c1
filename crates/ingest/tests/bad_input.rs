//! Bad input loses nothing: each bad article becomes one problem that says where and why, and
//! every other article is still read.

use std::fs;
use std::io::Write;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use helpdex_ingest::{read, Error, Ingested, Options, Problem, Reason, SkipReason, Sources};
use tempfile::TempDir;

const GOOD: &[u8] = b"---\ntitle: Good article\n---\nSome text.\n";

/// A folder holding `good.md` and the given files.
fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", GOOD);
    for (name, content) in files {
        write(dir.path(), name, content);
    }
    dir
}

fn write(dir: &Path, name: &str, content: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn ingest_with(inputs: &[PathBuf], opts: &Options) -> Ingested {
    read(Sources::discover(inputs, opts).unwrap(), opts, &|_| {})
}

fn ingest(dir: &TempDir) -> Ingested {
    ingest_with(&[dir.path().to_path_buf()], &Options::default())
}

fn ids(ingested: &Ingested) -> Vec<&str> {
    ingested
        .articles
        .iter()
        .map(|a| a.page.id.as_str())
        .collect()
}

/// The only problem, shown relative to `dir`.
fn only_problem(ingested: &Ingested, dir: &Path) -> String {
    assert_eq!(ingested.problems.len(), 1, "{:?}", ingested.problems);
    relative(&ingested.problems[0], dir)
}

fn relative(problem: &Problem, dir: &Path) -> String {
    problem
        .to_string()
        .replace(&format!("{}/", dir.display()), "")
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_line() {
    let dir = folder(&[
        ("latin1.md", b"---\ntitle: ok\n---\n\nCaf\xe9\n"),
        (
            "page.html",
            b"<html><body><h1>Crop</h1>\n<p>Tool \xff options</p></body></html>",
        ),
    ]);
    let ingested = ingest(&dir);
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    let warnings: Vec<String> = (ingested.warnings.iter())
        .map(|w| relative(w, dir.path()))
        .collect();
    assert_eq!(
        warnings,
        [
            "latin1.md:5: not valid UTF-8: bad bytes replaced with \u{FFFD}, the rest indexed",
            "page.html:2: not valid UTF-8: bad bytes replaced with \u{FFFD}, the rest indexed",
        ]
    );
    assert_eq!(ids(&ingested), ["good.md", "latin1.md", "page.html"]);
    let page = ingested
        .articles
        .iter()
        .find(|a| a.page.id == "page.html")
        .unwrap();
    assert!(page
        .page
        .parts
        .iter()
        .any(|p| p.text.contains("Tool \u{FFFD} options")));
}

#[test]
fn broken_front_matter_names_the_line() {
    let dir = folder(&[
        ("yaml.md", b"---\ntitle: a\ntags: [x, y\n---\nText"),
        ("toml.md", b"+++\ntitle = \"a\"\ndate = \n+++\nText"),
        ("open.md", b"---\ntitle: never closed\n\nText"),
    ]);
    let ingested = ingest(&dir);
    let problems: Vec<String> = ingested
        .problems
        .iter()
        .map(|p| relative(p, dir.path()))
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems[0],
        "open.md:1: broken front matter: the opening `---` is never closed"
    );
    assert!(
        problems[1].starts_with("toml.md:3: broken front matter: "),
        "{problems:?}"
    );
    assert!(problems[2].starts_with("yaml.md:") && problems[2].contains("broken front matter"));
    assert_eq!(ids(&ingested), ["good.md"]);
}

#[test]
fn unreadable_file_is_a_problem() {
    // Tests run as root, which reads any file; a dangling symlink cannot be read by anyone.
    let dir = folder(&[]);
    symlink(dir.path().join("missing.md"), dir.path().join("gone.md")).unwrap();
    // Dangling links that would not be read anyway are not reported.
    symlink(dir.path().join("missing.png"), dir.path().join("logo.png")).unwrap();
    let ingested = ingest(&dir);
    let problem = only_problem(&ingested, dir.path());
    assert!(problem.starts_with("gone.md: cannot read: "), "{problem}");
    assert_eq!(ids(&ingested), ["good.md"]);
}

#[test]
fn a_folder_named_like_markdown_is_walked_not_read() {
    let dir = folder(&[("x.md/inner.md", GOOD)]);
    let ingested = ingest(&dir);
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    assert_eq!(ids(&ingested), ["good.md", "x.md/inner.md"]);
    // Given as an argument, it is walked as a folder too.
    let inner = ingest_with(&[dir.path().join("x.md")], &Options::default());
    assert_eq!(ids(&inner), ["inner.md"]);
}

#[test]
fn binary_file_is_a_problem() {
    let dir = folder(&[("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")]);
    let ingested = ingest(&dir);
    assert_eq!(
        only_problem(&ingested, dir.path()),
        "image.md: binary file (contains NUL bytes)"
    );
    assert_eq!(ids(&ingested), ["good.md"]);
}

#[test]
fn files_over_the_cap_are_problems_that_name_the_cap() {
    let dir = folder(&[("big.md", &[b'a'; 2048])]);
    let opts = Options {
        max_article_bytes: 1024,
        ..Options::default()
    };
    let sources = Sources::discover(&[dir.path().to_path_buf()], &opts).unwrap();
    assert_eq!(sources.len(), 1, "the big file is not read at all");
    assert_eq!(sources.total_bytes(), GOOD.len() as u64);
    let ingested = read(sources, &opts, &|_| {});
    assert_eq!(
        only_problem(&ingested, dir.path()),
        "big.md: 2048 bytes is over the 1 KiB cap per article (max_article_bytes)"
    );
    assert_eq!(ids(&ingested), ["good.md"]);
    // The default cap is 8 MiB.
    assert_eq!(Options::default().max_article_bytes, 8 << 20);
}

#[test]
fn json_lines_over_the_cap_are_problems() {
    let dir = tempfile::tempdir().unwrap();
    let long_body = "x".repeat(300);
    let jsonl = format!(
        "{{\"id\":\"a\",\"url\":\"/a\",\"title\":\"A\",\"body\":\"short\"}}\n\
         {{\"id\":\"b\",\"url\":\"/b\",\"title\":\"B\",\"body\":\"{long_body}\"}}\n\
         {{\"id\":\"c\",\"url\":\"/c\",\"title\":\"C\",\"body\":\"short\"}}\n"
    );
    write(dir.path(), "records.jsonl", jsonl.as_bytes());
    let opts = Options {
        max_article_bytes: 200,
        ..Options::default()
    };
    let ingested = ingest_with(&[dir.path().join("records.jsonl")], &opts);
    assert_eq!(
        only_problem(&ingested, dir.path()),
        "records.jsonl:2: 343 bytes is over the 200-byte cap per article (max_article_bytes)"
    );
    assert_eq!(ids(&ingested), ["a", "c"]);
}

#[test]
fn duplicate_ids_keep_the_first_and_name_both() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    write(first.path(), "guide/start.md", b"# Start\n\nFirst copy.");
    write(
        second.path(),
        "guide/start.md",
        b"# Start again\n\nSecond copy.",
    );
    let ingested = ingest_with(
        &[first.path().to_path_buf(), second.path().to_path_buf()],
        &Options::default(),
    );
    assert_eq!(ingested.articles.len(), 1);
    assert_eq!(ingested.articles[0].page.title, "Start");
    assert_eq!(ingested.problems.len(), 1);
    assert_eq!(
        ingested.problems[0].to_string(),
        format!(
            "{}/guide/start.md: duplicate id \"guide/start.md\": already used by {}/guide/start.md",
            second.path().display(),
            first.path().display()
        )
    );
}

#[test]
fn duplicate_ids_in_json_lines_name_both_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.jsonl",
        b"{\"id\":\"x\",\"url\":\"/1\",\"title\":\"One\",\"body\":\"\"}\n\
          {\"id\":\"y\",\"url\":\"/2\",\"title\":\"Two\",\"body\":\"\"}\n\
          {\"id\":\"x\",\"url\":\"/3\",\"title\":\"Three\",\"body\":\"\"}\n",
    );
    let ingested = ingest_with(&[dir.path().join("r.jsonl")], &Options::default());
    assert_eq!(
        only_problem(&ingested, dir.path()),
        "r.jsonl:3: duplicate id \"x\": already used by r.jsonl:1"
    );
    let titles: Vec<&str> = ingested
        .articles
        .iter()
        .map(|a| a.page.title.as_str())
        .collect();
    assert_eq!(titles, ["One", "Two"]);
}

#[test]
fn duplicate_urls_keep_both_and_warn_naming_both() {
    let dir = folder(&[
        ("a.md", b"---\ntitle: A\nurl: /same/\n---\nA text"),
        ("b.md", b"---\ntitle: B\npermalink: /same/\n---\nB text"),
    ]);
    let ingested = ingest(&dir);
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    assert_eq!(ingested.warnings.len(), 1);
    assert_eq!(
        relative(&ingested.warnings[0], dir.path()),
        "b.md: duplicate url \"/same/\": already used by a.md"
    );
    assert_eq!(ids(&ingested), ["a.md", "b.md", "good.md"]);
}

#[test]
fn symlink_loop_is_a_problem() {
    let dir = folder(&[("sub/page.md", GOOD)]);
    symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let ingested = ingest(&dir);
    assert_eq!(
        only_problem(&ingested, dir.path()),
        format!(
            "sub/loop: symlink loop: leads back to {}",
            dir.path().display()
        )
    );
    assert_eq!(ids(&ingested), ["good.md", "sub/page.md"]);
}

#[test]
fn empty_articles_are_problems() {
    let dir = folder(&[
        ("empty.md", b""),
        (
            "blank.md",
            b"---\ndescription: nothing else\n---\n\n<!-- a comment -->\n\n![img](a.png)\n",
        ),
        ("empty.html", b"<html><body><nav>menu</nav></body></html>"),
        // A title alone is enough to be found.
        ("title-only.md", b"---\ntitle: Coming soon\n---\n"),
    ]);
    let ingested = ingest(&dir);
    let problems: Vec<String> = ingested
        .problems
        .iter()
        .map(|p| relative(p, dir.path()))
        .collect();
    assert_eq!(
        problems,
        [
            "blank.md: empty article: no title and no text",
            "empty.html: empty article: no title and no text",
            "empty.md: empty article: no title and no text",
        ]
    );
    assert_eq!(ids(&ingested), ["good.md", "title-only.md"]);
}

#[test]
fn drafts_are_skipped_not_problems() {
    let dir = folder(&[
        ("wip.md", b"---\ntitle: WIP\ndraft: true\n---\nText"),
        ("wip2.md", b"+++\ntitle = \"WIP\"\ndraft = true\n+++\nText"),
    ]);
    let ingested = ingest(&dir);
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    let skipped: Vec<String> = ingested
        .skipped
        .iter()
        .map(|s| {
            s.to_string()
                .replace(&format!("{}/", dir.path().display()), "")
        })
        .collect();
    assert_eq!(skipped, ["wip.md: draft", "wip2.md: draft"]);
    assert_eq!(ingested.skipped[0].reason, SkipReason::Draft);
    assert_eq!(ids(&ingested), ["good.md"]);
}

#[test]
fn bad_json_lines_are_reported_by_line_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.jsonl",
        b"{\"id\":\"1\",\"url\":\"/1\",\"title\":\"One\",\"body\":\"# One\\n\\nText\"}\n\
          {not json}\n\
          \n\
          {\"url\":\"/4\",\"title\":\"No id\",\"body\":\"\"}\n\
          {\"id\":\"5\",\"url\":\"/5\",\"title\":[\"wrong\"],\"body\":\"\"}\n\
          {\"id\":\"6\",\"url\":\"/6\",\"title\":\"\xff\",\"body\":\"\"}\n\
          {\"id\":\"7\",\"url\":\"/7\",\"title\":\"Seven\"}\n",
    );
    let ingested = ingest_with(&[dir.path().join("r.jsonl")], &Options::default());
    let problems: Vec<String> = ingested
        .problems
        .iter()
        .map(|p| relative(p, dir.path()))
        .collect();
    assert_eq!(
        problems,
        [
            "r.jsonl:2: bad record: key must be a string (column 2)",
            "r.jsonl:4: bad record: missing field `id` (column 38)",
            "r.jsonl:5: bad record: invalid type: sequence, expected a string (column 29)",
            "r.jsonl:6: not valid UTF-8",
        ]
    );
    assert_eq!(ids(&ingested), ["1", "7"]);
    assert!(matches!(ingested.problems[1].reason, Reason::BadRecord(_)));
}

#[test]
fn corrupt_gzip_keeps_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..2000 {
        writeln!(
            gz,
            "{{\"id\":\"{i}\",\"url\":\"/{i}\",\"title\":\"Article {i}\",\"body\":\"Text {i}\"}}"
        )
        .unwrap();
    }
    let mut bytes = gz.finish().unwrap();
    let cut = bytes.len() * 2 / 3;
    bytes.truncate(cut);
    write(dir.path(), "cut.jsonl.gz", &bytes);
    let ingested = ingest_with(&[dir.path().join("cut.jsonl.gz")], &Options::default());
    assert_eq!(ingested.problems.len(), 1, "{:?}", ingested.problems);
    let problem = &ingested.problems[0];
    assert!(matches!(problem.reason, Reason::Unreadable(_)), "{problem}");
    let read_before = ingested.articles.len() as u64;
    assert!(read_before > 100 && read_before < 2000, "{read_before}");
    assert!(problem.line.unwrap() > read_before);
}

#[test]
fn a_missing_input_is_the_only_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = Sources::discover(std::slice::from_ref(&missing), &Options::default()).unwrap_err();
    assert!(matches!(err, Error::Input { ref path, .. } if *path == missing));
    assert!(err
        .to_string()
        .starts_with(&format!("{}: ", missing.display())));

    write(dir.path(), "notes.txt", b"text");
    let err = Sources::discover(&[dir.path().join("notes.txt")], &Options::default()).unwrap_err();
    assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
}

#[test]
fn duplicates_in_a_one_line_tinysearch_file_keep_the_earlier_entry() {
    let dir = tempfile::tempdir().unwrap();
    let entries: Vec<String> = (0..50)
        .map(|i| format!("{{\"title\":\"Copy {i}\",\"url\":\"/same/\",\"body\":\"\"}}"))
        .collect();
    write(
        dir.path(),
        "index.json",
        format!("[{}]", entries.join(",")).as_bytes(),
    );
    let ingested = ingest_with(&[dir.path().join("index.json")], &Options::default());
    assert_eq!(ingested.articles.len(), 1);
    assert_eq!(ingested.articles[0].page.title, "Copy 0");
    assert_eq!(ingested.problems.len(), 49);
    assert!(ingested.problems.iter().all(|p| p.line == Some(1)
        && matches!(&p.reason, Reason::DuplicateId { id, .. } if id == "/same/")));
}
