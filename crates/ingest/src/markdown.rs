//! Markdown body → title and plain-text parts.
//!
//! Used for Markdown files (after front matter is split off) and for the `body` of JSON Lines
//! records. Keeps the text of paragraphs, lists, tables, code and link labels; drops URLs,
//! images, HTML tags and comments (the text between tags stays) and DocFX markers such as
//! `[!NOTE]`, `[!INCLUDE [x](y)]` and `:::image ...:::`, which are syntax, not content.

use helpdex_core::Part;
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
/// line, so a tag or comment can span events).
#[derive(Debug, Default)]
struct HtmlText {
    state: HtmlState,
    /// Name of the tag being read.
    name: String,
    closing: bool,
    /// Inside `<script>` or `<style>`: their content is not text.
    raw: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum HtmlState {
    #[default]
    Text,
    Name,
    /// Attributes, inside a quoted value when `Some(quote)`.
    Attributes(Option<char>),
    /// Inside `<!-- -->`, with the count of `-` just seen.
    Comment(u8),
    /// Inside `<!DOCTYPE ...>` or `<? ... ?>`.
    Declaration,
}

impl HtmlText {
    fn feed(&mut self, html: &str, body: &mut Body) {
        let mut text = String::new();
        let mut chars = html.chars().peekable();
        while let Some(c) = chars.next() {
            match self.state {
                HtmlState::Text => {
                    if c != '<' {
                        if !self.raw {
                            text.push(c);
                        }
                        continue;
                    }
                    match chars.peek() {
                        Some(n) if n.is_ascii_alphabetic() => self.open_tag(false),
                        Some('/') => {
                            chars.next();
                            self.open_tag(true);
                        }
                        Some('!') => {
                            chars.next();
                            let comment = chars.next_if_eq(&'-').is_some()
                                && chars.next_if_eq(&'-').is_some();
                            self.state = if comment {
                                HtmlState::Comment(0)
                            } else {
                                HtmlState::Declaration
                            };
                        }
                        Some('?') => self.state = HtmlState::Declaration,
                        _ if !self.raw => text.push(c),
                        _ => {}
                    }
                }
                HtmlState::Name if c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.') => {
                    self.name.push(c);
                }
                HtmlState::Name | HtmlState::Attributes(None) if c == '>' => {
                    flush(&mut text, body);
                    self.close_tag(body);
                }
                HtmlState::Name => self.state = HtmlState::Attributes(None),
                HtmlState::Attributes(None) if c == '"' || c == '\'' => {
                    self.state = HtmlState::Attributes(Some(c));
                }
                HtmlState::Attributes(Some(quote)) if c == quote => {
                    self.state = HtmlState::Attributes(None);
                }
                HtmlState::Attributes(_) => {}
                HtmlState::Comment(dashes) => {
                    self.state = match c {
                        '-' => HtmlState::Comment(dashes.saturating_add(1)),
                        '>' if dashes >= 2 => HtmlState::Text,
                        _ => HtmlState::Comment(0),
                    };
                }
                HtmlState::Declaration => {
                    if c == '>' {
                        self.state = HtmlState::Text;
                    }
                }
            }
        }
        flush(&mut text, body);
    }

    fn open_tag(&mut self, closing: bool) {
        self.state = HtmlState::Name;
        self.name.clear();
        self.closing = closing;
    }

    fn close_tag(&mut self, body: &mut Body) {
        self.state = HtmlState::Text;
        let raw_element =
            self.name.eq_ignore_ascii_case("script") || self.name.eq_ignore_ascii_case("style");
        if self.raw {
            // Only the end tag of the raw element ends raw text.
            self.raw = !(self.closing && raw_element);
            return;
        }
        self.raw = raw_element && !self.closing;
        match tag_kind(&self.name) {
            TagKind::Inline => {}
            TagKind::Space => body.space(),
            TagKind::Block => body.end_block(),
        }
    }
}

/// Pushes collected text, decoding the character references pulldown-cmark leaves in raw HTML.
fn flush(text: &mut String, body: &mut Body) {
    if text.contains('&') {
        body.push(&decode_entities(text));
    } else {
        body.push(text);
    }
    text.clear();
}

/// Decodes numeric references and the named ones that show up in hand-written HTML.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                _ => {
                    let code = match name.strip_prefix('#')? {
                        hex if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16),
                        dec => dec.parse(),
                    };
                    char::from_u32(code.ok()?)?
                }
            };
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#65;&#x42; &bogus; &"),
            "a & b AB &bogus; &"
        );
    }
}
