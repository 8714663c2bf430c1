//! Content health: what in the articles themselves keeps customers from their answer.
//!
//! Each check is a [`Kind`] of finding: articles not updated for a long time (or never dated),
//! near-duplicate titles and bodies, internal links and `#anchors` that point nowhere,
//! articles without headings or far too long, and articles without a description. Links are
//! checked against the articles read in the same run: a relative link resolves against the
//! article's path (its id, for a record `repo:path`, the part after the colon), an anchor
//! against the target's headings (not for built HTML pages, whose other ids ingest does not
//! keep); links to other sites are not followed.

use std::collections::{BTreeMap, HashMap, HashSet};

use helpdex_core::Article;
use jiff::civil::Date;
use serde::Serialize;

use crate::url;

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An internal link to an article that does not exist.
    BrokenLinks,
    /// A link to an `#anchor` the target article does not have.
    BrokenAnchors,
    /// Updated longer ago than the limit.
    Stale,
    /// No update date at all.
    Undated,
    /// The same title as another article.
    DuplicateTitles,
    /// Almost the same body as another article.
    DuplicateBodies,
    /// A long article without a single heading to land on.
    NoHeadings,
    /// Far too long to be one answer.
    TooLong,
    /// No description (search results and link previews show one).
    NoDescription,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 9] = [
        Kind::BrokenLinks,
        Kind::BrokenAnchors,
        Kind::Stale,
        Kind::Undated,
        Kind::DuplicateTitles,
        Kind::DuplicateBodies,
        Kind::NoHeadings,
        Kind::TooLong,
        Kind::NoDescription,
    ];

    /// The kind's name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::BrokenLinks => "broken-links",
            Kind::BrokenAnchors => "broken-anchors",
            Kind::Stale => "stale",
            Kind::Undated => "undated",
            Kind::DuplicateTitles => "duplicate-titles",
            Kind::DuplicateBodies => "duplicate-bodies",
            Kind::NoHeadings => "no-headings",
            Kind::TooLong => "too-long",
            Kind::NoDescription => "no-description",
        }
    }

    /// The kind named `name`.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One thing found in one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    /// The article's id.
    pub article: String,
    /// What exactly: the link, the date, the other article.
    pub detail: String,
}

/// Limits of the checks.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Today, for staleness.
    pub today: Date,
    /// Articles updated before `today - stale_after` are stale.
    pub stale_after: jiff::Span,
    /// An article of more words than this without a heading has nowhere to link to.
    pub headings_after_words: usize,
    /// Articles of more words than this are too long.
    pub max_words: usize,
    /// Bodies this similar (Jaccard of word 5-grams) are near-duplicates.
    pub duplicate_similarity: f64,
}

/// Every finding over `articles`, sorted by kind, then article, then detail.
pub fn audit(articles: &[Article], limits: &Limits) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut push = |kind, article: &Article, detail: String| {
        found.push(Finding {
            kind,
            article: article.page.id.clone(),
            detail,
        })
    };
    let cutoff = limits.today.checked_sub(limits.stale_after).ok();
    for a in articles {
        match a.page.updated.as_deref().map(date_of) {
            None => push(Kind::Undated, a, String::new()),
            Some(None) => push(
                Kind::Undated,
                a,
                format!(
                    "`updated` {:?} is not a date",
                    a.page.updated.as_deref().unwrap_or("")
                ),
            ),
            Some(Some(d)) if cutoff.is_some_and(|c| d < c) => {
                push(Kind::Stale, a, format!("updated {d}"))
            }
            Some(Some(_)) => {}
        }
        let words = words(a);
        let headings = a.page.parts.iter().filter(|p| p.heading.is_some()).count();
        if headings == 0 && words > limits.headings_after_words {
            push(Kind::NoHeadings, a, format!("{words} words"));
        }
        if words > limits.max_words {
            push(Kind::TooLong, a, format!("{words} words"));
        }
        if a.description.as_deref().is_none_or(|d| d.trim().is_empty()) {
            push(Kind::NoDescription, a, String::new());
        }
    }
    links(articles, &mut push);
    duplicate_titles(articles, &mut push);
    duplicate_bodies(articles, limits.duplicate_similarity, &mut push);
    found.sort_by(|a, b| (a.kind, &a.article, &a.detail).cmp(&(b.kind, &b.article, &b.detail)));
    // The same broken link written twice in one article is one thing to fix.
    found.dedup();
    found
}

