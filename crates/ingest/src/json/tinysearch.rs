//! tinysearch's input, one JSON array of `{"title", "url", "body"}`, so that a site moving
//! from tinysearch keeps its build step.

use helpdex_core::Article;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{json_error, required};
use crate::problem::Reason;
use crate::source::Source;
use crate::text::{collapse, Anchors, Body};
use crate::{file, Found, Options, Outcome, Problem};

/// One entry of tinysearch's input: plain-text body, the url doubles as id.
#[derive(Deserialize)]
struct TinysearchEntry {
    title: String,
    url: String,
    body: Option<String>,
}

/// Reads tinysearch's `[{"title", "url", "body"}]`. Each entry is checked on its own, so a
/// bad entry is reported with its line and the others are kept.
pub(crate) fn read_tinysearch(
    source: &Source,
    index: usize,
    opts: &Options,
    progress: &(dyn Fn(u64) + Sync),
) -> Vec<Outcome> {
    let outcomes = tinysearch_outcomes(source, index, opts.max_article_bytes);
    progress(source.size);
    outcomes
}

fn tinysearch_outcomes(source: &Source, index: usize, cap: u64) -> Vec<Outcome> {
    let problem = |line, reason| {
        Outcome::Problem(Problem {
            path: source.path.clone(),
            line,
            reason,
        })
    };
    let text = match std::fs::read(&source.path) {
        Ok(bytes) => file::decode(bytes),
        Err(e) => Err((None, Reason::Unreadable(e.to_string()))),
    };
    // One JSON document: its records cannot be told apart around a bad byte, so it stays out.
    let text = match text {
        Ok(decoded) => match decoded.replaced_at {
            None => decoded.text,
            Some(line) => return vec![problem(Some(line), Reason::InvalidUtf8)],
        },
        Err((line, reason)) => return vec![problem(line, reason)],
    };
    let entries: Vec<&RawValue> = match serde_json::from_str(&text) {
        Ok(entries) => entries,
        Err(e) => {
            let (line, reason) = json_error(&e, 1, 1);
            return vec![problem(Some(line), reason)];
        }
    };
    let mut line = 1;
    let mut line_start = 0;
    let mut scanned = 0;
    entries
        .into_iter()
        .enumerate()
        .map(|(position, raw)| {
            // Each entry borrows from `text`, so its offset gives its line and column.
            let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            for newline in memchr::memchr_iter(b'\n', &text.as_bytes()[scanned..offset]) {
                line += 1;
                line_start = scanned + newline + 1;
            }
            scanned = offset;
            let column = (offset - line_start) as u64 + 1;
            match tinysearch_article(raw.get(), cap, line, column) {
                Ok(article) => Outcome::Article(Box::new(Found {
                    article,
                    order: (index, position as u64),
                    path: source.path.clone(),
                    line: Some(line),
                    html: None,
                    warning: None,
                })),
                Err((line, reason)) => problem(Some(line), reason),
            }
        })
        .collect()
}

/// One entry, which starts at `line` and `column` of the file.
fn tinysearch_article(
    json: &str,
    cap: u64,
    line: u64,
    column: u64,
) -> Result<Article, (u64, Reason)> {
    let size = json.len() as u64;
    if size > cap {
        return Err((line, Reason::TooLarge { size, cap }));
    }
    let entry: TinysearchEntry =
        serde_json::from_str(json).map_err(|e| json_error(&e, line, column))?;
    let url = required("url", entry.url.trim())
        .map_err(|r| (line, r))?
        .to_owned();
    let title = required("title", &collapse(&entry.title))
        .map_err(|r| (line, r))?
        .to_owned();
    let mut body = Body::new(Some(title.clone()), Anchors::Slugs);
    for line in entry.body.unwrap_or_default().lines() {
        body.push(line);
        body.end_block();
    }
    let (_, parts) = body.finish();
    Ok(Article {
        page: helpdex_core::Page {
            id: url.clone(),
            url,
            title,
            parts,
            ..helpdex_core::Page::default()
        },
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tinysearch_entry() {
        let a = tinysearch_article(
            r#"{"title":"Post","url":"/post/","body":"Line one.\n\n  Line   two."}"#,
            1000,
            1,
            1,
        )
        .unwrap();
        assert_eq!(a.page.id, "/post/");
        assert_eq!(a.page.parts[0].text, "Line one.\nLine two.");
        assert!(matches!(
            tinysearch_article(r#"{"title":"x","url":"/x"}"#, 10, 7, 3),
            Err((7, Reason::TooLarge { cap: 10, .. }))
        ));
        let (line, reason) = tinysearch_article("{\"title\":\"x\",\n\"url\":3}", 99, 7, 3)
            .err()
            .unwrap();
        assert_eq!(line, 8);
        assert_eq!(
            reason.to_string(),
            "bad record: invalid type: integer `3`, expected a string (column 7)"
        );
    }
}
