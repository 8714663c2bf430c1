//! Search behaviour, as numbered properties over tiny help centers.
//!
//! 1. A word of 5+ characters matches with one typo, 9+ with two; shorter words need exact
//!    spelling.
//! 2. A typo on the first letter counts as two.
//! 3. The last word matches as a prefix while it is being typed, not after a space.
//! 4. Articles matching all words come before those matching fewer words of the same weight;
//!    when none matches all, the best partial matches are still returned.
//! 5. A title that is exactly the query comes first; a title match beats body mentions.
//! 6. Words close together rank above the same words far apart.
//! 7. A quoted phrase matches only adjacent words.
//! 8. Chinese matches by character bigrams, mixed with English, with full-width forms folded.
//! 9. Excerpts mark the matched words and name the best-matching heading's anchor.
//! 10. Any query, however long or odd, returns without panicking.
//! 11. Full pinyin finds Chinese: `zhishiku` → 知识库.
//! 12. Pinyin with spaces or apostrophes is one run: `zhi shi ku`, `xi'an` → 西安.
//! 13. Initials find Chinese (`zsk` → 知识库), but only characters in a row.
//! 14. Pinyin mixes with typed characters: `zhishi库`, `知识ku`.
//! 15. Pinyin matches while the last syllable is being typed: `zhishik`, `zhis`.
//! 16. A homophone typo (`知识裤`) finds the article, ranked below one with the typed characters.
//! 17. Polyphonic characters match every reading: 调 (diao/tiao), 行 (xing/hang), 重 (zhong/chong).
//! 18. Traditional and Simplified characters find each other, typed or through pinyin.
//! 19. Full-width forms fold: `ｚｈｉｓｈｉｋｕ`, `ＩＰＨＯＮＥ`.
//! 20. Excerpts highlight the characters a pinyin or homophone query matched.
//! 21. Ranking: exact characters > homophone > full pinyin > initials, all above unrelated.
//! 22. Latin words stay Latin when the vocabulary has them; while typing, both readings count.
//! 23. Japanese kana and Korean hangul are searchable by any part of a word.
//! 24. A title holding the query as a phrase ranks above one with the same words apart, and
//!     one starting with it above one holding it later.
//! 25. Words weigh what they tell: missing a rare word costs more than missing a common one,
//!     and function words (`how`, `can`, `I`, 怎么, 吗) never decide the order on their own.
//! 26. Function words get no typo or prefix neighbours.
//! 27. Another form of a word (its English stem) matches, ranked below the form typed.
//! 28. A phrase of the support vocabulary matches its synonyms (built-in, or the site's own),
//!     ranked below the words as typed.
//! 29. Chinese questions rank on their topic words: the bigrams of 怎么办, 如何, 吗 … weigh
//!     nothing, in spaced and unspaced text alike.

mod common;

use common::{article, ids, index};
use helpdex_core::analysis::{FullFold, Synonyms};
use helpdex_core::index::build::{analyze, BuildOptions, IndexBuilder};
use helpdex_core::{Index, SearchOptions};

/// A table of queries and the articles they find, one line each, as fst's tests write them:
/// `"q" => exactly "a", "b";` (these ids, in this order), `"q" => first "a";` (ranked first),
/// `"q" => none;`. A failure names its query.
macro_rules! hits {
    ($ix:expr; $($query:expr => $kind:ident $($id:literal),* ;)*) => {
        $( hits!(@$kind $ix, $query, $($id),*); )*
    };
    (@exactly $ix:expr, $query:expr, $($id:literal),+) => {
        assert_eq!(ids(&$ix, $query), [$($id),+], "query {:?}", $query)
    };
    (@first $ix:expr, $query:expr, $id:literal) => {
        assert_eq!(ids(&$ix, $query).first().map(String::as_str), Some($id), "query {:?}", $query)
    };
    (@none $ix:expr, $query:expr,) => {
        assert_eq!(ids(&$ix, $query), [] as [&str; 0], "query {:?}", $query)
    };
}

