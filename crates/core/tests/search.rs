//! Search behaviour, as numbered properties over tiny help centers.
//!
//! 1. A word of 5+ characters matches with one typo, 9+ with two; shorter words need exact
//!    spelling.
//! 2. A typo on the first letter counts as two.
//! 3. The last word matches as a prefix while it is being typed, not after a space.
//! 4. Articles matching all words come before those matching fewer; when none matches all,
//!    the best partial matches are still returned.
//! 5. A title that is exactly the query comes first; a title match beats body mentions.
//! 6. Words close together rank above the same words far apart.
//! 7. A quoted phrase matches only adjacent words.
//! 8. Chinese matches by character bigrams, mixed with English, with full-width forms folded.
//! 9. Excerpts mark the matched words and name the best-matching heading's anchor.
//! 10. Any query, however long or odd, returns without panicking.

mod common;

use common::{article, ids, index};
use helpdex_core::SearchOptions;

#[test]
fn p1_typo_budget_grows_with_word_length() {
    let ix = index(&[
        article("a", "Printer setup", "Connect the printer.", &[]),
        article("b", "Mail", "Send mail.", &[]),
        article("c", "Configuration reference", "", &[]),
    ]);
    assert_eq!(ids(&ix, "printre "), ["a"]); // 7 letters, one transposition
    assert!(ids(&ix, "mial ").is_empty()); // 4 letters: no typo allowed
    assert_eq!(ids(&ix, "confgiuraton "), ["c"]); // 12 letters, two typos
    assert!(ids(&ix, "prnitre ").is_empty()); // 7 letters, two typos: too many
}

#[test]
fn p2_first_letter_typo_costs_two() {
    let ix = index(&[
        article("a", "Printer setup", "", &[]),
        article("c", "Configuration reference", "", &[]),
    ]);
    assert!(ids(&ix, "brinter ").is_empty()); // budget 1, first letter wrong
    assert_eq!(ids(&ix, "xonfiguration "), ["c"]); // budget 2: substituted first letter
    assert_eq!(ids(&ix, "onfiguration "), ["c"]); // deleted first letter
    assert_eq!(ids(&ix, "ocnfiguration "), ["c"]); // swapped first letters
}

#[test]
fn p3_last_word_is_a_prefix_while_typing() {
    let ix = index(&[article("a", "Password reset", "Reset your password.", &[])]);
    assert_eq!(ids(&ix, "pass"), ["a"]);
    assert!(ids(&ix, "pass ").is_empty());
    assert_eq!(ids(&ix, "reset pass"), ["a"]);
}

#[test]
fn p4_all_words_first_then_graceful_fallback() {
    let ix = index(&[
        article(
            "one",
            "Calendar sharing",
            "Share a calendar with a colleague.",
            &[],
        ),
        article(
            "both",
            "Sharing",
            "Share your calendar and contacts with colleagues.",
            &[],
        ),
    ]);
    assert_eq!(ids(&ix, "calendar contacts ")[0], "both");
    let partial = ids(&ix, "calendar zebra ");
    assert_eq!(
        partial.len(),
        2,
        "nobody has zebra, calendar still finds both"
    );
}

#[test]
fn p5_exact_title_first_and_title_beats_body() {
    let ix = index(&[
        article(
            "body",
            "Troubleshooting guide",
            "Outlook not responding? Outlook not responding often means add-ins; outlook \
             responding slowly.",
            &[],
        ),
        article("title", "Outlook not responding", "Try safe mode.", &[]),
        article("longer", "Outlook not responding after an update", "", &[]),
    ]);
    assert_eq!(
        ids(&ix, "outlook not responding "),
        ["title", "longer", "body"]
    );
}

#[test]
fn p6_proximity() {
    let ix = index(&[
        article(
            "far",
            "Guide",
            "reset the device. Many unrelated words here then finally password.",
            &[],
        ),
        article(
            "near",
            "Guide",
            "Here you can reset password quickly and more words follow.",
            &[],
        ),
    ]);
    assert_eq!(ids(&ix, "reset password "), ["near", "far"]);
}

#[test]
fn p7_quoted_phrases_need_adjacent_words() {
    let ix = index(&[
        article("apart", "Flow", "mail is not a flow", &[]),
        article("phrase", "Rules", "configure mail flow rules", &[]),
    ]);
    assert_eq!(ids(&ix, "\"mail flow\""), ["phrase"]);
    assert_eq!(ids(&ix, "mail flow ").len(), 2);
}

#[test]
fn p8_chinese_and_mixed_text() {
    let ix = index(&[
        article("kb", "知识库使用指南", "如何搜索知识库中的文章。", &[]),
        article(
            "reset",
            "iPhone 怎么重置密码",
            "打开设置，然后重置密码。",
            &[],
        ),
        article("other", "数据库备份", "备份数据。", &[]),
    ]);
    assert_eq!(ids(&ix, "知识库")[0], "kb");
    assert_eq!(ids(&ix, "知识")[0], "kb"); // typed so far
    assert_eq!(ids(&ix, "iphone重置密码")[0], "reset");
    assert_eq!(ids(&ix, "ＩＰＨＯＮＥ 重置")[0], "reset"); // full-width folds
    let mut lone = ids(&ix, "库"); // a lone character matches inside bigrams
    lone.sort();
    assert_eq!(lone, ["kb", "other"]);
}

#[test]
fn p9_excerpts_mark_matches_and_anchor_the_best_heading() {
    let ix = index(&[article(
        "a",
        "Mailbox guide",
        "An introduction to mailboxes.",
        &[
            (
                "Create",
                "Open the admin center to create a shared mailbox.",
            ),
            (
                "Delete a shared mailbox",
                "Deleting a shared mailbox removes its mail.",
            ),
        ],
    )]);
    let plan = ix.plan("delete shared mailbox", true);
    let hits = ix.search(&plan, &SearchOptions::default()).unwrap();
    let shown = ix.present(&plan, &hits[0]).unwrap();
    assert_eq!(shown.anchor, Some("delete-a-shared-mailbox"));
    let marked: Vec<&str> = shown
        .excerpt
        .highlights
        .iter()
        .map(|r| &shown.excerpt.text[r.clone()])
        .collect();
    assert_eq!(marked, ["shared", "mailbox"]);
    assert_eq!(
        &shown.title.text[shown.title.highlights[0].clone()],
        "Mailbox"
    );
    assert_eq!(shown.sub_results[0].anchor, "delete-a-shared-mailbox");
}

#[test]
fn p10_hostile_queries_return() {
    let ix = index(&[article("a", "Anything", "words and more words", &[])]);
    let long = "configuration ".repeat(800);
    for q in [
        long.as_str(),
        &"x".repeat(10_000),
        "\u{0}\u{1f}\u{202e}😀🚀 \"",
        "\"\"\"\"",
        "",
        "   ",
        "漢字かなカナ한국어 Ωμέγα العربية",
    ] {
        let plan = ix.plan(q, true);
        ix.search(&plan, &SearchOptions::default())
            .expect("search runs");
    }
}
