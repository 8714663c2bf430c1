//! Searching: query words → candidate terms → matched articles → ranked hits.
//!
//! A search has two steps so that the browser can fetch what it needs in between:
//! [`Index::plan`] analyses the query and finds its candidate terms in the vocabulary; while
//! [`Plan::missing_vocabulary`] names shards, they are added and the query planned again.
//! [`Index::missing_postings`] then says which postings chunks those terms live in, and once
//! they are added [`Index::search`] scores and ranks. The native CLI loads every shard and
//! chunk up front, so it just calls both.

mod candidates;
pub mod limits;
mod pinyin;
pub mod query;
mod suggest;
mod synonyms;

pub use crate::ranking::MatchKind;
pub use candidates::Candidate;
pub use query::QueryWord;

use crate::index::format::write_number;
use crate::index::postings::{Field, Positions, Posting, MAX_POSITIONS};
use crate::index::{FormatError, Index};
use crate::ranking::{self, bm25, ScoreDetails, WordMatch, WordSpec};
use limits::RERANK_CANDIDATES;

/// How to search.
#[derive(Clone, Copy, Debug)]
pub struct SearchOptions {
    /// Maximum number of hits.
    pub limit: usize,
    /// Whether to match words with typos.
    pub typos: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            typos: true,
        }
    }
}

/// A query ready to run: its words and each word's candidate terms.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub(crate) words: Vec<PlannedWord>,
    /// The vocabulary lookups behind `words`, for [`Index::replan`] to reuse.
    lookups: Vec<Lookup>,
    /// The vocabulary shards planning needed and did not have, ascending: while there are
    /// any, the plan is incomplete.
    missing_vocabulary: Vec<u32>,
}

/// The candidate terms found for one query word.
#[derive(Clone, Debug)]
struct Lookup {
    term: String,
    prefix: bool,
    function: bool,
    typos: bool,
    candidates: Vec<Candidate>,
}

#[derive(Clone, Debug)]
pub(crate) struct PlannedWord {
    pub word: QueryWord,
    pub candidates: Vec<Candidate>,
    /// How many words it counts as when matched (see [`ranking::WordSpec`]).
    pub units: u8,
    /// Alternative group (0: none): pinyin read as Chinese, and the same letters as typed.
    pub alt: u8,
    /// Whether it is a pair of syllables read from pinyin.
    pub pinyin: bool,
}

impl PlannedWord {
    /// How much the word tells (see [`ranking::information`]): by the df of its first, best
    /// candidate.
    fn information(&self, docs: u32) -> f32 {
        let df = self.candidates.first().map_or(0, |c| c.value.df);
        ranking::information(docs, df, self.word.function, self.word.context)
    }
}

impl Plan {
    /// Whether the query has no words (empty or only punctuation).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The query words, as analysed.
    pub fn words(&self) -> impl Iterator<Item = &QueryWord> {
        self.words.iter().map(|w| &w.word)
    }

    /// The candidate terms of each query word.
    pub fn candidates(&self) -> impl Iterator<Item = &[Candidate]> {
        self.words.iter().map(|w| w.candidates.as_slice())
    }

    /// The vocabulary shards that must be added, and the query planned again, before its
    /// candidates are complete, ascending.
    pub fn missing_vocabulary(&self) -> &[u32] {
        &self.missing_vocabulary
    }

    /// The postings chunks this plan reads, ascending.
    pub fn postings_chunks(&self) -> Vec<u32> {
        let mut chunks: Vec<u32> = self
            .words
            .iter()
            .flat_map(|w| &w.candidates)
            .map(|c| c.value.chunk)
            .collect();
        // A sort and dedup, not a BTreeSet: no tree code in the browser module.
        chunks.sort_unstable();
        chunks.dedup();
        chunks
    }
}

/// Why a search could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchError {
    /// These vocabulary shards must be added and the query planned again (see
    /// [`Plan::missing_vocabulary`]).
    MissingVocabulary(Vec<u32>),
    /// These postings chunks must be added first (see [`Index::missing_postings`]).
    MissingPostings(Vec<u32>),
    /// A loaded chunk turned out to be malformed.
    Index(FormatError),
}