#[test]
fn p1_typo_budget_grows_with_word_length() {
    let ix = index(&[
        article("a", "Printer setup", "Connect the printer.", &[]),
        article("b", "Mail", "Send mail.", &[]),
        article("c", "Configuration reference", "", &[]),
    ]);
    hits!(ix;
        "printre " => exactly "a"; // 7 letters, one transposition
        "mial " => none; // 4 letters: no typo allowed
        "confgiuraton " => exactly "c"; // 12 letters, two typos
        "prnitre " => none; // 7 letters, two typos: too many
    );
}

#[test]
fn p2_first_letter_typo_costs_two() {
    let ix = index(&[
        article("a", "Printer setup", "", &[]),
        article("c", "Configuration reference", "", &[]),
    ]);
    hits!(ix;
        "brinter " => none; // budget 1, first letter wrong
        "xconfiguration " => exactly "c"; // budget 2: a letter typed before the first
        "ocnfiguration " => exactly "c"; // swapped first letters
        // A substituted or lost first letter is not looked for: the term could start with
        // anything, which would need every vocabulary shard.
        "xonfiguration " => none;
        "onfiguration " => none;
    );
}

#[test]
fn p3_last_word_is_a_prefix_while_typing() {
    let ix = index(&[article("a", "Password reset", "Reset your password.", &[])]);
    hits!(ix;
        "pass" => exactly "a";
        "pass " => none;
        "reset pass" => exactly "a";
    );
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
    hits!(ix;
        "calendar contacts " => first "both";
    );
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
    hits!(ix;
        "reset password " => exactly "near", "far";
    );
}

