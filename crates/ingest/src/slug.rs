//! GitHub-style heading anchors.
//!
//! Follows `github-slugger`, which GitHub, Docusaurus and many static-site generators use, so a
//! result link lands on the anchor the page really has: lowercase, punctuation and symbols
//! dropped (but `-` and `_` kept), each space turned into `-`, letters of every script (CJK
//! included) kept, and repeats within one page numbered `-1`, `-2`, ...

use std::collections::HashMap;

/// Hands out anchors for one article, never the same one twice.
#[derive(Debug, Default)]
pub(crate) struct Slugger {
    /// Anchor → how many times its base slug has been handed out beyond the first.
    seen: HashMap<String, u32>,
}

impl Slugger {
    /// The anchor for a heading without an explicit id.
    pub(crate) fn slug(&mut self, text: &str) -> String {
        let base = slugify(text);
        let mut anchor = base.clone();
        // Same loop as github-slugger: `a`, `a-1`, `a-2`, ... skipping anchors already taken
        // (a heading may literally be called "a-1").
        while self.seen.contains_key(&anchor) {
            let count = self.seen.entry(base.clone()).or_insert(0);
            *count += 1;
            anchor = format!("{base}-{count}");
        }
        self.seen.insert(anchor.clone(), 0);
        anchor
    }

    /// Records an explicit id (`{#id}`, `id="..."`) so a later slug does not collide with it.
    pub(crate) fn claim(&mut self, id: &str) {
        self.seen.entry(id.to_owned()).or_insert(0);
    }
}

/// The GitHub slug of a heading's text, without de-duplication.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c == ' ' {
            out.push('-');
        } else if c == '-' || c == '_' || c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_examples() {
        assert_eq!(slugify("Hello World"), "hello-world");
        assert_eq!(slugify("What's new?"), "whats-new");
        assert_eq!(slugify("A & B"), "a--b");
        assert_eq!(
            slugify("snake_case and kebab-case"),
            "snake_case-and-kebab-case"
        );
        assert_eq!(slugify("Version 2.0 (beta)"), "version-20-beta");
        assert_eq!(slugify("  padded  "), "padded");
        assert_eq!(slugify("Ünïcödé Ñame"), "ünïcödé-ñame");
    }

    #[test]
    fn keeps_cjk_and_drops_fullwidth_punctuation() {
        assert_eq!(slugify("可用模型"), "可用模型");
        assert_eq!(slugify("使用 TiUP 部署（推荐）"), "使用-tiup-部署推荐");
        assert_eq!(slugify("第一步：安装"), "第一步安装");
        assert_eq!(slugify("设定の変更"), "设定の変更");
    }

    #[test]
    fn repeats_are_numbered() {
        let mut s = Slugger::default();
        assert_eq!(s.slug("Cause"), "cause");
        assert_eq!(s.slug("Cause"), "cause-1");
        assert_eq!(s.slug("cause"), "cause-2");
        assert_eq!(s.slug("Cause 1"), "cause-1-1");
    }

    #[test]
    fn claimed_ids_are_not_reused() {
        let mut s = Slugger::default();
        s.claim("resolution");
        assert_eq!(s.slug("Resolution"), "resolution-1");
    }
}
