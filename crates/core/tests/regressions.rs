//! Bugs found on real sites, each reduced to a few articles and named after what went wrong.

mod common;

use common::{article, ids, index};
use helpdex_core::{Index, SearchOptions};

fn explain(ix: &Index, query: &str) -> Vec<(String, u32, bool)> {
    let plan = ix.plan(query, true);
    let hits = ix.search(&plan, &SearchOptions::default()).unwrap();
    hits.iter()
        .map(|h| {
            let id = ix.present(&plan, h).unwrap().fragment.page.id.clone();
            (id, h.details.words, h.details.exact_title)
        })
        .collect()
}

/// A Latin word that also reads as pinyin (`palete`: pa-le-te) lost its typo tolerance as soon
/// as the corpus held one Chinese character.
#[test]
fn typos_survive_a_chinese_article_in_the_corpus() {
    let english = article("a", "Palette", "The palette dialog.", &[]);
    let chinese = article("b", "中文", "中文 你好", &[]);
    assert_eq!(
        ids(&index(std::slice::from_ref(&english)), "palete "),
        ["a"]
    );
    assert_eq!(ids(&index(&[english.clone(), chinese]), "palete "), ["a"]);
    // Both readings count, ranked: the typo'd English first, the Chinese it spells after.
    let chinese = article("b", "中文", "帕乐特 怕了 特别", &[]);
    assert_eq!(
        ids(&index(&[english, chinese]), "palete dialog "),
        ["a", "b"]
    );
}

/// The exact title match was lost when another form of the word (`layers`) was rarer: the
/// article was ranked by the rarer variant in its body, not the word in its title.
#[test]
fn an_exact_title_wins_whichever_variant_is_rarer() {
    let ix = index(&[
        article("a", "Layer", "layers are here", &[]),
        article("b", "Other", "the layer thing", &[]),
    ]);
    for query in ["layer", "layer "] {
        let hits = explain(&ix, query);
        assert_eq!(hits[0].0, "a", "{query:?}");
        assert!(hits[0].2, "{query:?}: exact title");
    }
    let ix = index(&[
        article("a", "Color", "colors and more colors", &[]),
        article("b", "Other", "a color", &[]),
    ]);
    assert!(explain(&ix, "color ")[0].2);
}

/// A consonant-only last word read as pinyin initials (`Sc`: s-c) bound the typed Chinese
/// before it into the initials' phrase, so `两种` was dropped from every article the initials
/// did not match.
#[test]
fn initials_are_one_more_reading_of_the_typed_word() {
    let script = article("a", "两种不同的 Script-Fu", "", &[]);
    let scroll = article("b", "Show Scrollbars", "", &[]);
    let initials = article("c", "Other", "色彩 删除 输出 生成 上传 双层 三次", &[]);
    let ix = index(&[script.clone(), scroll.clone()]);
    assert_eq!(explain(&ix, "两种 Sc")[0], ("a".into(), 2, false));
    let ix = index(&[script, scroll, initials]);
    assert_eq!(explain(&ix, "两种 Sc")[0], ("a".into(), 2, false));
    assert_eq!(ids(&ix, "两种不同的 Scr")[0], "a");
}
