//! `tinysearch-bench build --input RECORDS.jsonl --out DIR`
//!     Builds tinysearch's default (exact) index from plain-text records
//!     `{"id","title","text"}` and writes it to `DIR/storage`, the file that
//!     tinysearch's wasm crate embeds. Prints `{"docs","index_bytes","build_ms"}`.
//! `tinysearch-bench search --index DIR`
//!     Reads one query per stdin line and prints one JSON array of record ids
//!     per line (top 10), flushing after each so a driver can time round trips.

use std::collections::HashMap;
use std::error::Error;
use std::fs;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

use serde::Deserialize;
use tinysearch::{BasicPost, TinySearch};

const LIMIT: usize = 10;

#[derive(Deserialize)]
struct Record {
    id: String,
    title: String,
    text: String,
}

fn main() {
    if let Err(error) = run(std::env::args().skip(1).collect()) {
        eprintln!("tinysearch-bench: {error}");
        std::process::exit(1);
    }
}

fn run(args: Vec<String>) -> Result<(), Box<dyn Error>> {
    match args.first().map(String::as_str) {
        Some("build") => build(&flag(&args, "--input")?, &flag(&args, "--out")?),
        Some("search") => search(&flag(&args, "--index")?),
        _ => Err("usage: tinysearch-bench build --input FILE --out DIR | search --index DIR".into()),
    }
}

fn flag(args: &[String], name: &str) -> Result<PathBuf, Box<dyn Error>> {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|at| args.get(at + 1))
        .map(PathBuf::from)
        .ok_or_else(|| format!("missing {name} VALUE").into())
}

fn build(input: &PathBuf, out: &PathBuf) -> Result<(), Box<dyn Error>> {
    let text = fs::read_to_string(input)?;
    let posts = text
        .lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let record: Record = serde_json::from_str(line)?;
            // tinysearch identifies a result by its url; the record id is the
            // unique key the query sets use, so it goes there.
            Ok(BasicPost {
                title: record.title,
                url: record.id,
                body: Some(record.text),
                meta: HashMap::new(),
            })
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;

    let started = Instant::now();
    let engine = TinySearch::new();
    let index = engine.build_index(&posts)?;
    let bytes = engine.serialize_index(&index)?;
    let build_ms = started.elapsed().as_secs_f64() * 1000.0;

    fs::create_dir_all(out)?;
    fs::write(out.join("storage"), &bytes)?;
    println!(
        "{}",
        serde_json::json!({ "docs": posts.len(), "index_bytes": bytes.len(), "build_ms": build_ms })
    );
    Ok(())
}

fn search(dir: &PathBuf) -> Result<(), Box<dyn Error>> {
    let engine = TinySearch::new();
    let index = engine.load_index_from_bytes(&fs::read(dir.join("storage"))?)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for query in io::stdin().lock().lines() {
        let ids: Vec<&str> = engine
            .search(&index, &query?, LIMIT)
            .into_iter()
            .map(|post| post.url.as_str())
            .collect();
        writeln!(out, "{}", serde_json::to_string(&ids)?)?;
        out.flush()?;
    }
    Ok(())
}