impl SearchError {
    /// What went wrong, in a sentence (see [`FormatError::message`]).
    pub fn message(&self) -> String {
        match self {
            SearchError::MissingVocabulary(files) | SearchError::MissingPostings(files) => {
                let mut m = String::from(match self {
                    SearchError::MissingVocabulary(_) => "vocabulary shards not loaded:",
                    _ => "postings chunks not loaded:",
                });
                for &n in files {
                    m.push(' ');
                    write_number(&mut m, n as u64, 10, 1);
                }
                m
            }
            SearchError::Index(e) => e.message(),
        }
    }
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for SearchError {}

impl From<FormatError> for SearchError {
    fn from(e: FormatError) -> Self {
        SearchError::Index(e)
    }
}

/// One ranked article.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Doc number (see [`Index::fragment`]).
    pub doc: u32,
    /// The ranking score (comparable within one result list only).
    pub score: f32,
    /// How the score came about.
    pub details: ScoreDetails,
    /// (query word, position) of the stored matches, for excerpts.
    pub(crate) positions: Vec<(u16, u32)>,
}

/// Every article one query word matches (see [`Index::word_hits`]).
struct WordHits<'a> {
    /// The best candidate's match in each article, by doc.
    best: Vec<WordHit<'a>>,
    /// For a word of a phrase, its other candidates' matches, by doc.
    others: Vec<WordHit<'a>>,
}

/// An article through the full ranking.
struct Ranked {
    doc: u32,
    details: ScoreDetails,
    matches: Vec<Option<WordMatch>>,
}

impl Ranked {
    fn into_hit(self) -> Hit {
        Hit {
            doc: self.doc,
            score: self.details.score(),
            details: self.details,
            positions: (self.matches.iter().enumerate())
                .filter_map(|(w, m)| Some((w, m.as_ref()?)))
                .flat_map(|(w, m)| m.positions.iter().map(move |&p| (w as u16, p)))
                .collect(),
        }
    }
}

/// One query word's match in one article.
#[derive(Clone, Copy)]
struct WordHit<'a> {
    posting: Posting<'a>,
    weight: f32,
    kind: MatchKind,
}

impl Index {
    /// Analyses `query` and finds the candidate terms of each word.
    pub fn plan(&self, query: &str, typos: bool) -> Plan {
        self.replan(&Plan::default(), query, typos)
    }

    /// Like [`Index::plan`], but words that `previous` already looked up are not looked up
    /// again: while someone types, only the word being typed changes from one keystroke to the
    /// next, and the vocabulary walk is most of planning.
    pub fn replan(&self, previous: &Plan, query: &str, typos: bool) -> Plan {
        self.plan_words(previous, query::parse(query, self.fold()), typos)
    }

    /// Plans analysed query words (see [`Index::replan`]).
    fn plan_words(&self, previous: &Plan, words: Vec<QueryWord>, typos: bool) -> Plan {
        let options: Vec<_> = words
            .iter()
            .map(|w| pinyin::pinyin_options(self, w))
            .collect();
        let mut lookups = Vec::with_capacity(words.len());
        let mut words: Vec<PlannedWord> = words
            .into_iter()
            .map(|word| {
                // A word that reads as pinyin keeps its typo neighbours too: ranking takes
                // whichever reading matches an article better (see [`pinyin`]).
                let same = |l: &&Lookup| {
                    l.term == word.term
                        && l.prefix == word.prefix
                        && l.function == word.function
                        && l.typos == typos
                };
                let candidates = match previous.lookups.iter().find(same) {
                    Some(l) => l.candidates.clone(),
                    None => candidates::candidates(self, &word, typos),
                };
                lookups.push(Lookup {
                    term: word.term.clone(),
                    prefix: word.prefix,
                    function: word.function,
                    typos,
                    candidates: candidates.clone(),
                });
                PlannedWord {
                    candidates,
                    word,
                    units: 1,
                    alt: 0,
                    pinyin: false,
                }
            })
            .collect();
        synonyms::expand(self, self.synonyms(), &mut words);
        let words = pinyin::expand(self, words, options);
        let missing_vocabulary = self.vocabulary().take_missing();
        if !missing_vocabulary.is_empty() {
            // Looked up without some shards: not to be reused once they are added.
            lookups.clear();
        }
        Plan {
            words,
            lookups,
            missing_vocabulary,
        }
    }

    /// The postings chunks `plan` needs that are not loaded yet, ascending.
    pub fn missing_postings(&self, plan: &Plan) -> Vec<u32> {
        let mut chunks = plan.postings_chunks();
        chunks.retain(|&c| !self.has_postings(c));
        chunks
    }

