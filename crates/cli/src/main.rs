//! `helpdex`: compile a help center into a static search index, and search it.
//!
//! The binary is glue: `helpdex-ingest` reads articles, `helpdex-core` builds and searches the
//! index; this crate adds arguments, progress, atomic output and exit codes.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Instant, typo-tolerant search for help centers, running entirely in the browser.
#[derive(Parser, Debug)]
#[command(name = "helpdex", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build a search index from articles (Markdown folders, HTML folders, JSON Lines files).
    ///
    /// Exit status: 0 when the index was written (bad articles are reported and left out),
    /// 1 when `--strict` found bad articles (nothing is written), 2 on a fatal error (no
    /// articles at all, an unreadable input, an unwritable output folder).
    Build(cmd::build::Args),
    /// Search an index built by `helpdex build`.
    ///
    /// With QUERY, prints ranked results; without it, answers one query per line of standard
    /// input. Exit status: 0 when results were found (always, for standard input), 1 when a
    /// QUERY found nothing, 2 on an error (missing or corrupt index).
    Search(cmd::search::Args),
    /// Report what customers searched for and did not find, from search event logs.
    ///
    /// Groups searches by what they ask (typos and variants of one need together) and lists
    /// the groups without results, those whose results nobody chose, and results chosen from
    /// low in the list. Exit status: 0 when the report was made (lines that are not events are
    /// reported and skipped), 2 on an error (missing index, unreadable log).
    Gaps(cmd::gaps::Args),
    /// Report on the articles' health: stale or undated, near-duplicates, internal links and
    /// anchors that point nowhere, no headings, too long, no description.
    ///
    /// Exit status: 0 when the report was made, 1 when a kind named by `--fail-on` was found,
    /// 2 on an error (no articles, unreadable input).
    Audit(cmd::audit::Args),
}

/// Exit statuses, ripgrep style.
pub(crate) mod status {
    pub const OK: u8 = 0;
    pub const NOTHING: u8 = 1;
    pub const ERROR: u8 = 2;
}

fn main() -> ExitCode {
    // Under WASI (`npx helpdex`, www/node/wasi.js) a program starts in `/`, with the whole file
    // system mapped there; the runner passes Node's working folder in PWD, so relative paths
    // mean what they mean to the native binary.
    #[cfg(target_os = "wasi")]
    if let Some(dir) = std::env::var_os("PWD") {
        if let Err(err) = std::env::set_current_dir(&dir) {
            eprintln!("error: cannot change to {}: {err}", dir.to_string_lossy());
            return ExitCode::from(status::ERROR);
        }
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Gaps(args) => cmd::gaps::run(args),
        Command::Audit(args) => cmd::audit::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(status::ERROR)
        }
    }
}