/// The day of an `updated` value: `YYYY-MM-DD`, alone or starting a date-time.
fn date_of(updated: &str) -> Option<Date> {
    updated.trim().get(..10)?.parse().ok()
}

fn words(a: &Article) -> usize {
    a.page
        .parts
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum()
}

/// The path an article's relative links resolve against: its id, without a record's
/// `repository:` prefix.
fn path_of(id: &str) -> &str {
    id.split_once(':').map_or(id, |(_, p)| p)
}

/// `base`'s folder joined with `link`, `.` and `..` resolved; `None` if it climbs out.
fn resolve(base: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        let mut p: Vec<&str> = base.split('/').collect();
        p.pop();
        p
    };
    for segment in link.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Broken internal links and anchors.
fn links(articles: &[Article], push: &mut impl FnMut(Kind, &Article, String)) {
    // Every name a link may use for an article: its path, with and without the extension,
    // and a folder's index page as the folder.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let path = path_of(&a.page.id);
        by_name.insert(path.to_string(), i);
        if let Some(stem) = path
            .strip_suffix(".md")
            .or_else(|| path.strip_suffix(".html"))
        {
            by_name.entry(stem.to_string()).or_insert(i);
            let folder = match stem {
                "index" | "_index" => Some(""),
                _ => stem
                    .strip_suffix("/index")
                    .or_else(|| stem.strip_suffix("/_index")),
            };
            if let Some(folder) = folder {
                by_name.entry(folder.to_string()).or_insert(i);
            }
        }
    }
    // A link from the site's root (`/guide/setup`) names a URL: it is an article's if one has
    // that URL path; otherwise it may be any other page of the site, so it is not reported.
    let mut by_url_path: HashMap<String, usize> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_url_path
            .entry(url::path(&a.page.url).to_string())
            .or_insert(i);
    }
    let anchors: Vec<HashSet<String>> = articles.iter().map(anchors_of).collect();
    for (i, a) in articles.iter().enumerate() {
        for link in &a.links {
            let (target, fragment) = match link.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (link.as_str(), None),
            };
            let target = target.split('?').next().unwrap_or("");
            let external = target.starts_with("//") || target.contains(':');
            if external {
                continue;
            }
            let to = if target.is_empty() {
                Some(i)
            } else if target.starts_with('/') {
                by_url_path.get(url::path(&url::decode(target))).copied()
            } else {
                if !looks_like_a_page(target) {
                    continue;
                }
                let name = resolve(path_of(&a.page.id), &url::decode(target));
                let name = name.as_deref().map(|n| n.trim_end_matches('/'));
                match name.and_then(|n| by_name.get(n)) {
                    Some(&t) => Some(t),
                    None => {
                        push(Kind::BrokenLinks, a, link.clone());
                        None
                    }
                }
            };
            // A built HTML page has ids beyond its headings' (any element's), which ingest
            // does not keep: its anchors are not checked.
            let html = |t: usize| {
                let id = articles[t].page.id.to_ascii_lowercase();
                id.ends_with(".html") || id.ends_with(".htm")
            };
            if let (Some(t), Some(f)) = (to, fragment.filter(|f| !f.is_empty())) {
                if !html(t) && !anchors[t].contains(url::decode(f).as_ref()) {
                    push(Kind::BrokenAnchors, a, link.clone());
                }
            }
        }
    }
}

/// Whether a link target names a page (an article), not an image or a download.
fn looks_like_a_page(target: &str) -> bool {
    let last = target.rsplit('/').next().unwrap_or("");
    match last.rsplit_once('.') {
        Some((_, ext)) => matches!(
            ext.to_ascii_lowercase().as_str(),
            "md" | "markdown" | "html" | "htm"
        ),
        None => true,
    }
}

