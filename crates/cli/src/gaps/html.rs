//! The gaps report as one HTML page with SVG charts: no scripts, no external assets, every
//! query escaped (queries are whatever customers typed).

use std::fmt::Write;

use super::{Article, Day, Gap, Report};

/// The page for `report`.
pub fn page(report: &Report) -> String {
    let s = &report.summary;
    let mut h = String::new();
    h.push_str(concat!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Knowledge gaps — helpdex</title><style>",
        "body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2330}",
        "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d8dce3}",
        "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;vertical-align:top;border-bottom:1px solid #eceef2}",
        "th{font-weight:600;color:#4a5263}td.n{text-align:right;font-variant-numeric:tabular-nums}",
        ".muted{color:#6b7385}.tag{font-size:.8em;background:#e7f5ea;color:#1c6b34;border-radius:.3em;padding:0 .35em}",
        "dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{color:#4a5263}dd{margin:0}",
        "svg text{font:12px system-ui,sans-serif;fill:#4a5263}",
        "</style></head><body>\n<h1>Knowledge gaps</h1>\n"
    ));
    let rate = |part: u32| percent(part, s.searches);
    let _ = writeln!(
        h,
        "<dl><dt>Searches</dt><dd>{}</dd><dt>Without results</dt><dd>{} ({})</dd>\
         <dt>With a result chosen</dt><dd>{} ({})</dd><dt>Groups of searches</dt><dd>{}</dd>\
         <dt>Events read</dt><dd>{}</dd><dt>Lines that were not events</dt><dd>{}</dd></dl>",
        s.searches,
        s.searches_without_results,
        rate(s.searches_without_results),
        s.searches_with_a_choice,
        rate(s.searches_with_a_choice),
        s.groups,
        s.events,
        s.bad_lines,
    );
    h.push_str("<h2>Searches per day</h2>\n");
    h.push_str(&days_chart(&report.days));
    h.push_str("<h2>Searched for, not found</h2>\n<p class=\"muted\">Articles the help center may be missing. Closest: what the index finds today (<span class=\"tag\">found now</span>), or what the words find one at a time.</p>\n");
    h.push_str(&bars_chart(&report.no_results));
    gaps_table(&mut h, &report.no_results, true);
    h.push_str("<h2>Found, but nobody chose a result</h2>\n<p class=\"muted\">Titles and excerpts that do not look like the answer.</p>\n");
    gaps_table(&mut h, &report.not_chosen, false);
    h.push_str("<h2>Chosen from low in the list</h2>\n<p class=\"muted\">The article customers wanted ranked below the top results: ranking problems.</p>\n");
    if report.chosen_low.is_empty() {
        h.push_str("<p>None.</p>\n");
    } else {
        h.push_str("<table><tr><th>Query</th><th>Chosen article</th><th>Times</th><th>Median rank</th></tr>\n");
        for c in &report.chosen_low {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(&c.query),
                article_cell(&c.article),
                c.choices,
                c.median_rank
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("<h2>Articles readers said did not help</h2>\n");
    if report.unhelpful.is_empty() {
        h.push_str("<p>None.</p>\n");
    } else {
        h.push_str("<table><tr><th>Article</th><th>Not helpful</th><th>Helpful</th><th>Reasons</th></tr>\n");
        for f in &report.unhelpful {
            let reasons: Vec<String> = (f.reasons.iter())
                .map(|(r, c)| format!("{} <span class=\"muted\">×{c}</span>", escape(r)))
                .collect();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                article_cell(&f.article),
                f.not_helpful,
                f.helpful,
                reasons.join("<br>")
            );
        }
        h.push_str("</table>\n");
    }
    if let Some(g) = &report.suggestions {
        h.push_str("<h2>Suggestions under the contact form</h2>\n");
        let _ = writeln!(
            h,
            "<p>{} messages were shown suggestions: {} opened one, {} were sent anyway, {} hid them. \
             <strong>Deflected: {} ({})</strong>, an article opened and no message sent.</p>",
            g.shown,
            g.opened,
            g.submitted,
            g.hidden,
            g.deflected,
            percent(g.deflected, g.shown)
        );
        h.push_str("<table><tr><th>Article</th><th>Suggested</th><th>Opened</th><th>Sent anyway after opening</th></tr>\n");
        for a in &g.articles {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                article_cell(&a.article),
                a.suggested,
                a.opened,
                a.sent_after_opening
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</body></html>\n");
    h
}

/// `found_now` marks the gaps today's index answers (only news for searches that found nothing).
fn gaps_table(h: &mut String, gaps: &[Gap], found_now: bool) {
    if gaps.is_empty() {
        h.push_str("<p>None.</p>\n");
        return;
    }
    h.push_str("<table><tr><th>Query</th><th>Searches</th><th>Spellings</th><th>Closest articles</th></tr>\n");
    for g in gaps {
        let spellings: Vec<String> = (g.variants.iter())
            .map(|(q, c)| format!("{} <span class=\"muted\">×{c}</span>", escape(q)))
            .collect();
        let closest: Vec<String> = g.closest.iter().map(article_cell).collect();
        let found = if found_now && g.found_now {
            " <span class=\"tag\">found now</span>"
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<tr><td>{}{found}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&g.query),
            g.searches,
            spellings.join("<br>"),
            closest.join("<br>")
        );
    }
    h.push_str("</table>\n");
}

fn article_cell(a: &Article) -> String {
    let title = if a.title.is_empty() { &a.id } else { &a.title };
    // Only the site's own relative or http(s) links: an article's URL is input too.
    let safe =
        a.url.starts_with('/') || a.url.starts_with("https://") || a.url.starts_with("http://");
    if safe {
        format!("<a href=\"{}\">{}</a>", escape(&a.url), escape(title))
    } else {
        escape(title)
    }
}

/// Searches per day as columns, the part without results darker.
fn days_chart(days: &[Day]) -> String {
    if days.is_empty() {
        return "<p>No searches.</p>\n".into();
    }
    let (width, height, left, bottom) = (880.0, 200.0, 44.0, 24.0);
    let max = days.iter().map(|d| d.searches).max().unwrap_or(1).max(1) as f32;
    let slot = (width - left - 40.0) / days.len() as f32;
    let bar = (slot * 0.7).max(1.0);
    let scale = |v: u32| (height - bottom - 10.0) * v as f32 / max;
    let mut s = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Searches per day, with the searches without results\">\n"
    );
    let _ = writeln!(
        s,
        "<text x=\"0\" y=\"14\">{max}</text><text x=\"0\" y=\"{}\">0</text>",
        height - bottom
    );
    let label_every = (days.len() / 8).max(1);
    for (i, d) in days.iter().enumerate() {
        let x = left + i as f32 * slot;
        let (all, empty) = (scale(d.searches), scale(d.without_results));
        let base = height - bottom;
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{all:.1}\" fill=\"#9bb7e0\"><title>{}: {} searches</title></rect>\
             <rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{empty:.1}\" fill=\"#c0392b\"><title>{}: {} without results</title></rect>",
            base - all,
            d.day,
            d.searches,
            base - empty,
            d.day,
            d.without_results
        );
        if i % label_every == 0 {
            let _ = writeln!(
                s,
                "<text x=\"{x:.1}\" y=\"{}\">{}</text>",
                height - 6.0,
                &d.day[5..]
            );
        }
    }
    s.push_str("</svg>\n<p class=\"muted\">Blue: searches. Red: searches without results.</p>\n");
    s
}

