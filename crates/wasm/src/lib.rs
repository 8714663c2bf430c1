//! helpdex in the browser: one [`Index`] type over `helpdex-core`.
//!
//! The JavaScript loader owns all I/O (fetching, decompressing, caching); this module only
//! answers queries from bytes it is given. A search is a short conversation, so that only the
//! chunks a query needs are ever fetched:
//!
//! ```js
//! const index = new Index(coreBytes);            // throws on a corrupt or mismatched file
//! // [kind, n, …]: 0 vocabulary shard, 1 postings chunk; shards first, until the plan is whole
//! for (let m; (m = index.missing(query, true)).length; )
//!   for (let i = 0; i < m.length; i += 2) index.add(m[i], m[i + 1], await fetchFile(m[i], m[i + 1]));
//! const hits = index.search(query, 10, true, false);    // [doc, fragments, score, doc, …]
//! // `results()` is undefined until every hit's fragments chunk (hits[1], hits[4], …) is added
//! for (let i = 1; i < hits.length; i += 3) index.add(2, hits[i], await fetchFile(2, hits[i]));
//! const shown = JSON.parse(index.results());     // [{ id, url, title, anchor, excerpt, subResults, … }]
//! ```
//!
//! The module built with the `suggest` feature (helpdex_suggest_bg.wasm) also takes long text
//! (a ticket, a chat message: see `helpdex_core::search::suggest`) with `missingSuggest`
//! and `suggest`, whose results carry their confidence and the words they matched; the other
//! module stays without that code, smaller for the search box.
//!
//! Text offsets handed to JavaScript (`highlights`) are UTF-16 code units, ready for
//! `String.prototype.slice`.

#![deny(missing_docs)]

use helpdex_core::{Excerpt, Hit, Plan, SearchOptions};
use wasm_bindgen::prelude::*;

mod json;
use json::Json;

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// An open index, plus the last query's plan and hits (so `results` can present them).
#[wasm_bindgen]
pub struct Index {
    inner: helpdex_core::Index,
    planned: Option<Planned>,
    /// Hits of the last search, which used `planned`.
    hits: Vec<Hit>,
}

struct Planned {
    query: String,
    typos: bool,
    suggest: bool,
    plan: Plan,
}

#[wasm_bindgen]
impl Index {
    /// Opens an index from its core file (uncompressed bytes).
    #[wasm_bindgen(constructor)]
    pub fn new(core: &[u8]) -> Result<Index, JsError> {
        let inner = helpdex_core::Index::open(core).map_err(|e| JsError::new(&e.message()))?;
        Ok(Index {
            inner,
            planned: None,
            hits: Vec::new(),
        })
    }

    /// The build id shared by every file of this index, as 16 hex digits.
    #[wasm_bindgen(getter, js_name = buildId)]
    pub fn build_id(&self) -> String {
        hex(self.inner.build_id())
    }

    /// How many files of each kind the index has: `[vocabulary shards, postings chunks,
    /// fragments chunks]`, in the order of the kinds `add` and `missing` number.
    pub fn files(&self) -> Vec<u32> {
        let i = &self.inner;
        vec![
            i.vocabulary_shards(),
            i.postings_chunks(),
            i.fragments_chunks(),
        ]
    }

    /// Adds file `n` of `kind` (0 vocabulary shard, 1 postings chunk, 2 fragments chunk) from
    /// its uncompressed bytes; throws if it is damaged or from another build. A shard makes
    /// the next call plan afresh: the last plan was made without it. One method for every
    /// kind keeps the module small.
    pub fn add(&mut self, kind: u32, n: u32, bytes: &[u8]) -> Result<(), JsError> {
        let i = &mut self.inner;
        match kind {
            0 => {
                self.planned = None;
                self.hits.clear();
                i.add_vocabulary(n, bytes)
            }
            1 => i.add_postings(n, bytes),
            _ => i.add_fragments(n, bytes),
        }
        .map_err(|e| JsError::new(&e.message()))
    }