#[test]
fn p7_quoted_phrases_need_adjacent_words() {
    let ix = index(&[
        article("apart", "Flow", "mail is not a flow", &[]),
        article("phrase", "Rules", "configure mail flow rules", &[]),
    ]);
    hits!(ix;
        "\"mail flow\"" => exactly "phrase";
    );
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
    hits!(ix;
        "知识库" => first "kb";
        "知识" => first "kb"; // typed so far
        "iphone重置密码" => first "reset";
        "ＩＰＨＯＮＥ 重置" => first "reset"; // full-width folds
    );
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
    // `Deleting` is another form of `delete`.
    assert_eq!(marked, ["Deleting", "shared", "mailbox"]);
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

/// A small Chinese help center for the pinyin properties.
fn chinese() -> Index {
    index(&[
        article("kb", "知识库使用指南", "如何搜索知识库中的文章。", &[]),
        article(
            "reset",
            "iPhone 怎么重置密码",
            "打开设置，然后重置密码。",
            &[],
        ),
        article("db", "数据库备份", "备份数据，定期检查。", &[]),
        article("xian", "西安办公室", "西安的地址和电话。", &[]),
        article("scattered", "知道", "知道这些常识。仓库在哪里？", &[]),
    ])
}

#[test]
fn p11_full_pinyin() {
    let ix = chinese();
    hits!(ix;
        "zhishiku" => first "kb";
        "zhishiku " => first "kb";
        "chongzhimima" => first "reset";
        "shujuku beifen" => first "db";
        "iphone chongzhi" => first "reset"; // with an English word
    );
}

#[test]
fn p12_spaced_and_apostrophe_pinyin() {
    let ix = chinese();
    hits!(ix;
        "zhi shi ku" => first "kb";
        "zhishi ku " => first "kb";
        "xi'an" => first "xian";
        "xi'an bangong" => first "xian";
    );
}

#[test]
fn p13_initials_in_a_row() {
    let ix = chinese();
    hits!(ix;
        "zsk" => exactly "kb"; // "scattered" has 知, 识 and 库 apart: not a match
        "sjk " => first "db";
        "zzqqxx" => none;
    );
    // The bigrams in a row need not be the article's most frequent for their initials.
    let ix = index(&[
        article(
            "pw",
            "安全",
            "请先阅读密码管理的说明。每个用户每个月每个人都要修改。",
            &[],
        ),
        article("other", "管理", "用户。", &[]),
    ]);
    hits!(ix;
        "mmgl " => exactly "pw";
    );
}

#[test]
fn p14_pinyin_mixed_with_characters() {
    let ix = chinese();
    hits!(ix;
        "zhishi库" => first "kb";
        "知识ku" => first "kb";
        "知识 ku " => first "kb";
        "chongzhi密码" => first "reset";
    );
}

#[test]
fn p15_pinyin_prefix_while_typing() {
    let ix = chinese();
    hits!(ix;
        "zhishik" => first "kb";
        "zhis" => first "kb";
        "chongzhim" => first "reset";
        "zhishik " => none; // after a space, k is no syllable
    );
}

#[test]
fn p16_homophone_typos_rank_below_exact() {
    let ix = index(&[
        article("cool", "知识酷", "知识酷是一个网站。", &[]),
        article("kb", "知识库", "搜索知识库。", &[]),
        article("other", "数据备份", "备份。", &[]),
    ]);
    hits!(ix;
        "知识库 " => exactly "kb", "cool";
        "知识酷 " => exactly "cool", "kb";
    );
    let ix = chinese();
    hits!(ix;
        "知识裤 " => first "kb";
        "数剧库 " => first "db";
    );
    assert!(ids(&ix, "数剧库 ").iter().all(|id| id != "xian"));
}

#[test]
fn p17_polyphonic_characters_match_every_reading() {
    let ix = index(&[
        article("schedule", "调度策略", "", &[]),
        article("adjust", "调整参数", "", &[]),
        article("bank", "银行卡", "", &[]),
        article("behaviour", "行为分析", "", &[]),
        article("reset", "重置密码", "", &[]),
        article("important", "重要通知", "", &[]),
    ]);
    hits!(ix;
        "diaodu " => first "schedule";
        "tiaozheng " => first "adjust";
        "yinhang " => first "bank";
        "xingwei " => first "behaviour";
        "chongzhi " => first "reset";
        "zhongyao " => first "important";
    );
}

#[test]
fn p18_traditional_and_simplified_find_each_other() {
    let ix = index(&[
        article("simplified", "搜寻文章", "在知识库中搜寻。", &[]),
        article("traditional", "資料庫備份", "備份資料庫。", &[]),
    ]);
    hits!(ix;
        "搜尋 " => exactly "simplified";
        "搜寻 " => exactly "simplified";
        "资料库 " => exactly "traditional";
        "資料庫 " => exactly "traditional";
        "ziliaoku " => exactly "traditional";
        "知識庫 " => exactly "simplified";
    );
}

#[test]
fn p19_full_width_forms() {
    let ix = chinese();
    hits!(ix;
        "ｚｈｉｓｈｉｋｕ" => first "kb";
        "ＩＰＨＯＮＥ　重置" => first "reset";
        "ＺＳＫ" => first "kb";
    );
}

#[test]
fn p20_excerpts_highlight_what_pinyin_matched() {
    let ix = chinese();
    let marked = |q: &str| -> (Vec<String>, Vec<String>) {
        let plan = ix.plan(q, true);
        let hits = ix.search(&plan, &SearchOptions::default()).unwrap();
        let shown = ix.present(&plan, &hits[0]).unwrap();
        let part = |e: &helpdex_core::Excerpt| -> Vec<String> {
            e.highlights
                .iter()
                .map(|r| e.text[r.clone()].to_string())
                .collect()
        };
        (part(&shown.title), part(&shown.excerpt))
    };
    assert_eq!(
        marked("zhishiku"),
        (vec!["知识库".into()], vec!["知识库".into()])
    );
    assert_eq!(
        marked("zsk"),
        (vec!["知识库".into()], vec!["知识库".into()])
    );
    assert_eq!(
        marked("知识裤 "),
        (vec!["知识库".into()], vec!["知识库".into()])
    );
    assert_eq!(
        marked("知识ku "),
        (vec!["知识库".into()], vec!["知识库".into()])
    );
}

#[test]
fn p21_ranking_exact_homophone_pinyin_initials_unrelated() {
    let ix = chinese();
    let score_of_kb = |q: &str| -> f32 {
        let plan = ix.plan(q, true);
        let hits = ix.search(&plan, &SearchOptions::default()).unwrap();
        let kb = hits
            .iter()
            .find(|h| ix.present(&plan, h).unwrap().fragment.page.id == "kb")
            .unwrap_or_else(|| panic!("{q} finds kb"));
        assert_eq!(hits[0].doc, kb.doc, "{q}: kb first");
        kb.score
    };
    let exact = score_of_kb("知识库 ");
    let homophone = score_of_kb("知识裤 ");
    let pinyin = score_of_kb("zhishiku ");
    let initials = score_of_kb("zsk ");
    assert!(exact > homophone, "{exact} > {homophone}");
    assert!(homophone > pinyin, "{homophone} > {pinyin}");
    assert!(pinyin > initials, "{pinyin} > {initials}");
    // In one list: the typed characters, then the homophone, never the unrelated article.
    let ix = index(&[
        article("unrelated", "数据库备份", "备份数据库。", &[]),
        article("homophone", "知识酷", "知识酷网站。", &[]),
        article("exact", "知识库", "知识库文章。", &[]),
    ]);
    hits!(ix;
        "知识库 " => exactly "exact", "homophone";
    );
    let mut pinyin = ids(&ix, "zhishiku "); // both read zhishiku
    pinyin.sort();
    assert_eq!(pinyin, ["exact", "homophone"]);
}

#[test]
fn p22_latin_words_keep_their_meaning() {
    let ix = index(&[
        article(
            "en",
            "Database backup",
            "Back up the database and data files.",
            &[],
        ),
        article("zh", "大他备份", "打他不好。", &[]),
    ]);
    hits!(ix;
        "data " => exactly "en"; // in the vocabulary: not read as da-ta
        "datab" => first "en"; // still being typed: database beats 大他
        "beifen" => first "zh";
    );
    // A misspelt English word is not initials.
    let ix = index(&[
        article(
            "links",
            "Hyperlinks are not working",
            "Outlook hyperlinks fail.",
            &[],
        ),
        article("zh", "会议记录", "会有一部分人如果你可以。", &[]),
    ]);
    hits!(ix;
        "outlok hyperlnks" => first "links";
    );
}

#[test]
fn p23_kana_and_hangul() {
    let ix = index(&[
        article(
            "ja",
            "パスワードをリセットする方法",
            "設定画面でパスワードを変更します。",
            &[],
        ),
        article(
            "ko",
            "비밀번호를 재설정하는 방법",
            "설정에서 비밀번호를 변경하세요.",
            &[],
        ),
        article("zh", "重置密码", "", &[]),
    ]);
    hits!(ix;
        "パスワード " => exactly "ja";
        "リセット " => exactly "ja";
    );
    assert_eq!(ids(&ix, "ぱすわーど ").len(), 0); // hiragana is another spelling, not folded
    hits!(ix;
        "비밀번호 " => exactly "ko";
        "재설정 " => exactly "ko";
        "비밀번호 재설정 " => exactly "ko";
        "설정 " => first "ko";
    );
}

#[test]
fn p24_the_query_as_a_phrase_of_the_title() {
    let ix = index(&[
        article("apart", "Open the Microsoft 365 apps", "", &[]),
        article("inside", "Why Microsoft 365 apps open slowly", "", &[]),
        article("start", "Microsoft 365 apps open slowly today", "", &[]),
    ]);
    assert_eq!(
        ids(&ix, "microsoft 365 apps open "),
        ["start", "inside", "apart"]
    );
    // Typed as it is being typed, and with a typo.
    hits!(ix;
        "microsoft 365 apps op" => first "start";
        "micrsoft 365 apps open " => first "start";
    );
}

#[test]
fn p25_words_weigh_what_they_tell() {
    // "license" is in one article, "how", "which" and "have" in all of them.
    let filler = "how to see which settings you have and how they work";
    let ix = index(&[
        article(
            "many",
            "Fix NDR error 550",
            &format!("{filler}. I can tell which."),
            &[],
        ),
        article(
            "license",
            "Check your Office license",
            "See the license type.",
            &[],
        ),
        article("other", "Mail settings", filler, &[]),
    ]);
    assert_eq!(
        ids(&ix, "how can I tell which office license I have")[0],
        "license"
    );
    // A query of function words alone still finds what has them.
    assert_eq!(ids(&ix, "how to ").len(), 2);
    // Rare beats common when each article has one of the two.
    let ix = index(&[
        article("common", "Guide", "mail settings", &[]),
        article("rare", "Guide", "quarantine notes", &[]),
        article("x", "Notes", "mail", &[]),
        article("y", "Notes", "mail", &[]),
    ]);
    hits!(ix;
        "quarantine mail " => first "rare";
    );
}

#[test]
fn p26_function_words_are_taken_as_typed() {
    let ix = index(&[
        article("a", "Three steps", "", &[]),
        article("b", "Thew", "", &[]),
    ]);
    // `there` has typo neighbour `three` and `the` prefix completion `thew`: neither is used.
    hits!(ix;
        "there " => none;
        "the" => none;
    );
    // Content words keep theirs.
    hits!(ix;
        "stesp " => first "a";
        "ste" => first "a";
    );
}

#[test]
fn p27_other_forms_of_a_word_match_below_the_typed_form() {
    let ix = index(&[
        article("freezes", "Outlook freezes", "", &[]),
        article("reply", "Reply to all", "", &[]),
        article("booking", "Room booking", "", &[]),
    ]);
    hits!(ix;
        "outlook keeps freezing " => first "freezes";
        "replies " => first "reply";
        "booked room " => first "booking";
    );
    let ix = index(&[
        article("stem", "Calendar replies", "", &[]),
        article("typed", "Calendar reply", "", &[]),
    ]);
    hits!(ix;
        "calendar reply " => exactly "typed", "stem";
    );
}

#[test]
fn p28_support_vocabulary_matches_synonyms() {
    let ix = index(&[
        article("ooo", "Out of Office doesn't function correctly", "", &[]),
        article(
            "archive",
            "Archive mailbox doesn't appear in Outlook",
            "",
            &[],
        ),
        article("other", "Office hours", "Set your office hours.", &[]),
    ]);
    hits!(ix;
        "out of office not working " => first "ooo";
        "archive mailbox not visible " => first "archive";
    );
    let ix = index(&[
        article("typed", "Delete a mailbox", "", &[]),
        article("synonym", "Remove a mailbox", "", &[]),
    ]);
    hits!(ix;
        "delete mailbox " => exactly "typed", "synonym";
    );
    // A site's own groups, stored in the index.
    let site = Synonyms::parse("vault, archive", &FullFold).unwrap();
    let mut builder = IndexBuilder::new(BuildOptions {
        synonyms: site,
        ..BuildOptions::default()
    });
    builder.add(analyze(&article("v", "The vault", "", &[])));
    let ix = builder.finish().open().unwrap();
    let plan = ix.plan("archive ", true);
    assert_eq!(
        ix.search(&plan, &SearchOptions::default()).unwrap().len(),
        1
    );
}

#[test]
fn p29_chinese_questions_rank_on_topic_words() {
    let ix = index(&[
        article("pw", "重置 root 密码", "忘记 root 密码时，可以重置。", &[]),
        article(
            "faq",
            "常见问题",
            "怎么办？如何处理？为什么会这样？怎么办呢。",
            &[],
        ),
        article("backup", "备份集群", "使用 BR 备份整个集群。", &[]),
    ]);
    hits!(ix;
        "忘记root密码怎么办" => first "pw";
        "忘记 root 密码 怎么办" => first "pw";
        "如何备份整个集群" => first "backup";
    );
}
