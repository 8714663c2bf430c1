//! Markdown body → title and plain-text parts.
//!
//! Used for Markdown files (after front matter is split off) and for the `body` of JSON Lines
//! records. Keeps the text of paragraphs, lists, tables, code and link labels; drops URLs,
//! images, HTML tags and comments (the text between tags stays) and DocFX markers such as
//! `[!NOTE]`, `[!INCLUDE [x](y)]` and `:::image ...:::`, which are syntax, not content.

use std::cell::{Cell, RefCell};

use helpdex_core::Part;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::text::{tag_kind, Anchors, Body, TagKind};

/// Tables, footnotes, strikethrough and task lists as GitHub writes them; `{#id}` heading
/// attributes for explicit anchors.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Converts a Markdown body. `title` is the title known from elsewhere (front matter, record);
/// without one, the first H1 becomes the title. Either way the first H1 is not repeated as a
/// heading when it equals the title.
pub(crate) fn convert(markdown: &str, title: Option<String>) -> Converted {
    let mut walker = Walker {
        links: Vec::new(),
        body: Body::new(title, Anchors::Slugs),
        prose: String::new(),
        images: 0,
        in_code: false,
        marker: Marker::None,
        html: HtmlText::default(),
    };
    for event in Parser::new_ext(markdown, OPTIONS) {
        walker.event(event);
    }
    walker.flush_prose();
    let (title, parts) = walker.body.finish();
    Converted {
        title,
        parts,
        links: walker.links,
    }
}

/// A Markdown body, converted.
pub(crate) struct Converted {
    /// The first H1, when no title was known.
    pub title: Option<String>,
    pub parts: Vec<Part>,
    /// Link targets, as written, in order.
    pub links: Vec<String>,
}

struct Walker {
    body: Body,
    links: Vec<String>,
    /// Consecutive prose text events, joined so that a marker split across them (pulldown-cmark
    /// ends a text event at `[` and `]`) is seen whole. One reused buffer, because
    /// pulldown-cmark's `TextMergeStream` allocates on every merge, which showed in profiles.
    prose: String,
    /// Nesting depth of images: their alt text is not article text.
    images: u32,
    in_code: bool,
    marker: Marker,
    html: HtmlText,
}

/// A DocFX marker being dropped, possibly across several events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    None,
    /// Inside `[!...]`; the count of `[` not yet closed.
    Bracket(u32),
    /// Inside `:::name ...`, until the closing `:::`.
    Colons,
}

impl Walker {
    fn event(&mut self, event: Event<'_>) {
        if let Event::Text(text) = &event {
            if self.images == 0 {
                if self.in_code {
                    self.body.push(text);
                } else {
                    self.prose.push_str(text);
                }
            }
            return;
        }
        self.flush_prose();
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Code(code) if self.images == 0 && self.marker == Marker::None => {
                self.body.push(&code);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html.feed(&html, &mut self.body),
            Event::SoftBreak | Event::HardBreak => self.body.space(),
            Event::Rule => self.end_block(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, id, .. } => {
                self.end_block();
                self.body
                    .start_heading(level as u8, id.map(|id| id.into_string()));
            }
            Tag::Image { .. } => self.images += 1,
            Tag::CodeBlock(_) => {
                self.end_block();
                self.in_code = true;
            }
            Tag::TableCell => self.body.space(),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
            Tag::Link { dest_url, .. } => self.links.push(dest_url.into_string()),
            _ => self.end_block(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.reset();
                self.body.end_heading();
            }
            TagEnd::Image => self.images -= 1,
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.end_block();
            }
            TagEnd::TableCell => self.body.space(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {}
            _ => self.end_block(),
        }
    }

    /// A marker or an HTML comment left open does not swallow the next block.
    fn reset(&mut self) {
        self.marker = Marker::None;
        self.html = HtmlText::default();
    }

    fn end_block(&mut self) {
        self.reset();
        self.body.end_block();
    }

    /// Pushes the pending prose text, dropping DocFX markers.
    fn flush_prose(&mut self) {
        if self.prose.is_empty() {
            return;
        }
        let prose = std::mem::take(&mut self.prose);
        self.drop_markers(&prose);
        // Hand the buffer back so its allocation is reused.
        self.prose = prose;
        self.prose.clear();
    }

