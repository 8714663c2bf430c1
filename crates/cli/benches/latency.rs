//! Query latency, measured the way people search: one keystroke at a time.
//!
//! For every query of a query set, every prefix of it (`o`, `ou`, `out`, …) is searched with
//! typo tolerance on, and each search is timed from the raw text to presented results (plan,
//! search, excerpts for the top 10). One warm-up pass first; then the median of `--runs`
//! passes for each percentile is reported, with the spread across passes.
//!
//! ```text
//! cargo bench -p helpdex --bench latency -- INDEX_DIR QUERIES.jsonl [--runs 5] [--json]
//!     [--slowest N]     (also list the N slowest keystrokes, by their fastest pass)
//! ```
//! Query files are JSON Lines with a `"q"` field, like `../shared/queries/*.jsonl`; a plain
//! text file (one query per line) works too.

use std::path::PathBuf;
use std::time::Instant;

use helpdex::index_dir;
use helpdex_core::{Index, SearchOptions};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let (Some(dir), Some(queries)) = (args.next(), args.next()) else {
        eprintln!("usage: latency INDEX_DIR QUERIES [--runs N] [--json] [--slowest N]");
        std::process::exit(2);
    };
    let rest: Vec<String> = args.collect();
    let runs: usize = rest
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| rest.get(i + 1)?.parse().ok())
        .unwrap_or(5);
    let json = rest.iter().any(|a| a == "--json");
    let slowest: usize = rest
        .iter()
        .position(|a| a == "--slowest")
        .and_then(|i| rest.get(i + 1)?.parse().ok())
        .unwrap_or(0);

    let index = index_dir::open(&PathBuf::from(&dir)).unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        std::process::exit(2)
    });
    let keystrokes = keystrokes(&std::fs::read_to_string(&queries).expect("read queries"));
    let options = SearchOptions::default();

    pass(&index, &keystrokes, &options); // warm-up
    let passes: Vec<Vec<[f64; 4]>> = (0..runs)
        .map(|_| pass(&index, &keystrokes, &options))
        .collect();
    let stat_of = |phase: usize, p: f64| {
        let mut per_pass: Vec<f64> = passes
            .iter()
            .map(|t| percentile(&t.iter().map(|x| x[phase]).collect::<Vec<_>>(), p))
            .collect();
        per_pass.sort_by(f64::total_cmp);
        (
            per_pass[per_pass.len() / 2],
            per_pass[0],
            per_pass[per_pass.len() - 1],
        )
    };
    let stat = |p: f64| stat_of(0, p);
    let (p50, p95, p99, max) = (stat(0.50), stat(0.95), stat(0.99), stat(1.0));
    // Each keystroke's fastest pass: preemption on a busy machine only ever adds time, so this
    // is the statistic to compare builds by when the machine is not quiet.
    let fastest: Vec<f64> = (0..keystrokes.len())
        .map(|k| passes.iter().map(|t| t[k][0]).fold(f64::INFINITY, f64::min))
        .collect();
    if json {
        println!(
            "{{\"index\":{dir:?},\"queries\":{queries:?},\"keystrokes\":{},\"runs\":{runs},\
             \"p50_ms\":{:.4},\"p95_ms\":{:.4},\"p99_ms\":{:.4},\"max_ms\":{:.4}}}",
            keystrokes.len(),
            p50.0,
            p95.0,
            p99.0,
            max.0
        );
    } else {
        println!(
            "{dir} × {queries}: {} keystrokes, {runs} passes",
            keystrokes.len()
        );
        for (name, (median, low, high)) in [("p50", p50), ("p95", p95), ("p99", p99), ("max", max)]
        {
            println!("  {name}: {median:.3} ms (passes {low:.3}–{high:.3})");
        }
        for (phase, name) in [(1, "plan"), (2, "search"), (3, "present")] {
            let (p50, p95) = (stat_of(phase, 0.5).0, stat_of(phase, 0.95).0);
            println!("  {name:>7} phase: p50 {p50:.3} ms, p95 {p95:.3} ms");
        }
        println!(
            "  each keystroke's fastest pass: p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            percentile(&fastest, 0.5),
            percentile(&fastest, 0.95),
            percentile(&fastest, 0.99),
            percentile(&fastest, 1.0)
        );
        let mut order: Vec<usize> = (0..keystrokes.len()).collect();
        order.sort_by(|&a, &b| fastest[b].total_cmp(&fastest[a]));
        for &k in order.iter().take(slowest) {
            println!("    {:.3} ms  {:?}", fastest[k], keystrokes[k]);
        }
    }
}

/// Every prefix of every query, as typed.
fn keystrokes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let q = match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => v["q"].as_str().unwrap_or_default().to_string(),
            Err(_) => line.to_string(),
        };
        let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        out.extend(ends.into_iter().map(|e| q[..e].to_string()));
    }
    out
}

/// Times each keystroke's search, in milliseconds: total, and the plan / search / present
/// phases.
fn pass(index: &Index, keystrokes: &[String], options: &SearchOptions) -> Vec<[f64; 4]> {
    // Like the browser module: each keystroke reuses the previous keystroke's word lookups.
    let mut previous = helpdex_core::Plan::default();
    keystrokes
        .iter()
        .map(|q| {
            let start = Instant::now();
            let plan = index.replan(&previous, q, options.typos);
            let planned = start.elapsed();
            let hits = index.search(&plan, options).expect("all chunks loaded");
            let searched = start.elapsed();
            let shown = hits.iter().filter_map(|h| index.present(&plan, h)).count();
            std::hint::black_box(shown);
            let total = start.elapsed();
            previous = plan;
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
            [
                ms(total),
                ms(planned),
                ms(searched - planned),
                ms(total - searched),
            ]
        })
        .collect()
}

fn percentile(times: &[f64], p: f64) -> f64 {
    let mut t = times.to_vec();
    t.sort_by(f64::total_cmp);
    t[((t.len() - 1) as f64 * p).round() as usize]
}
