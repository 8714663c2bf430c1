//! Fragments: what a result shows (title, url, section, headings and text for excerpts).
//!
//! Fragments are not needed to rank, only to display the top results, so they live in chunk
//! files of consecutive articles that the browser fetches for the results it shows.

use serde::{Deserialize, Serialize};

use crate::article::Page;

/// Display data of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// The article's page as ingested. First, and serialized in line (postcard adds nothing for
    /// a nested struct), so the file layout is the page's fields, then the two tables below.
    pub page: Page,
    /// For each part, the position of its heading's first token and of its text's first token,
    /// as numbered at build time: match positions from the postings map onto parts with it.
    pub part_positions: Vec<[u32; 2]>,
    /// For each part, places in its text where tokenizing can start afresh: `[position
    /// relative to the text's first token, byte offset]`, about every [`CHECKPOINT_EVERY`]
    /// tokens. An excerpt deep inside a long part starts tokenizing at the nearest one instead
    /// of at the top.
    pub part_checkpoints: Vec<Vec<[u32; 2]>>,
}

/// Tokens between two checkpoints of a part's text (see [`Fragment::part_checkpoints`]).
pub const CHECKPOINT_EVERY: u32 = 16;
