//! `helpdex gaps`: what customers searched for and did not find, from search event logs.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::status;
use helpdex::events::Log;
use helpdex::gaps::{self, Gap};
use helpdex::index_dir;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The index folder the searches ran on (written by `helpdex build`).
    #[arg(long, short, value_name = "DIR")]
    index: PathBuf,
    /// Event logs: JSON Lines, gzipped or not (format: README, "Knowledge gaps").
    #[arg(required = true, value_name = "EVENTS")]
    logs: Vec<PathBuf>,
    /// Entries listed per section.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also write the report as an HTML page with charts to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<u8> {
    let index = index_dir::open(&args.index)?;
    let mut log = Log::default();
    for path in &args.logs {
        log.read_file(path)?;
    }
    for bad in log.bad.iter().take(20) {
        eprintln!("warning: {}: {}", bad.place, bad.reason);
    }
    if log.bad.len() > 20 {
        eprintln!(
            "warning: {} more lines that are not events",
            log.bad.len() - 20
        );
    }
    let report = gaps::report(&index, &log, args.top);
    if let Some(path) = &args.html {
        index_dir::write_atomically(path, gaps::html::page(&report).as_bytes())?;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print(&mut out, &report)?;
    }
    out.flush()?;
    Ok(status::OK)
}

fn print(out: &mut impl Write, r: &gaps::Report) -> std::io::Result<()> {
    let s = &r.summary;
    let pct = |n: u32| {
        if s.searches == 0 {
            0.0
        } else {
            100.0 * n as f64 / s.searches as f64
        }
    };
    writeln!(
        out,
        "{} searches in {} groups: {} without results ({:.1} %), {} with a result chosen ({:.1} %); {} events read, {} lines skipped",
        s.searches,
        s.groups,
        s.searches_without_results,
        pct(s.searches_without_results),
        s.searches_with_a_choice,
        pct(s.searches_with_a_choice),
        s.events,
        s.bad_lines
    )?;
    section(out, "Searched for, not found", &r.no_results, true)?;
    section(
        out,
        "Found, but nobody chose a result",
        &r.not_chosen,
        false,
    )?;
    writeln!(
        out,
        "\nChosen from low in the list (rank > {})",
        gaps::LOW_RANK
    )?;
    if r.chosen_low.is_empty() {
        writeln!(out, "  none")?;
    }
    for c in &r.chosen_low {
        writeln!(
            out,
            "  {:>5}×  {}  →  {} (median rank {})",
            c.choices, c.query, c.article.title, c.median_rank
        )?;
    }
    writeln!(out, "\nArticles readers said did not help")?;
    if r.unhelpful.is_empty() {
        writeln!(out, "  none")?;
    }
    for f in &r.unhelpful {
        let reasons: Vec<String> = (f.reasons.iter())
            .map(|(r, c)| format!("{r} ×{c}"))
            .collect();
        let title = f.article.name();
        writeln!(
            out,
            "  {:>5}× no, {}× yes  {title}{}",
            f.not_helpful,
            f.helpful,
            if reasons.is_empty() {
                String::new()
            } else {
                format!("  ({})", reasons.join(", "))
            }
        )?;
    }
    if let Some(g) = &r.suggestions {
        writeln!(
            out,
            "\nSuggestions under the contact form: {} messages shown suggestions, {} opened one, \
             {} sent anyway, {} hid them; deflected {} ({:.1} %)",
            g.shown,
            g.opened,
            g.submitted,
            g.hidden,
            g.deflected,
            100.0 * g.deflection_rate
        )?;
        for a in &g.articles {
            let title = a.article.name();
            writeln!(
                out,
                "  {:>5}× suggested, {}× opened, {}× sent anyway after opening  {title}",
                a.suggested, a.opened, a.sent_after_opening
            )?;
        }
    }
    writeln!(out, "\nPer day: searches / without results / with a choice")?;
    for d in &r.days {
        writeln!(
            out,
            "  {}  {:>6} {:>6} {:>6}",
            d.day, d.searches, d.without_results, d.with_a_choice
        )?;
    }
    Ok(())
}

fn section(
    out: &mut impl Write,
    title: &str,
    gaps: &[Gap],
    found_now: bool,
) -> std::io::Result<()> {
    writeln!(out, "\n{title}")?;
    if gaps.is_empty() {
        writeln!(out, "  none")?;
    }
    for g in gaps {
        let found = if found_now && g.found_now {
            "  [found now]"
        } else {
            ""
        };
        writeln!(out, "  {:>5}×  {}{found}", g.searches, g.query)?;
        if g.variants.len() > 1 {
            let spellings: Vec<String> = (g.variants.iter())
                .map(|(q, c)| format!("{q} ×{c}"))
                .collect();
            writeln!(out, "          spellings: {}", spellings.join(", "))?;
        }
        if let Some(a) = g.closest.first() {
            let rest: Vec<&str> = g.closest[1..].iter().map(|a| a.title.as_str()).collect();
            let more = if rest.is_empty() {
                String::new()
            } else {
                format!("; {}", rest.join("; "))
            };
            writeln!(out, "          closest: {}{more}", a.title)?;
        }
    }
    Ok(())
}
