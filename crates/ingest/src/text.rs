//! Plain text split into parts at headings, shared by the Markdown and HTML readers.
//!
//! A reader feeds text, block boundaries and headings in document order; [`Body`] collapses
//! whitespace inside each block, joins blocks with `\n` and starts a new [`Part`] at each heading
//! that has an anchor. Markdown headings always have one (an explicit id or a generated slug);
//! an HTML heading has one only if the page gives it an id, since an invented anchor would
//! point nowhere on a page built by someone else.

use helpdex_core::{Heading, Part};

use crate::slug::Slugger;

/// Builds an article's title and parts from a stream of text and structure.
#[derive(Debug)]
pub(crate) struct Body {
    /// Known title (front matter, record), or the first H1 once seen.
    title: Option<String>,
    /// Whether a level-1 heading has been seen, so only the first can be taken as the title.
    seen_h1: bool,
    parts: Vec<Part>,
    /// Text of the part being built.
    text: String,
    /// The block being built (or the heading, while one is open); whitespace already collapsed.
    block: String,
    /// A whitespace run was seen and a space goes in before the next visible character.
    space: bool,
    heading: Option<OpenHeading>,
    /// Makes anchors for headings without an id (Markdown); `None` for HTML pages.
    slugs: Option<Slugger>,
}

/// Where heading anchors come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchors {
    /// An explicit id, else a GitHub-style slug of the heading text (Markdown, rendered by the
    /// site with the same rule).
    Slugs,
    /// Only ids the page has. A heading without one is not a section: its text joins the part
    /// before it.
    FromPage,
}

#[derive(Debug)]
struct OpenHeading {
    level: u8,
    id: Option<String>,
}

impl Body {
    /// Starts an article whose title is already known, or not (`None`: the first H1 becomes it).
    pub(crate) fn new(title: Option<String>, anchors: Anchors) -> Self {
        Body {
            title,
            seen_h1: false,
            parts: Vec::new(),
            text: String::new(),
            block: String::new(),
            space: false,
            heading: None,
            slugs: (anchors == Anchors::Slugs).then(Slugger::default),
        }
    }

    /// Appends text to the current block, collapsing whitespace runs to one space.
    pub(crate) fn push(&mut self, s: &str) {
        // Word by word rather than char by char: this is the hottest loop of ingestion.
        let mut rest = s;
        loop {
            let word = rest.trim_start();
            if word.len() < rest.len() {
                self.space = true;
            }
            if word.is_empty() {
                return;
            }
            let end = word_end(word);
            if self.space && !self.block.is_empty() {
                self.block.push(' ');
            }
            self.space = false;
            self.block.push_str(&word[..end]);
            rest = &word[end..];
        }
    }

    /// Separates the words on either side (a line break, a table cell boundary).
    pub(crate) fn space(&mut self) {
        self.space = true;
    }

    /// Ends the current block; inside a heading it only separates words.
    pub(crate) fn end_block(&mut self) {
        self.space = true;
        if self.heading.is_some() || self.block.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(&self.block);
        self.block.clear();
    }

    /// Opens a heading; its text is what is pushed until [`Body::end_heading`].
    pub(crate) fn start_heading(&mut self, level: u8, id: Option<String>) {
        self.end_block();
        if self.heading.is_some() {
            // A heading inside a heading (possible in HTML): treat it as part of the outer one.
            return;
        }
        self.heading = Some(OpenHeading {
            level,
            id: id.filter(|id| !id.is_empty()),
        });
        self.space = false;
    }