/// The most searched gaps as horizontal bars.
fn bars_chart(gaps: &[Gap]) -> String {
    let shown = &gaps[..gaps.len().min(10)];
    if shown.is_empty() {
        return String::new();
    }
    let (width, row, label) = (880.0, 22.0, 300.0);
    let max = shown.iter().map(|g| g.searches).max().unwrap_or(1).max(1) as f32;
    let height = row * shown.len() as f32 + 4.0;
    let mut s = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"The most searched queries without results\">\n"
    );
    for (i, g) in shown.iter().enumerate() {
        let y = i as f32 * row;
        let w = (width - label - 50.0) * g.searches as f32 / max;
        let query: String = g.query.chars().take(40).collect();
        let _ = writeln!(
            s,
            "<text x=\"0\" y=\"{:.1}\">{}</text><rect x=\"{label}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#c0392b\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            y + 15.0,
            escape(&query),
            y + 3.0,
            row - 6.0,
            label + w + 6.0,
            y + 15.0,
            g.searches
        );
    }
    s.push_str("</svg>\n");
    s
}

fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "—".into();
    }
    format!("{:.1} %", 100.0 * part as f64 / whole as f64)
}

/// Text as HTML: the five characters that could open markup or end an attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Summary;
    use super::*;

    #[test]
    fn queries_and_links_cannot_inject_markup() {
        let evil = Article {
            id: "x".into(),
            title: "<img src=x onerror=alert(1)>".into(),
            url: "javascript:alert(1)".into(),
        };
        let report = Report {
            summary: Summary::default(),
            no_results: vec![Gap {
                query: "<script>alert(1)</script>\"'".into(),
                searches: 2,
                variants: vec![("<b>".into(), 2)],
                closest: vec![evil],
                found_now: false,
            }],
            not_chosen: vec![],
            chosen_low: vec![],
            unhelpful: vec![],
            suggestions: None,
            days: vec![],
        };
        let page = page(&report);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(!page.contains("javascript:"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;"));
    }
}