    /// Runs a planned query and returns the best hits, best first.
    pub fn search(&self, plan: &Plan, options: &SearchOptions) -> Result<Vec<Hit>, SearchError> {
        if !plan.missing_vocabulary.is_empty() {
            return Err(SearchError::MissingVocabulary(
                plan.missing_vocabulary.clone(),
            ));
        }
        let missing = self.missing_postings(plan);
        if !missing.is_empty() {
            return Err(SearchError::MissingPostings(missing));
        }
        if plan.words.is_empty() || options.limit == 0 {
            return Ok(Vec::new());
        }
        let mut best_of_doc = vec![u32::MAX; self.docs() as usize];
        let word_hits = plan
            .words
            .iter()
            .map(|w| self.word_hits(w, &mut best_of_doc))
            .collect::<Result<Vec<_>, _>>()?;
        let info: Vec<f32> = plan
            .words
            .iter()
            .map(|w| w.information(self.docs()))
            .collect();
        let candidates = self.coarse_pass(plan, &word_hits, &info);
        let mut ranked = self.rank(plan, &word_hits, &info, candidates);
        ranked.sort_unstable_by(|a, b| ranking::order((a.doc, &a.details), (b.doc, &b.details)));
        ranked.truncate(options.limit);
        Ok(ranked.into_iter().map(Ranked::into_hit).collect())
    }

    /// The first pass, over every article that matched any word: the best
    /// [`RERANK_CANDIDATES`] by the key words they matched, then by the weights and information
    /// of their words, summed.
    fn coarse_pass(&self, plan: &Plan, word_hits: &[WordHits], info: &[f32]) -> Vec<u32> {
        let docs = self.docs() as usize;
        let content_words: u32 = (plan.words.iter().zip(info))
            .filter(|(_, &i)| i > 0.0)
            .map(|(w, _)| w.units as u32)
            .sum();
        let mut matched = vec![0u32; docs];
        let mut weight = vec![0f32; docs];
        let mut seen = vec![false; docs];
        let mut touched = Vec::new();
        for (hits, (w, &info)) in word_hits.iter().zip(plan.words.iter().zip(info)) {
            for h in &hits.best {
                let d = h.posting.doc as usize;
                if !seen[d] {
                    seen[d] = true;
                    touched.push(h.posting.doc);
                }
                // In units (alternatives may overcount; ranking decides).
                matched[d] += (info > 0.0) as u32 * w.units as u32;
                weight[d] += h.weight + info * w.units as f32;
            }
        }
        let coarse = |d: u32| {
            let d = d as usize;
            (ranking::key_words(content_words, matched[d]), weight[d])
        };
        let by_coarse = |a: &u32, b: &u32| {
            let (ka, kb) = (coarse(*a), coarse(*b));
            kb.0.cmp(&ka.0).then(kb.1.total_cmp(&ka.1)).then(a.cmp(b))
        };
        if touched.len() > RERANK_CANDIDATES {
            touched.select_nth_unstable_by(RERANK_CANDIDATES, by_coarse);
            touched.truncate(RERANK_CANDIDATES);
        }
        touched
    }

    /// The second pass: the full ranking of `candidates`, those that match a word.
    fn rank(
        &self,
        plan: &Plan,
        word_hits: &[WordHits],
        info: &[f32],
        candidates: Vec<u32>,
    ) -> Vec<Ranked> {
        let specs: Vec<WordSpec> = (plan.words.iter().zip(info))
            .map(|(w, &information)| WordSpec {
                query_position: w.word.position,
                phrase: w.word.phrase,
                prefix: w.word.prefix,
                units: w.units,
                alt: w.alt,
                pinyin: w.pinyin,
                information,
            })
            .collect();
        candidates
            .into_iter()
            .filter_map(|doc| {
                let mut matches: Vec<Option<WordMatch>> = word_hits
                    .iter()
                    .map(|hits| {
                        let i = (hits.best)
                            .binary_search_by_key(&doc, |h| h.posting.doc)
                            .ok()?;
                        let h = &hits.best[i];
                        Some(WordMatch {
                            weight: h.weight,
                            kind: h.kind,
                            in_title: h.posting.tf[Field::Title as usize] > 0,
                            positions: positions_in(doc, h, &hits.others),
                        })
                    })
                    .collect();
                let title_length = self.lengths(doc)[Field::Title as usize];
                let details = ranking::evaluate(&specs, &mut matches, title_length);
                (details.words > 0).then_some(Ranked {
                    doc,
                    details,
                    matches,
                })
            })
            .collect()
    }

