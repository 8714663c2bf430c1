//! Text analysis: folding and tokenizing, shared by the index builder and the query side.
//!
//! The same code runs at build time and in the browser, so an article's terms and a query's
//! terms can never disagree (the browser folds with the [`FoldTable`] stored in the index).

pub mod fold;
pub mod function_words;
pub mod pinyin;
pub mod script;
pub mod stem;
pub mod synonyms;
pub mod tokenize;

#[cfg(feature = "build")]
pub use fold::FullFold;
pub use fold::{Fold, FoldTable};
pub use pinyin::{PinyinTable, Readings};
pub use synonyms::Synonyms;
pub use tokenize::{Token, Tokenizer, MAX_TERM_CHARS};