    /// The files `query` (searched with or without `typos`) needs that are not loaded yet, as
    /// flat pairs `[kind, n, …]`: kind 0 is a vocabulary shard, 1 a postings chunk. Shards
    /// come alone: the chunks are known once the plan has every shard it needs. Plans the
    /// query, and keeps the plan for `search` and `results`; a new query drops the last
    /// search's hits.
    pub fn missing(&mut self, query: &str, typos: bool) -> Vec<u32> {
        let (index, plan) = self.plan(query, typos, false);
        missing_files(index, plan)
    }

    /// Ranks articles for `query`, best first, as flat triples `[doc, fragments, score, …]`,
    /// where `fragments` is the chunk holding the article's display data. Throws if postings
    /// chunks are missing (see `missing`).
    pub fn search(&mut self, query: &str, limit: u32, typos: bool) -> Result<Vec<f64>, JsError> {
        let options = SearchOptions {
            limit: limit as usize,
            typos,
        };
        let (index, plan) = self.plan(query, typos, false);
        let hits = index.search(plan, &options).map_err(js_error)?;
        let out = hits
            .iter()
            .flat_map(|h| {
                let chunk = index.fragments_chunk_of(h.doc);
                [h.doc as f64, chunk as f64, h.score as f64]
            })
            .collect();
        self.hits = hits;
        Ok(out)
    }

    /// Display data of the last search's hits, best first, as a JSON array of `{ id, url,
    /// title, section, lang, anchor, titleHighlights, excerpt: { text, highlights },
    /// subResults: [{ heading, anchor, excerpt }] }`, plus `matched` (the words it matched) for
    /// a suggestion; `undefined` while a hit's fragments chunk is not loaded. One string for all hits: it crosses to JavaScript, and on to the
    /// page, in one piece.
    pub fn results(&self) -> Option<String> {
        let Planned { plan, suggest, .. } = self.planned.as_ref()?;
        let shown = self
            .hits
            .iter()
            .map(|hit| self.inner.present(plan, hit))
            .collect::<Option<Vec<_>>>()?;
        let mut json = Json::default();
        json.array(shown.iter().zip(&self.hits), |json, (shown, hit)| {
            let f = shown.fragment;
            json.object(|o| {
                if *suggest {
                    matched_words(o, &self.inner, plan, hit);
                }
                o.field("id").string(&f.page.id);
                o.field("url").string(&f.page.url);
                o.field("title").string(&f.page.title);
                utf16_ranges(o.field("titleHighlights"), &shown.title);
                o.field("section").optional(f.page.section.as_deref());
                o.field("lang").optional(f.page.lang.as_deref());
                o.field("anchor").optional(shown.anchor);
                excerpt(o.field("excerpt"), &shown.excerpt);
                o.field("subResults").array(&shown.sub_results, |json, s| {
                    json.object(|o| {
                        o.field("heading").string(&s.heading);
                        o.field("anchor").string(&s.anchor);
                        excerpt(o.field("excerpt"), &s.excerpt);
                    })
                });
            })
        });
        Some(json.finish())
    }
}

/// Long text as a query: only in the suggestion module (the `suggest` feature), whose other
/// methods are those above.
#[cfg(feature = "suggest")]
#[wasm_bindgen]
impl Index {
    /// Like `missing`, for long text (a ticket, a chat message).
    #[wasm_bindgen(js_name = missingSuggest)]
    pub fn missing_suggest(&mut self, text: &str, typos: bool) -> Vec<u32> {
        let (index, plan) = self.plan(text, typos, true);
        missing_files(index, plan)
    }

    /// Like `search`, for long text: quadruples `[doc, fragments, score, confidence, …]`, the
    /// confidence from 0 to 1; `results` then adds the words each result `matched`.
    pub fn suggest(&mut self, text: &str, limit: u32, typos: bool) -> Result<Vec<f64>, JsError> {
        let options = SearchOptions {
            limit: limit as usize,
            typos,
        };
        let (index, plan) = self.plan(text, typos, true);
        let found = index.suggest(plan, &options).map_err(js_error)?;
        let out = (found.iter())
            .flat_map(|(h, confidence)| {
                let chunk = index.fragments_chunk_of(h.doc);
                [
                    h.doc as f64,
                    chunk as f64,
                    h.score as f64,
                    *confidence as f64,
                ]
            })
            .collect();
        self.hits = found.into_iter().map(|(h, _)| h).collect();
        Ok(out)
    }
}