    /// Closes the open heading and starts a new part under it, unless it is the first H1 and
    /// repeats the title (or becomes the title when none is known), or it has no anchor (then
    /// its text is a line of the current part).
    pub(crate) fn end_heading(&mut self) {
        let Some(open) = self.heading.take() else {
            return;
        };
        // A copy rather than the block itself, whose buffer has grown to the longest paragraph
        // so far: headings, too, are held until the whole corpus is read.
        let text = self.block.as_str().to_owned();
        self.block.clear();
        self.space = true;
        // Every heading is on the page, shown or not, so it takes its anchor either way.
        let anchor = match (open.id, &mut self.slugs) {
            (Some(id), Some(slugs)) => {
                slugs.claim(&id);
                Some(id)
            }
            (Some(id), None) => Some(id),
            (None, Some(slugs)) => Some(slugs.slug(&text)),
            (None, None) => None,
        };
        if open.level == 1 && !self.seen_h1 {
            self.seen_h1 = true;
            match &self.title {
                None if !text.is_empty() => {
                    self.title = Some(text);
                    return;
                }
                Some(title) if *title == text => return,
                _ => {}
            }
        }
        if text.is_empty() {
            return;
        }
        let Some(anchor) = anchor else {
            self.block = text;
            self.end_block();
            return;
        };
        self.close_part();
        self.parts.push(Part {
            heading: Some(Heading {
                level: open.level,
                text,
                anchor,
            }),
            text: String::new(),
        });
    }

    /// Moves the pending text into the last part, or into a heading-less first part.
    fn close_part(&mut self) {
        self.end_block();
        if self.text.is_empty() {
            return;
        }
        let mut text = std::mem::take(&mut self.text);
        // Articles are held until the whole corpus is read; growth slack would cost a third
        // more memory.
        text.shrink_to_fit();
        match self.parts.last_mut() {
            Some(part) => part.text = text,
            None => self.parts.push(Part {
                heading: None,
                text,
            }),
        }
    }

    /// The title (given or taken from the first H1) and the parts.
    pub(crate) fn finish(mut self) -> (Option<String>, Vec<Part>) {
        self.end_heading();
        self.close_part();
        (self.title, self.parts)
    }
}

