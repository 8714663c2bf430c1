//! The article: what ingestion hands to the index builder.
//!
//! Every input format (Markdown, built HTML, JSON records) is turned into an [`Article`] by the
//! `helpdex-ingest` crate; the index never sees the original format. Text here is plain text:
//! markup is already gone, but line breaks between blocks are kept so excerpts read naturally.

use serde::{Deserialize, Serialize};

/// One help-center article, ready to be indexed: the page a result shows, plus what is only
/// searched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// What a result shows; the index keeps it in the article's [`Fragment`](crate::Fragment).
    pub page: Page,
    /// A short summary from front matter (`description`), indexed with the tags.
    pub description: Option<String>,
    /// Keywords and tags.
    pub tags: Vec<String>,
    /// The link targets in the body, as written (`../a.md#setup`, `#limits`, `https://…`), in
    /// order; `helpdex audit` checks the internal ones. Neither indexed nor shown.
    pub links: Vec<String>,
}

/// An article as the site shows it: where it lives, its title and labels, and its text. Shared
/// by [`Article`] (what goes into the index) and [`Fragment`](crate::Fragment) (what comes out
/// to display a result). The field order is the fragment file's layout.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Stable identifier: the record's `id` for JSON input, the path relative to the input
    /// folder (with `/` separators) for files. Unique within one build.
    pub id: String,
    /// Where the article lives on the site; result links point here (plus `#anchor`).
    pub url: String,
    /// The article's title, as shown in results.
    pub title: String,
    /// Section or category, used to group results ("Outlook", "数据迁移").
    pub section: Option<String>,
    /// Language tag from front matter, the record, or `<html lang>` (`"en"`, `"zh-CN"`, ...).
    pub lang: Option<String>,
    /// Last update, as written in the source (`YYYY-MM-DD` when known).
    pub updated: Option<String>,
    /// The body, split at headings. The first part usually has no heading (the text before the
    /// first heading); each following part starts with its heading.
    pub parts: Vec<Part>,
}

/// A stretch of an article's body: an optional heading and the text under it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The heading this part starts with; `None` for the text before the first heading.
    pub heading: Option<Heading>,
    /// Plain text of the blocks under the heading, blocks separated by `\n`.
    pub text: String,
}

/// A heading inside an article, with the anchor a result can link to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// 1 for `#`/`<h1>` through 6.
    pub level: u8,
    /// The heading's plain text.
    pub text: String,
    /// The fragment identifier (without `#`) that the page gives this heading: an explicit
    /// `{#id}` or `id` attribute, otherwise a GitHub-style slug of the text.
    pub anchor: String,
}