impl Index {
    /// The plan for `query`: the last one when the query is the same, else a new one that
    /// reuses the last one's word lookups (typing changes one word at a time).
    /// A new plan drops the last hits, which belong to the old one.
    fn plan(&mut self, query: &str, typos: bool, suggest: bool) -> (&helpdex_core::Index, &Plan) {
        let fresh = match &self.planned {
            Some(p) if p.query == query && p.typos == typos && p.suggest == suggest => None,
            _ if suggest => Some(self.inner.plan_suggestions(query, typos)),
            Some(p) => Some(self.inner.replan(&p.plan, query, typos)),
            None => Some(self.inner.plan(query, typos)),
        };
        if let Some(plan) = fresh {
            self.hits.clear();
            self.planned = Some(Planned {
                query: query.to_string(),
                typos,
                suggest,
                plan,
            });
        }
        let plan = &self.planned.as_ref().expect("planned above").plan;
        (&self.inner, plan)
    }
}

/// See [`Index::missing`].
fn missing_files(index: &helpdex_core::Index, plan: &Plan) -> Vec<u32> {
    let shards = plan.missing_vocabulary();
    let (kind, files) = if shards.is_empty() {
        (1, index.missing_postings(plan))
    } else {
        (0, shards.to_vec())
    };
    let mut out = Vec::with_capacity(2 * files.len());
    for n in files {
        out.push(kind);
        out.push(n);
    }
    out
}

/// A suggestion's `matched` field: the words of the text it matched.
#[cfg(feature = "suggest")]
fn matched_words(o: &mut json::Fields, index: &helpdex_core::Index, plan: &Plan, hit: &Hit) {
    let matched = index.matched_words(plan, hit);
    o.field("matched").array(&matched, |json, w| json.string(w));
}

#[cfg(not(feature = "suggest"))]
fn matched_words(_: &mut json::Fields, _: &helpdex_core::Index, _: &Plan, _: &Hit) {}

fn js_error(e: helpdex_core::SearchError) -> JsError {
    JsError::new(&e.message())
}

fn excerpt(json: &mut Json, e: &Excerpt) {
    json.object(|o| {
        o.field("text").string(&e.text);
        utf16_ranges(o.field("highlights"), e);
    });
}

/// Highlight ranges as a flat `[start, end, start, end, …]` array of UTF-16 offsets.
fn utf16_ranges(json: &mut Json, e: &Excerpt) {
    json.array(utf16_offsets(&e.text, &e.highlights), Json::number);
}

/// Converts byte ranges of `text` into UTF-16 offsets, flattened.
pub fn utf16_offsets(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<u32> {
    let mut out = Vec::with_capacity(ranges.len() * 2);
    let mut units = 0u32;
    let mut byte = 0usize;
    let mut chars = text.char_indices().peekable();
    for r in ranges {
        for bound in [r.start, r.end] {
            while byte < bound {
                let Some((_, c)) = chars.next() else { break };
                units += c.len_utf16() as u32;
                byte += c.len_utf8();
            }
            out.push(units);
        }
    }
    out
}

fn hex(v: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..16)
        .map(|i| DIGITS[((v >> (60 - 4 * i)) & 0xF) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_utf16_units() {
        // "知" is one UTF-16 unit, "😀" two; byte offsets differ from both.
        let text = "知识 😀 reset";
        let reset = text.find("reset").unwrap();
        assert_eq!(
            utf16_offsets(text, &[0..6, reset..reset + 5]),
            [0, 2, 6, 11]
        );
    }

    #[test]
    fn build_ids_are_sixteen_hex_digits() {
        assert_eq!(hex(0xdead_beef), "00000000deadbeef");
    }
}
