//! Relevance on the real corpora (`../shared`): every query set keeps its MRR@10, per kind, and
//! the questions that showed the ranking's weak spots find their article. A ranking change that
//! costs any kind fails here; the figures themselves are reported by `tests/relevance/score.mjs`
//! and the benchmark.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> PathBuf {
    root().join("../shared")
}

/// (corpus, query file, kind, lowest MRR@10 allowed): the figures when the question ranking
/// landed, less a margin of 0.002.
const FLOORS: &[(&str, &str, &str, f64)] = &[
    ("en-help", "shared/queries/en-help.jsonl", "exact", 0.974),
    ("en-help", "shared/queries/en-help.jsonl", "typo", 0.966),
    ("en-help", "shared/queries/en-help.jsonl", "prefix", 0.961),
    (
        "en-help",
        "shared/queries/en-help-natural.jsonl",
        "natural",
        0.784,
    ),
    (
        "en-help",
        "tests/relevance/en-help-questions.jsonl",
        "natural",
        0.796,
    ),
    ("zh-help", "shared/queries/zh-help.jsonl", "exact", 0.914),
    ("zh-help", "shared/queries/zh-help.jsonl", "typo", 0.914),
    ("zh-help", "shared/queries/zh-help.jsonl", "prefix", 0.908),
    ("zh-help", "shared/queries/zh-help.jsonl", "pinyin", 0.914),
    (
        "zh-help",
        "shared/queries/zh-help-natural.jsonl",
        "natural",
        0.630,
    ),
    (
        "zh-help",
        "tests/relevance/zh-help-questions.jsonl",
        "natural",
        0.620,
    ),
];

/// Questions from the issue that set out to fix question ranking, with the article that
/// answers each and the rank it must reach at least.
const EXAMPLES: &[(&str, &str, &str, usize)] = &[
    (
        "en-help",
        "how can I tell which office license I have",
        "Microsoft365/admin/licensing/determine-office-license-type.md",
        5,
    ),
    (
        "en-help",
        "outlook keeps freezing",
        "Outlook/Client/performance/outlook-not-responding-error-or-outlook-freezes.md",
        2,
    ),
    (
        "en-help",
        "out of office not working",
        "Outlook/Client/user-interface/out-of-office-feature-not-working-correctly.md",
        5,
    ),
    (
        "en-help",
        "archive mailbox not visible",
        "Exchange/ExchangeOnline/outlook-on-the-web-issues/archive-mailbox-not-visible.md",
        1,
    ),
    (
        "zh-help",
        "忘记root密码怎么办",
        "user-account-management.md",
        2,
    ),
    (
        "zh-help",
        "如何备份整个集群",
        "br/backup-and-restore-overview.md",
        2,
    ),
];

fn build(corpus: &str, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .arg("build")
        .arg(shared().join(format!("corpora/{corpus}.jsonl.gz")))
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "building {corpus}");
}

/// The ranked ids of each query, one `helpdex search` for all of them.
fn ranked(index: &Path, queries: &[String]) -> Vec<Vec<String>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .args(["search", "--json", "--index"])
        .arg(index)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let text: String = queries.iter().map(|q| format!("{q}\n")).collect();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()).unwrap());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(output.status.success());
    let lines: Vec<Vec<String>> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let results: Vec<serde_json::Value> = serde_json::from_str(line).unwrap();
            (results.iter())
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(lines.len(), queries.len());
    lines
}

/// Query texts and relevant ids of `kind` in a query file.
fn queries(path: &Path, kind: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|q| q["kind"] == kind)
        .map(|q| {
            let relevant = q["relevant"].as_array().unwrap().iter();
            let relevant = relevant
                .map(|id| id.as_str().unwrap().to_string())
                .collect();
            (q["q"].as_str().unwrap().replace('\n', " "), relevant)
        })
        .collect()
}

fn mrr(ranked: &[Vec<String>], relevant: &[Vec<String>]) -> f64 {
    let rr = ranked.iter().zip(relevant).map(|(ids, rel)| {
        let at = ids.iter().take(10).position(|id| rel.contains(id));
        at.map_or(0.0, |i| 1.0 / (i + 1) as f64)
    });
    rr.sum::<f64>() / ranked.len() as f64
}

#[test]
fn every_query_kind_keeps_its_relevance_and_the_issue_questions_find_their_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for corpus in ["en-help", "zh-help"] {
        let index = dir.path().join(corpus);
        build(corpus, &index);
        for &(c, file, kind, floor) in FLOORS.iter().filter(|f| f.0 == corpus) {
            let path = match file.strip_prefix("shared/") {
                Some(rest) => shared().join(rest),
                None => root().join(file),
            };
            let (texts, relevant): (Vec<String>, Vec<Vec<String>>) =
                queries(&path, kind).into_iter().unzip();
            assert!(!texts.is_empty(), "{file} has no {kind} queries");
            let got = mrr(&ranked(&index, &texts), &relevant);
            if got < floor {
                failures.push(format!("{c} {file} {kind}: MRR@10 {got:.3} < {floor}"));
            }
        }
        let examples: Vec<_> = EXAMPLES.iter().filter(|e| e.0 == corpus).collect();
        let texts: Vec<String> = examples.iter().map(|e| e.1.to_string()).collect();
        for (e, ids) in examples.iter().zip(ranked(&index, &texts)) {
            let rank = ids.iter().position(|id| id.ends_with(&format!(":{}", e.2)));
            if rank.is_none_or(|r| r + 1 > e.3) {
                failures.push(format!(
                    "{:?}: {} at {rank:?}, wanted top {}",
                    e.1, e.2, e.3
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
