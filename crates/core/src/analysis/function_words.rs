//! Function words: the words of a question that say how it is asked, not what it is about.
//!
//! "how can I tell which office license I have" is about `office` and `license`; `how`, `can`,
//! `I`, `which` and `have` are in nearly every article. Ranking gives such words no weight of
//! their own (they still count for phrases, proximity and exact titles) and search expands
//! them to no typo neighbours. The lists are small and curated, per language, and run on
//! folded text only on the query side, so the index does not depend on them.

/// English function words, folded, sorted (binary search), with the fillers of a complaint
/// (`keeps`, `still`, `anymore`, `suddenly`). Contractions are split by the tokenizer
/// (`can't` → `can`, `t`), so their first halves are here too.
const ENGLISH: &[&str] = &[
    "a",
    "about",
    "actually",
    "after",
    "again",
    "all",
    "also",
    "always",
    "am",
    "an",
    "and",
    "any",
    "anymore",
    "anyone",
    "anyway",
    "are",
    "aren",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "constantly",
    "could",
    "couldn",
    "d",
    "did",
    "didn",
    "do",
    "does",
    "doesn",
    "doing",
    "don",
    "each",
    "even",
    "ever",
    "every",
    "for",
    "from",
    "had",
    "has",
    "hasn",
    "have",
    "haven",
    "having",
    "he",
    "her",
    "here",
    "hi",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "isn",
    "it",
    "its",
    "just",
    "keep",
    "keeping",
    "keeps",
    "kept",
    "ll",
    "m",
    "may",
    "me",
    "might",
    "mine",
    "must",
    "my",
    "myself",
    "of",
    "on",
    "onto",
    "or",
    "our",
    "please",
    "randomly",
    "re",
    "really",
    "s",
    "shall",
    "she",
    "should",
    "shouldn",
    "so",
    "some",
    "somehow",
    "someone",
    "something",
    "still",
    "such",
    "suddenly",
    "tell",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "too",
    "us",
    "ve",
    "very",
    "was",
    "wasn",
    "we",
    "were",
    "weren",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "wouldn",
    "you",
    "your",
    "yours",
];

/// Chinese function words (Simplified, as folded): question words, particles, pronouns and
/// fillers, longest first where one contains another. Matched greedily in a run of characters.
/// Single characters are only those that seldom start or end an ordinary word (`能` is in
/// 性能, `会` in 会话): a bigram that holds one is weightless.
const CHINESE: &[&str] = &[
    "为什么",
    "怎么办",
    "怎么样",
    "能不能",
    "可不可以",
    "是不是",
    "有没有",
    "要不要",
    "会不会",
    "什么",
    "怎么",
    "怎样",
    "如何",
    "为啥",
    "是否",
    "能否",
    "可否",
    "哪些",
    "哪个",
    "哪里",
    "我们",
    "你们",
    "一下",
    "可以",
    "应该",
    "需要",
    "想要",
    "请问",
    "请教",
    "想问",
    "麻烦",
    "帮忙",
    "看看",
    "吗",
    "呢",
    "吧",
    "啊",
    "呀",
    "的",
    "了",
    "我",
    "你",
];

/// Characters that begin a longer, ordinary word which the single-character entries above
/// must not cut (`了解`, `目的`): a single-character function word is skipped when it and the
/// next character form one of these.
const CHINESE_WORDS: &[&str] = &["了解", "的确", "我方", "你方"];

/// Whether `word` (one folded Latin word) is an English function word.
pub fn is_english(word: &str) -> bool {
    ENGLISH.binary_search(&word).is_ok()
}

/// Marks the characters of `chars` (a run of Han characters, folded) that belong to a Chinese
/// function word; `marks[i]` is set for each.
pub fn mark_chinese(chars: &[char], marks: &mut [bool]) {
    let mut i = 0;
    while i < chars.len() {
        let found = CHINESE.iter().find_map(|w| {
            let n = w.chars().count();
            let here = chars.get(i..i + n)?;
            if !here.iter().copied().eq(w.chars()) {
                return None;
            }
            // A lone character that starts an ordinary word is part of that word.
            let starts_word = n == 1
                && chars.get(i + 1).is_some_and(|&next| {
                    CHINESE_WORDS
                        .iter()
                        .any(|cw| cw.chars().eq([chars[i], next]))
                });
            (!starts_word).then_some(n)
        });
        match found {
            Some(n) => {
                marks[i..i + n].iter_mut().for_each(|m| *m = true);
                i += n;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_list_is_sorted_and_folded() {
        assert!(ENGLISH.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(is_english("how") && is_english("doesn") && !is_english("license"));
    }

    fn marked(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut marks = vec![false; chars.len()];
        mark_chinese(&chars, &mut marks);
        chars
            .iter()
            .zip(&marks)
            .map(|(c, &m)| if m { '_' } else { *c })
            .collect()
    }

    #[test]
    fn chinese_question_words_are_marked() {
        assert_eq!(marked("忘记root密码怎么办"), "忘记root密码___");
        assert_eq!(marked("如何备份整个集群"), "__备份整个集群");
        assert_eq!(marked("为什么查询很慢"), "___查询很慢");
        assert_eq!(marked("性能调优"), "性能调优");
        // Ordinary words that start with a function character are kept.
        assert_eq!(marked("了解的确切"), "了解的确切");
        assert_eq!(marked("在线扩容的方法"), "在线扩容_方法");
        assert_eq!(marked("为了解决"), "为了解决");
    }
}
