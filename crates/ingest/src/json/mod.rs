//! JSON input: JSON Lines records (optionally gzip-compressed, [`lines`]) and tinysearch's JSON
//! array ([`tinysearch`]).

mod lines;
mod tinysearch;

pub(crate) use lines::read_lines;
pub(crate) use tinysearch::read_tinysearch;

use crate::problem::Reason;

/// `value`, unless it is empty: then a bad record naming `field`.
fn required<'a>(field: &str, value: &'a str) -> Result<&'a str, Reason> {
    if value.is_empty() {
        Err(Reason::BadRecord(format!("`{field}` is empty")))
    } else {
        Ok(value)
    }
}

/// A serde_json error in JSON that starts at `line` and `column` of the file: the file line
/// of the error, and serde_json's message with the column in that line (the problem names the
/// line already).
fn json_error(e: &serde_json::Error, line: u64, column: u64) -> (u64, Reason) {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let Some(message) = full.strip_suffix(&suffix).filter(|_| e.line() > 0) else {
        return (line, Reason::BadRecord(full));
    };
    let (at_line, at_column) = match e.line() as u64 {
        1 => (line, column + e.column() as u64 - 1),
        n => (line + n - 1, e.column() as u64),
    };
    let reason = Reason::BadRecord(format!("{message} (column {at_column})"));
    (at_line, reason)
}