    /// Pushes prose text, dropping DocFX markers.
    fn drop_markers(&mut self, mut text: &str) {
        while !text.is_empty() {
            match self.marker {
                Marker::None => match find_marker(text) {
                    Some((at, marker, len)) => {
                        self.body.push(&text[..at]);
                        self.marker = marker;
                        text = &text[at + len..];
                    }
                    None => {
                        self.body.push(text);
                        return;
                    }
                },
                Marker::Bracket(mut depth) => {
                    let mut end = None;
                    for (i, b) in text.bytes().enumerate() {
                        match b {
                            b'[' => depth += 1,
                            b']' => {
                                depth -= 1;
                                if depth == 0 {
                                    end = Some(i + 1);
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                    match end {
                        Some(end) => {
                            self.marker = Marker::None;
                            self.body.space();
                            text = &text[end..];
                        }
                        None => {
                            self.marker = Marker::Bracket(depth);
                            return;
                        }
                    }
                }
                Marker::Colons => match text.find(":::") {
                    Some(at) => {
                        self.marker = Marker::None;
                        self.body.space();
                        text = &text[at + 3..];
                    }
                    None => return,
                },
            }
        }
    }
}

/// The first DocFX marker opening in `text`: `[!` or `:::` directly followed by a letter.
/// Returns where it starts, the state it opens and the length of the opening.
fn find_marker(text: &str) -> Option<(usize, Marker, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b'[', b':', &bytes[from..]).map(|i| from + i) {
        let followed_by_letter =
            |len: usize| bytes.get(i + len).is_some_and(u8::is_ascii_alphabetic);
        if bytes[i..].starts_with(b"[!") && followed_by_letter(2) {
            return Some((i, Marker::Bracket(1), 2));
        }
        if bytes[i..].starts_with(b":::") && followed_by_letter(3) {
            return Some((i, Marker::Colons, 3));
        }
        from = i + 1;
    }
    None
}

/// Plain text of raw HTML in Markdown, fed one event at a time (an HTML block arrives line by
/// line, so a tag or comment can span events). html5ever's tokenizer reads it, the same parser
/// that reads HTML pages, so character references decode as a browser decodes them
/// (`&mdash;` → `—`) and comments, `<script>` and `<style>` content are not text.
#[derive(Default)]
struct HtmlText {
    /// Started at the first raw HTML of a block; dropped at the block's end, so an unclosed
    /// tag or comment does not swallow the next block.
    tokenizer: Option<Tokenizer<HtmlSink>>,
}

impl HtmlText {
    fn feed(&mut self, html: &str, body: &mut Body) {
        let tokenizer = self
            .tokenizer
            .get_or_insert_with(|| Tokenizer::new(HtmlSink::default(), TokenizerOpts::default()));
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        // The sink never asks the tokenizer to pause (it runs no scripts), so one call reads
        // everything.
        let _ = tokenizer.feed(&input);
        for piece in tokenizer.sink.pieces.take() {
            match piece {
                Piece::Text(text) => body.push(&text),
                Piece::Tag(TagKind::Inline) => {}
                Piece::Tag(TagKind::Space) => body.space(),
                Piece::Tag(TagKind::Block) => body.end_block(),
            }
        }
    }
}

/// What the tokenizer yields, collected until the feed returns.
#[derive(Default)]
struct HtmlSink {
    pieces: RefCell<Vec<Piece>>,
    /// Inside `<script>` or `<style>`: their content is not text.
    raw: Cell<bool>,
}

enum Piece {
    Text(String),
    Tag(TagKind),
}

impl TokenSink for HtmlSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) if !self.raw.get() => {
                let mut pieces = self.pieces.borrow_mut();
                match pieces.last_mut() {
                    Some(Piece::Text(last)) => last.push_str(&text),
                    _ => pieces.push(Piece::Text(text.to_string())),
                }
            }
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                let raw_kind = match name {
                    "script" => Some(RawKind::ScriptData),
                    "style" => Some(RawKind::Rawtext),
                    _ => None,
                };
                if self.raw.get() {
                    // Only the end tag of the raw element ends raw text.
                    if tag.kind == EndTag && raw_kind.is_some() {
                        self.raw.set(false);
                    }
                    return TokenSinkResult::Continue;
                }
                self.pieces.borrow_mut().push(Piece::Tag(tag_kind(name)));
                if let (StartTag, Some(kind)) = (tag.kind, raw_kind) {
                    self.raw.set(true);
                    // Tell the tokenizer, as the tree builder would, so `<p>` in a script is
                    // not read as a tag.
                    return TokenSinkResult::RawData(kind);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use helpdex_core::Heading;

    fn text_of(md: &str) -> String {
        let Converted { parts, .. } = convert(md, Some("T".into()));
        parts
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn headings(md: &str) -> Vec<(u8, String, String)> {
        let Converted { parts, .. } = convert(md, Some("T".into()));
        parts
            .into_iter()
            .filter_map(|p| p.heading)
            .map(
                |Heading {
                     level,
                     text,
                     anchor,
                 }| (level, text, anchor),
            )
            .collect()
    }

    #[test]
    fn splits_at_headings_and_takes_first_h1_as_title() {
        let md = "# Reset your password\n\nIntro *text*.\n\n## Steps\n\n1. Open **Settings**.\n2. Select `Reset`.\n\n### Notes {#notes-x}\n\nDone.";
        let Converted { title, parts, .. } = convert(md, None);
        assert_eq!(title.as_deref(), Some("Reset your password"));
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].heading, None);
        assert_eq!(parts[0].text, "Intro text.");
        let h = parts[1].heading.as_ref().unwrap();
        assert_eq!(
            (h.level, h.text.as_str(), h.anchor.as_str()),
            (2, "Steps", "steps")
        );
        assert_eq!(parts[1].text, "Open Settings.\nSelect Reset.");
        let h = parts[2].heading.as_ref().unwrap();
        assert_eq!((h.text.as_str(), h.anchor.as_str()), ("Notes", "notes-x"));
    }

    #[test]
    fn setext_headings_count() {
        let Converted { title, parts, .. } =
            convert("Title here\n==========\n\nSub\n---\n\ntext", None);
        assert_eq!(title.as_deref(), Some("Title here"));
        assert_eq!(parts[0].heading.as_ref().unwrap().text, "Sub");
    }

    #[test]
    fn first_h1_equal_to_known_title_is_not_repeated() {
        let Converted { title, parts, .. } = convert("# Billing\n\nText", Some("Billing".into()));
        assert_eq!(title.as_deref(), Some("Billing"));
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].heading, None);
        let Converted { parts, .. } = convert("# Billing FAQ\n\nText", Some("Billing".into()));
        assert_eq!(parts[0].heading.as_ref().unwrap().text, "Billing FAQ");
    }

    #[test]
    fn heading_in_code_fence_is_not_a_title() {
        let Converted { title, .. } = convert("```\n# not a heading\n```\n\n# Real\n", None);
        assert_eq!(title.as_deref(), Some("Real"));
    }

    #[test]
    fn links_keep_text_images_go() {
        assert_eq!(
            text_of("See [the guide](https://x.example/guide) and ![diagram](d.png) <https://auto.example>."),
            "See the guide and https://auto.example."
        );
        let md = "See [the guide](../guide.md#setup), [here](#limits) and ![d](d.png) <https://auto.example>.";
        let Converted { links, .. } = convert(md, None);
        assert_eq!(
            links,
            ["../guide.md#setup", "#limits", "https://auto.example"]
        );
    }

    #[test]
    fn code_tables_and_lists_are_blocks() {
        let md = "- one\n- two\n  - nested\n\n| A | B |\n|---|---|\n| a1 | b1 |\n\n```sh\nls   -la\ncd /\n```\n";
        assert_eq!(text_of(md), "one\ntwo\nnested\nA B\na1 b1\nls -la cd /");
    }

    #[test]
    fn html_tags_and_comments_are_dropped() {
        let md = "Before <!-- hidden\ncomment --> after <b>bold</b>.\n\n<div class=\"x\">\n<p>Inside &amp; out&nbsp;here &#x4e2d;</p>\n<!-- gone -->\n<script>var x = '<p>';</script>\n</div>\n\n<table><tr><td>a</td><td>b</td></tr></table>\n";
        assert_eq!(text_of(md), "Before after bold.\nInside & out here 中\na b");
    }

    #[test]
    fn docfx_markers_are_dropped() {
        let md = "> [!NOTE]\n> Keep this.\n\n[!INCLUDE [Applies to](../includes/applies.md)]\n\n\
                  :::image type=\"content\" source=\"media/a.png\" alt-text=\"Screenshot [x].\":::\n\n\
                  Text :::no-loc text=\"x\"::: more.\n\n> [!div class=\"nextstepaction\"]\n> [Next](next.md)\n\n\
                  `[!NOTE]` in code stays.";
        assert_eq!(
            text_of(md),
            "Keep this.\nText more.\nNext\n[!NOTE] in code stays."
        );
    }

    #[test]
    fn unclosed_marker_stops_at_block_end() {
        assert_eq!(text_of("a [!oops b\n\nnext"), "a\nnext");
    }

    #[test]
    fn anchors_are_github_slugs_deduplicated() {
        let md = "## Cause\n\n## Cause\n\n## 可用模型\n\n## 使用 TiUP 部署（推荐）\n\n## Heading `code` *em*";
        assert_eq!(
            headings(md),
            vec![
                (2, "Cause".into(), "cause".into()),
                (2, "Cause".into(), "cause-1".into()),
                (2, "可用模型".into(), "可用模型".into()),
                (
                    2,
                    "使用 TiUP 部署（推荐）".into(),
                    "使用-tiup-部署推荐".into()
                ),
                (2, "Heading code em".into(), "heading-code-em".into()),
            ]
        );
    }

    #[test]
    fn footnotes_and_tasks() {
        assert_eq!(
            text_of("Claim[^1].\n\n- [x] done\n\n[^1]: Source."),
            "Claim.\ndone\nSource."
        );
    }

    #[test]
    fn character_references_in_html_decode_like_a_browser() {
        assert_eq!(
            text_of("<p>a&mdash;b &copy; 2024 &rsquo; &amp; &#65;&#x42; &bogus; & &lt;p&gt;</p>"),
            "a—b © 2024 ’ & AB &bogus; & <p>"
        );
        assert_eq!(text_of("x <span>&hellip;&nbsp;&euro;</span>"), "x … €");
    }
}