    /// Every article one query word matches, sorted by doc, with the best candidate's weight;
    /// and for a word of a phrase, the other candidates' matches too (sorted by doc), whose
    /// positions count for the phrase. `best_of_doc` is scratch space, one slot per doc, all
    /// `u32::MAX` (and left so).
    fn word_hits(
        &self,
        planned: &PlannedWord,
        best_of_doc: &mut [u32],
    ) -> Result<WordHits<'_>, SearchError> {
        let typed = planned.word.term.chars().count();
        let mut hits: Vec<WordHit> = Vec::new();
        let mut others: Vec<WordHit> = Vec::new();
        let phrase = planned.word.phrase.is_some();
        for candidate in &planned.candidates {
            let mut list = match self.list(candidate.value) {
                Some(list) => list?,
                None => return Err(SearchError::MissingPostings(vec![candidate.value.chunk])),
            };
            let idf = bm25::idf(self.docs(), list.len());
            let quality =
                ranking::match_quality(candidate.kind, typed, candidate.term.chars().count())
                    * ranking::word_factor(planned.word.function, planned.word.context);
            hits.reserve(list.len() as usize);
            while let Some(posting) = list.next_posting()? {
                if posting.doc >= self.docs() {
                    return Err(FormatError::Malformed("postings doc number").into());
                }
                let lengths = self.lengths(posting.doc);
                let weight =
                    quality * bm25::score(idf, &posting.tf, &lengths, self.average_lengths());
                let hit = WordHit {
                    posting,
                    weight,
                    kind: candidate.kind,
                };
                // Keep the best candidate per article.
                let slot = &mut best_of_doc[hit.posting.doc as usize];
                match hits.get_mut(*slot as usize) {
                    Some(h) if *slot != u32::MAX => {
                        let other = if ranking::better_match(hit.as_match(), h.as_match()) {
                            std::mem::replace(h, hit)
                        } else {
                            hit
                        };
                        if phrase {
                            others.push(other);
                        }
                    }
                    _ => {
                        *slot = hits.len() as u32;
                        hits.push(hit);
                    }
                }
            }
        }
        if planned.candidates.len() > 1 {
            // Each candidate's list is in doc order, their concatenation is not. When the
            // hits are many, walking the doc slots restores the order faster than a sort.
            if hits.len() * 16 > best_of_doc.len() {
                hits = best_of_doc
                    .iter()
                    .filter(|&&slot| slot != u32::MAX)
                    .map(|&slot| hits[slot as usize])
                    .collect();
            } else {
                by_doc(&mut hits);
            }
            by_doc(&mut others);
        }
        for h in &hits {
            best_of_doc[h.posting.doc as usize] = u32::MAX;
        }
        Ok(WordHits { best: hits, others })
    }
}

impl WordHit<'_> {
    /// What [`ranking::better_match`] compares.
    fn as_match(&self) -> (bool, MatchKind, f32) {
        let in_title = self.posting.tf[Field::Title as usize] > 0;
        (in_title, self.kind, self.weight)
    }
}

fn by_doc(hits: &mut [WordHit]) {
    hits.sort_unstable_by_key(|h| h.posting.doc);
}

/// The positions of a word in `doc`: its best candidate's, and for a phrase word those of its
/// other candidates too (initials `zsk`: the 识库 that follows 知识 need not be the best-weighted
/// `s'k` bigram of the article).
fn positions_in(doc: u32, best: &WordHit, others: &[WordHit]) -> Positions {
    let start = others.partition_point(|h| h.posting.doc < doc);
    let mut more = others[start..].iter().take_while(|h| h.posting.doc == doc);
    let Some(first) = more.next() else {
        return best.posting.positions();
    };
    // The first MAX_POSITIONS of the union, by insertion (no sort code for the browser).
    let mut all = [0u32; MAX_POSITIONS];
    let mut len = 0;
    for h in std::iter::once(best)
        .chain(std::iter::once(first))
        .chain(more)
    {
        for &p in h.posting.positions().iter() {
            let at = all[..len].partition_point(|&x| x < p);
            if all[..len].get(at) == Some(&p) || at == MAX_POSITIONS {
                continue;
            }
            len = (len + 1).min(MAX_POSITIONS);
            all.copy_within(at..len - 1, at + 1);
            all[at] = p;
        }
    }
    Positions::from_slice(&all[..len])
}
