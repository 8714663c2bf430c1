//! `helpdex audit` on a fixture whose findings are known by construction
//! (`tests/fixtures/audit`): every kind, links and anchors across folders, `--fail-on`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn audit(args: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .arg("audit")
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    (code, json)
}

fn fixture() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit");
    dir.display().to_string()
}

/// (kind, article, detail) of every finding.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    (report["findings"].as_array().unwrap().iter())
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (s("kind"), s("article"), s("detail"))
        })
        .collect()
}

#[test]
fn the_fixture_gives_exactly_its_known_findings() {
    let fixture = fixture();
    let (code, report) = audit(&[
        &fixture,
        "--json",
        "--today",
        "2026-12-01",
        "--max-words",
        "500",
    ]);
    assert_eq!(code, 0);
    assert_eq!(report["articles"], 6);
    let all = findings(&report);
    let of = |kind: &str| -> Vec<(&str, &str)> {
        (all.iter())
            .filter(|f| f.0 == kind)
            .map(|f| (f.1.as_str(), f.2.as_str()))
            .collect()
    };
    assert_eq!(of("broken-links"), [("reset-password.md", "old-page.md")]);
    assert_eq!(
        of("broken-anchors"),
        [
            ("reset-password.md", "#faq"),
            ("reset-password.md", "guide/setup.md#step-9")
        ]
    );
    assert_eq!(of("stale"), [("reset-password.md", "updated 2020-01-15")]);
    assert_eq!(
        of("undated"),
        [
            ("printers-copy.md", ""),
            ("printers.md", "`updated` \"soon\" is not a date")
        ]
    );
    assert_eq!(
        of("duplicate-titles"),
        [
            ("guide/setup-again.md", "guide/setup.md"),
            ("guide/setup.md", "guide/setup-again.md")
        ]
    );
    let bodies = of("duplicate-bodies");
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    assert!(bodies[0].0 == "printers-copy.md" && bodies[0].1.ends_with("like printers.md"));
    let articles = |kind: &str| -> Vec<&str> { of(kind).into_iter().map(|f| f.0).collect() };
    assert_eq!(articles("no-headings"), ["printers-copy.md", "printers.md"]);
    assert_eq!(articles("too-long"), ["printers-copy.md", "printers.md"]);
    assert_eq!(
        articles("no-description"),
        [
            "guide/setup-again.md",
            "index.md",
            "printers-copy.md",
            "printers.md",
            "reset-password.md"
        ]
    );
}

#[test]
fn fail_on_names_the_kinds_that_fail_a_ci_run() {
    let fixture = fixture();
    let fail_on = |kinds: &str| {
        let args = [
            fixture.as_str(),
            "--json",
            "--today",
            "2026-12-01",
            "--fail-on",
            kinds,
        ];
        audit(&args).0
    };
    assert_eq!(fail_on("broken-links,stale"), 1);
    let code = fail_on("too-long");
    assert_eq!(code, 0, "nothing is over 5,000 words");
    let out = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .args(["audit", &fixture, "--fail-on", "broken"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind \"broken\""));
}
