//! `helpdex gaps` on a realistic event log: customers searching en-help (`../shared`) with the
//! shared queries, misspelled or not, and with needs the help center does not cover. The log
//! is generated from a seed; every search's results come from the engine itself.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use helpdex_core::SearchOptions;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Needs en-help does not answer, each with its spellings and how many searches it gets: the
/// report must list them first, in this order, each as one group.
const UNANSWERED: &[(&[&str], u32)] = &[
    (&["kubernetes", "kubernets", "kubernetes "], 260),
    (&["mortgage", "mortage"], 190),
    (&["snowboard wax", "snowbord wax", "wax snowboard"], 150),
    (&["karaoke", "karoake"], 110),
    (&["horoscope zodiac", "horoscop zodiac"], 80),
];

/// xorshift64*: a fixed sequence from a seed, enough to pick queries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Query {
    text: String,
    relevant: Vec<String>,
}

fn shared_queries() -> Vec<Query> {
    ["en-help.jsonl", "en-help-natural.jsonl"]
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(shared().join("queries").join(f)).unwrap();
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    Query {
                        text: v["q"].as_str().unwrap().to_string(),
                        relevant: (v["relevant"].as_array().unwrap().iter())
                            .map(|r| r.as_str().unwrap().to_string())
                            .collect(),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_unanswered_needs_lead_the_report_with_their_misspellings_merged() {
    let dir = tempfile::tempdir().unwrap();
    let index_dir = dir.path().join("index");
    let status = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .arg("build")
        .arg(shared().join("corpora/en-help.jsonl.gz"))
        .arg("--out")
        .arg(&index_dir)
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(status.success());
    let index = helpdex::index_dir::open(&index_dir).unwrap();
    let options = SearchOptions {
        limit: 10,
        typos: true,
    };
    let search = |q: &str| -> Vec<String> {
        let plan = index.plan(q, true);
        let hits = index.search(&plan, &options).unwrap();
        (hits.iter())
            .map(|h| index.fragment(h.doc).unwrap().page.id.clone())
            .collect()
    };

    // The searches, in a shuffled order over 30 days.
    let mut intents: Vec<Query> = Vec::new();
    let answered = shared_queries();
    let mut rng = Rng(0x5eed_0f6a_9500);
    for _ in 0..7_000 {
        let q = &answered[rng.below(answered.len())];
        intents.push(Query {
            text: q.text.clone(),
            relevant: q.relevant.clone(),
        });
    }
    for (spellings, searches) in UNANSWERED {
        for s in spellings.iter() {
            assert!(search(s).is_empty(), "{s:?} must find nothing in en-help");
        }
        for i in 0..*searches {
            // The first spelling most often, as people mostly spell right.
            let s = if i % 3 == 2 {
                spellings[1 + rng.below(spellings.len() - 1)]
            } else {
                spellings[0]
            };
            intents.push(Query {
                text: s.to_string(),
                relevant: Vec::new(),
            });
        }
    }
    for i in (1..intents.len()).rev() {
        intents.swap(i, rng.below(i + 1));
    }

    let mut log = String::new();
    let mut events = 0;
    let start_ms: u64 = 1_790_000_000_000;
    for (n, q) in intents.iter().enumerate() {
        let time = start_ms + (n as u64 * 30 * 86_400_000) / intents.len() as u64;
        let results = search(&q.text);
        let top: Vec<&String> = results.iter().take(5).collect();
        let intent = format!("i{n}");
        let kind = if results.is_empty() {
            "no-results"
        } else {
            "search"
        };
        let line = serde_json::json!({"type": kind, "time": time, "query": q.text, "results": results.len(), "top": top, "lang": "en", "intent": intent});
        writeln!(log, "{line}").unwrap();
        events += 1;
        // Most customers choose the answer when they see it, and a few choose something else.
        let chosen = results.iter().position(|r| q.relevant.contains(r));
        let choice = match (chosen, rng.below(10)) {
            (Some(rank), 0..=6) => Some(rank),
            (_, 9) if !results.is_empty() => Some(rng.below(results.len())),
            _ => None,
        };
        if let Some(rank) = choice {
            let line = serde_json::json!({"type": "select", "time": time + 4_000, "query": q.text, "id": results[rank], "rank": rank + 1, "intent": intent});
            writeln!(log, "{line}").unwrap();
            events += 1;
        }
    }
    // Readers' answers on two articles: the first by id, the second by its page's path (a
    // page that names no id), so both must resolve to titles.
    let liked_less = &answered[0].relevant[0];
    let by_path = &answered[1].relevant[0];
    let doc_of = |id: &str| {
        (0..index.docs())
            .find(|&d| index.fragment(d).unwrap().page.id == id)
            .unwrap()
    };
    let second_url = &index.fragment(doc_of(by_path)).unwrap().page.url;
    let second_path = &second_url[second_url.find("://").unwrap() + 3..];
    let second_path = &second_path[second_path.find('/').unwrap()..];
    for (article, helpful, reason, times) in [
        (liked_less.as_str(), false, Some("unclear"), 30),
        (liked_less.as_str(), false, None, 4),
        (liked_less.as_str(), true, None, 6),
        (second_path, false, Some("unsolved"), 12),
    ] {
        for _ in 0..times {
            let line = serde_json::json!({"type": "feedback", "time": start_ms, "article": article, "helpful": helpful, "reason": reason});
            writeln!(log, "{line}").unwrap();
            events += 1;
        }
    }
    assert!(events >= 10_000, "{events} events");
    // Half the log gzipped, with a bad line in the plain half: both are read, the bad line
    // reported with its place.
    let lines: Vec<&str> = log.lines().collect();
    let (first, second) = lines.split_at(lines.len() / 2);
    let plain = dir.path().join("events-1.jsonl");
    std::fs::write(&plain, format!("{}\n{{not an event\n", first.join("\n"))).unwrap();
    let gz = dir.path().join("events-2.jsonl.gz");
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(second.join("\n").as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let html = dir.path().join("gaps.html");

    let out = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .args(["gaps", "--json", "--top", "10", "--index"])
        .arg(&index_dir)
        .arg(&plain)
        .arg(&gz)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("events-1.jsonl:"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["bad_lines"], 1);
    assert_eq!(report["summary"]["events"], events);

    let gaps = report["no_results"].as_array().unwrap();
    for (i, (spellings, searches)) in UNANSWERED.iter().enumerate() {
        let gap = &gaps[i];
        assert_eq!(gap["query"], spellings[0], "gap {i}: {gap}");
        assert_eq!(gap["searches"], *searches, "gap {i}: {gap}");
        let variants: Vec<&str> = (gap["variants"].as_array().unwrap().iter())
            .map(|v| v[0].as_str().unwrap())
            .collect();
        for s in spellings.iter() {
            assert!(variants.contains(s), "{s:?} not merged into {gap}");
        }
        assert_eq!(gap["found_now"], false);
    }
    // Every answered query finds results, so no other group has none.
    assert_eq!(gaps.len(), UNANSWERED.len(), "{gaps:?}");
    let unhelpful = report["unhelpful"].as_array().unwrap();
    assert_eq!(unhelpful.len(), 2, "{unhelpful:?}");
    assert_eq!(unhelpful[0]["article"]["id"], liked_less.as_str());
    assert_eq!(unhelpful[0]["not_helpful"], 34);
    assert_eq!(unhelpful[0]["helpful"], 6);
    assert_eq!(
        unhelpful[0]["reasons"][0],
        serde_json::json!(["unclear", 30])
    );
    assert_eq!(unhelpful[1]["article"]["id"], by_path.as_str());
    assert!(!unhelpful[1]["article"]["title"]
        .as_str()
        .unwrap()
        .is_empty());
    // No suggestion events, no suggestion section.
    assert!(report.get("suggestions").is_none());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("kubernetes") && page.contains("<svg"));
}

#[test]
fn suggestions_under_a_contact_form_report_their_deflection_rate() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("articles.jsonl");
    std::fs::write(
        &records,
        concat!(
            r#"{"id":"reset","url":"/reset","title":"Reset your password","body":"Open Settings."}"#,
            "\n",
            r#"{"id":"freeze","url":"/freeze","title":"Outlook freezes","body":"Turn off add-ins."}"#,
            "\n",
        ),
    )
    .unwrap();
    let index_dir = dir.path().join("index");
    let built = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .arg("build")
        .arg(&records)
        .arg("--out")
        .arg(&index_dir)
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(built.success());
    // Ten messages shown suggestions: six open one (two of those are sent anyway), two are
    // hidden, two are sent without opening anything. Deflected: four of ten.
    let mut log = String::new();
    for m in 0..10 {
        let intent = format!("m{m}");
        let line = serde_json::json!({"type": "suggest", "time": 0, "lang": "en", "results": 2, "top": ["freeze", "reset"], "intent": intent});
        writeln!(log, "{line}").unwrap();
        if m < 6 {
            let line = serde_json::json!({"type": "suggest-select", "time": 1, "id": "freeze", "rank": 1, "intent": intent});
            writeln!(log, "{line}").unwrap();
        }
        let end = match m {
            4 | 5 | 8 | 9 => Some(true),
            6 | 7 => Some(false),
            _ => None,
        };
        if let Some(submitted) = end {
            let line = serde_json::json!({"type": "suggest-dismissed", "time": 2, "intent": intent, "submitted": submitted});
            writeln!(log, "{line}").unwrap();
        }
    }
    let events = dir.path().join("events.jsonl");
    std::fs::write(&events, log).unwrap();
    let gaps = |json: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_helpdex"));
        command
            .args(["gaps", "--index"])
            .arg(&index_dir)
            .arg(&events);
        if json {
            command.arg("--json");
        }
        let out = command.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let report: serde_json::Value = serde_json::from_str(&gaps(true)).unwrap();
    let s = &report["suggestions"];
    assert_eq!(
        [
            &s["shown"],
            &s["opened"],
            &s["submitted"],
            &s["hidden"],
            &s["deflected"]
        ],
        [10, 6, 4, 2, 4]
    );
    assert_eq!(s["deflection_rate"], 0.4);
    assert_eq!(s["articles"][0]["article"]["title"], "Outlook freezes");
    assert_eq!(
        [
            &s["articles"][0]["suggested"],
            &s["articles"][0]["opened"],
            &s["articles"][0]["sent_after_opening"]
        ],
        [10, 6, 2]
    );
    assert_eq!(report["summary"]["other_events"], 0);
    let text = gaps(false);
    assert!(text.contains("deflected 4 (40.0 %)"), "{text}");
}