/// Length of the leading run of non-whitespace (Unicode whitespace, as `char::is_whitespace`).
fn word_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // `is_ascii_whitespace` leaves out vertical tab, which `char::is_whitespace` has.
            if b.is_ascii_whitespace() || b == 0x0b {
                return i;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("i is on a char boundary");
            if c.is_whitespace() {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// How an HTML tag affects plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TagKind {
    /// Phrasing content: the text flows through (`<b>`, `<a>`, `<code>`, ...).
    Inline,
    /// Separates words but not blocks (`<br>`, table cells).
    Space,
    /// Starts or ends a block (`<p>`, `<div>`, `<li>`, unknown and custom elements, ...).
    Block,
}

/// Classifies a tag by its (any-case) name.
pub(crate) fn tag_kind(name: &str) -> TagKind {
    match name {
        "a" | "abbr" | "b" | "bdi" | "bdo" | "cite" | "code" | "data" | "del" | "dfn" | "em"
        | "font" | "i" | "img" | "ins" | "kbd" | "mark" | "q" | "s" | "samp" | "small" | "span"
        | "strike" | "strong" | "sub" | "sup" | "time" | "tt" | "u" | "var" | "wbr" => {
            TagKind::Inline
        }
        "br" | "td" | "th" => TagKind::Space,
        _ if name.bytes().any(|b| b.is_ascii_uppercase()) => tag_kind(&name.to_ascii_lowercase()),
        _ => TagKind::Block,
    }
}

/// Trims and collapses whitespace runs to single spaces (titles, descriptions, tags).
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Adds a tag unless it is empty or already there in another case.
pub(crate) fn push_tag(tags: &mut Vec<String>, tag: String) {
    if !tag.is_empty() && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
        tags.push(tag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, text: &str, anchor: &str) -> Option<Heading> {
        Some(Heading {
            level,
            text: text.into(),
            anchor: anchor.into(),
        })
    }

    #[test]
    fn blocks_are_lines_and_whitespace_collapses() {
        let mut b = Body::new(Some("T".into()), Anchors::Slugs);
        b.push("  one \t two\n");
        b.push("three ");
        b.end_block();
        b.end_block();
        b.push("four");
        let (title, parts) = b.finish();
        assert_eq!(title.as_deref(), Some("T"));
        assert_eq!(
            parts,
            vec![Part {
                heading: None,
                text: "one two three\nfour".into()
            }]
        );
    }

    #[test]
    fn headings_start_parts_and_first_h1_becomes_title() {
        let mut b = Body::new(None, Anchors::Slugs);
        b.start_heading(1, None);
        b.push("Reset a password");
        b.end_heading();
        b.push("Intro.");
        b.start_heading(2, None);
        b.push("Steps");
        b.end_heading();
        b.push("Do it.");
        b.start_heading(2, Some("custom".into()));
        b.push("Empty section");
        b.end_heading();
        let (title, parts) = b.finish();
        assert_eq!(title.as_deref(), Some("Reset a password"));
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].heading, None);
        assert_eq!(parts[0].text, "Intro.");
        assert_eq!(parts[1].heading, heading(2, "Steps", "steps"));
        assert_eq!(parts[1].text, "Do it.");
        assert_eq!(parts[2].heading, heading(2, "Empty section", "custom"));
        assert_eq!(parts[2].text, "");
    }

    #[test]
    fn first_h1_differing_from_title_is_kept_and_later_h1s_too() {
        let mut b = Body::new(Some("Short title".into()), Anchors::Slugs);
        for text in ["Long display title", "Short title"] {
            b.start_heading(1, None);
            b.push(text);
            b.end_heading();
        }
        let (_, parts) = b.finish();
        let headings: Vec<_> = parts.iter().map(|p| p.heading.clone()).collect();
        assert_eq!(
            headings,
            vec![
                heading(1, "Long display title", "long-display-title"),
                heading(1, "Short title", "short-title")
            ]
        );
    }

    #[test]
    fn hidden_title_heading_still_takes_its_anchor() {
        let mut b = Body::new(Some("Setup".into()), Anchors::Slugs);
        for text in ["Setup", "Setup"] {
            b.start_heading(1, None);
            b.push(text);
            b.end_heading();
        }
        let (_, parts) = b.finish();
        assert_eq!(parts[0].heading, heading(1, "Setup", "setup-1"));
    }

    #[test]
    fn text_inside_heading_does_not_leak_into_body() {
        let mut b = Body::new(Some("T".into()), Anchors::Slugs);
        b.push("before");
        b.start_heading(2, None);
        b.push("A");
        b.end_block(); // e.g. <br> or a block tag inside the heading
        b.push("B");
        b.end_heading();
        b.push("after");
        let (_, parts) = b.finish();
        assert_eq!(parts[0].text, "before");
        assert_eq!(parts[1].heading, heading(2, "A B", "a-b"));
        assert_eq!(parts[1].text, "after");
    }

    #[test]
    fn page_headings_without_an_id_join_the_part_before() {
        let mut b = Body::new(None, Anchors::FromPage);
        b.start_heading(1, None);
        b.push("Title");
        b.end_heading();
        b.push("Intro.");
        b.start_heading(2, Some("steps".into()));
        b.push("Steps");
        b.end_heading();
        b.push("Do it.");
        b.start_heading(3, None);
        b.push("Tip");
        b.end_heading();
        b.push("Twice.");
        let (title, parts) = b.finish();
        assert_eq!(title.as_deref(), Some("Title"));
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].text, "Intro.");
        assert_eq!(parts[1].heading, heading(2, "Steps", "steps"));
        assert_eq!(parts[1].text, "Do it.\nTip\nTwice.");
    }

    #[test]
    fn unicode_whitespace_collapses_too() {
        let mut b = Body::new(None, Anchors::Slugs);
        b.push("\u{3000}全角\u{3000}空格\u{a0}nbsp\u{b}vt\u{2003}em ");
        b.push(" 中文");
        let (_, parts) = b.finish();
        assert_eq!(parts[0].text, "全角 空格 nbsp vt em 中文");
        assert_eq!(word_end("ab\u{85}c"), 2);
    }

    #[test]
    fn tag_kinds() {
        assert_eq!(tag_kind("STRONG"), TagKind::Inline);
        assert_eq!(tag_kind("br"), TagKind::Space);
        assert_eq!(tag_kind("div"), TagKind::Block);
        assert_eq!(tag_kind("CustomContent"), TagKind::Block);
    }

    #[test]
    fn collapse_trims() {
        assert_eq!(collapse("  a\n  b\tc "), "a b c");
    }
}