/// The anchors an article's page has: its headings', and its title's (ingest keeps a title
/// H1 as the title, not as a heading).
fn anchors_of(a: &Article) -> HashSet<String> {
    (a.page.parts.iter())
        .filter_map(|p| Some(p.heading.as_ref()?.anchor.clone()))
        .chain([helpdex_ingest::heading_anchor(&a.page.title)])
        .collect()
}

fn duplicate_titles(articles: &[Article], push: &mut impl FnMut(Kind, &Article, String)) {
    let mut by_title: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let key: Vec<String> = a
            .page
            .title
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if !key.is_empty() {
            by_title.entry(key.join(" ")).or_default().push(i);
        }
    }
    for same in by_title.values().filter(|v| v.len() > 1) {
        for &i in same {
            let others: Vec<&str> = (same.iter())
                .filter(|&&j| j != i)
                .map(|&j| articles[j].page.id.as_str())
                .collect();
            push(Kind::DuplicateTitles, &articles[i], others.join(", "));
        }
    }
}

/// Hash functions of the MinHash signature, and rows per band: pairs that agree on a whole
/// band are compared exactly. 16 bands of 4 find pairs of similarity 0.8 with probability
/// 1 − (1 − 0.8⁴)¹⁶ > 0.999 while comparing few others.
const MIN_HASHES: usize = 64;
const BAND_ROWS: usize = 4;
/// Words per shingle.
const SHINGLE: usize = 5;
/// Bodies shorter than this many words are not compared (stubs look alike).
const MIN_DUPLICATE_WORDS: usize = 50;

fn duplicate_bodies(
    articles: &[Article],
    similarity: f64,
    push: &mut impl FnMut(Kind, &Article, String),
) {
    let shingles: Vec<HashSet<u64>> = articles.iter().map(shingles).collect();
    let signatures: Vec<Option<[u64; MIN_HASHES]>> = shingles
        .iter()
        .map(|s| (s.len() + SHINGLE > MIN_DUPLICATE_WORDS).then(|| signature(s)))
        .collect();
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for band in 0..MIN_HASHES / BAND_ROWS {
        let mut buckets: HashMap<&[u64], Vec<usize>> = HashMap::new();
        for (i, sig) in signatures.iter().enumerate() {
            if let Some(sig) = sig {
                buckets
                    .entry(&sig[band * BAND_ROWS..(band + 1) * BAND_ROWS])
                    .or_default()
                    .push(i);
            }
        }
        for bucket in buckets.values() {
            for (x, &i) in bucket.iter().enumerate() {
                for &j in &bucket[x + 1..] {
                    candidates.insert((i, j));
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = candidates.into_iter().collect();
    pairs.sort_unstable();
    for (i, j) in pairs {
        let (a, b) = (&shingles[i], &shingles[j]);
        let shared = a.intersection(b).count() as f64;
        let jaccard = shared / (a.len() as f64 + b.len() as f64 - shared);
        if jaccard >= similarity {
            let pct = (jaccard * 100.0).round();
            push(
                Kind::DuplicateBodies,
                &articles[i],
                format!("{pct} % like {}", articles[j].page.id),
            );
            push(
                Kind::DuplicateBodies,
                &articles[j],
                format!("{pct} % like {}", articles[i].page.id),
            );
        }
    }
}

/// Hashes of the body's word 5-grams (lowercased).
fn shingles(a: &Article) -> HashSet<u64> {
    let words: Vec<String> = (a.page.parts.iter())
        .flat_map(|p| p.text.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(SHINGLE)
        .map(|w| fnv(w.join(" ").as_bytes()))
        .collect()
}

fn signature(shingles: &HashSet<u64>) -> [u64; MIN_HASHES] {
    let mut sig = [u64::MAX; MIN_HASHES];
    for &s in shingles {
        for (k, slot) in sig.iter_mut().enumerate() {
            // One cheap independent-enough hash per slot: a multiply-xorshift of the shingle
            // hash with a per-slot odd constant.
            let mut h = s ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            h = (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9 | 1);
            h ^= h >> 29;
            *slot = (*slot).min(h);
        }
    }
    sig
}

/// FNV-1a: stable across runs and platforms, so the report is reproducible.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}
