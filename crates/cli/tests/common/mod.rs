//! Helpers shared by the CLI's integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `helpdex ARGS` with `input` on standard input.
pub fn helpdex_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_helpdex"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("helpdex runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}
