//! Knowledge gaps: what customers searched for and did not find, from the search event log
//! ([`crate::events`]) and the index the searches ran on.
//!
//! Searches are grouped by what they ask ([`group`]), then reported as: groups with no
//! results (the articles missing from the help center, with the closest ones it has); groups
//! whose results nobody chose (titles or excerpts that do not look like the answer); choices
//! of a result ranked low (ranking problems); articles readers said did not help; what
//! suggestions under a contact form achieved (the deflection rate), when the log has them; and
//! counts per day.

pub mod group;
pub mod html;

use std::collections::{BTreeMap, HashMap};

use helpdex_core::{Index, SearchOptions};
use serde::Serialize;

use crate::events::{EventKind, Log};
use crate::url;
use group::Grouper;

/// A chosen result below this rank says the ranking missed.
pub const LOW_RANK: u32 = 3;
/// Spellings of a group shown.
const MAX_VARIANTS: usize = 5;
/// Closest articles shown for a gap.
const MAX_CLOSEST: usize = 3;

/// The whole report; `--json` prints it as is.
#[derive(Debug, Serialize)]
pub struct Report {
    pub summary: Summary,
    /// Groups of searches that found nothing, most searched first.
    pub no_results: Vec<Gap>,
    /// Groups of searches that found results nobody chose.
    pub not_chosen: Vec<Gap>,
    /// Results chosen from low down the list.
    pub chosen_low: Vec<LowChoice>,
    /// Articles readers said did not help, the most such answers first.
    pub unhelpful: Vec<Feedback>,
    /// Suggestions under a contact form, if the log has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Suggestions>,
    /// Counts per day, oldest first.
    pub days: Vec<Day>,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub events: u32,
    pub searches: u32,
    pub searches_without_results: u32,
    pub searches_with_a_choice: u32,
    pub choices: u32,
    /// Events of types this version does not know, read and left alone.
    pub other_events: u32,
    pub bad_lines: u32,
    pub groups: u32,
}

/// One group of searches: a need, in its variants.
#[derive(Debug, Serialize)]
pub struct Gap {
    /// The most searched spelling.
    pub query: String,
    pub searches: u32,
    /// Spellings and their counts, the most searched first.
    pub variants: Vec<(String, u32)>,
    /// The articles closest to it in today's index.
    pub closest: Vec<Article>,
    /// Whether today's index finds results for it (the gap may be closed already).
    pub found_now: bool,
}

/// A result chosen from low in the list, for one group.
#[derive(Debug, Serialize)]
pub struct LowChoice {
    pub query: String,
    pub article: Article,
    pub choices: u32,
    /// The median rank it was chosen at.
    pub median_rank: u32,
}

/// What readers said of one article.
#[derive(Debug, Serialize)]
pub struct Feedback {
    pub article: Article,
    pub helpful: u32,
    pub not_helpful: u32,
    /// Reasons given with a "no", and how often, the most given first.
    pub reasons: Vec<(String, u32)>,
}

/// What suggestions achieved, per message written (one intent each).
#[derive(Debug, Default, Serialize)]
pub struct Suggestions {
    /// Messages that were shown suggestions.
    pub shown: u32,
    /// Of those, messages where a suggested article was opened.
    pub opened: u32,
    /// Messages sent anyway.
    pub submitted: u32,
    /// Messages whose suggestions were hidden.
    pub hidden: u32,
    /// Messages where an article was opened and nothing was sent: the tickets suggestions
    /// saved.
    pub deflected: u32,
    /// `deflected` of `shown`, from 0 to 1.
    pub deflection_rate: f64,
    /// The articles suggested most, with how often each was opened.
    pub articles: Vec<Suggested>,
}

/// One article's suggestions.
#[derive(Debug, Serialize)]
pub struct Suggested {
    pub article: Article,
    /// Messages it was suggested for.
    pub suggested: u32,
    /// Messages it was opened from.
    pub opened: u32,
    /// Of those, messages sent anyway: it did not answer them.
    pub sent_after_opening: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub url: String,
}

impl Article {
    /// What to call it: its title, or its id when the index no longer has it.
    pub fn name(&self) -> &str {
        if self.title.is_empty() {
            &self.id
        } else {
            &self.title
        }
    }

    /// An article known only by its id (today's index no longer has it).
    fn unknown(id: String) -> Self {
        Article {
            id,
            title: String::new(),
            url: String::new(),
        }
    }
}

/// Counted names, the most counted first (names in order among equals).
fn most_first<'a>(counts: impl IntoIterator<Item = (&'a str, u32)>) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = counts
        .into_iter()
        .map(|(n, c)| (n.to_string(), c))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

#[derive(Debug, Serialize)]
pub struct Day {
    pub day: String,
    pub searches: u32,
    pub without_results: u32,
    pub with_a_choice: u32,
}

/// The spellings of a group and how often each was searched.
type Spellings<'a> = BTreeMap<&'a str, u32>;

/// One search, as the report counts it.
struct Search<'a> {
    query: &'a str,
    results: u32,
    chosen: bool,
    day: usize,
}

/// Builds the report of `log` over `index`, listing at most `top` entries per section.
pub fn report(index: &Index, log: &Log, top: usize) -> Report {
    let mut summary = Summary {
        events: log.events.len() as u32,
        bad_lines: log.bad.len() as u32,
        ..Summary::default()
    };
    let mut days: BTreeMap<jiff::civil::Date, usize> = BTreeMap::new();
    for e in &log.events {
        let next = days.len();
        days.entry(e.day).or_insert(next);
    }
    let mut searches: Vec<Search> = Vec::new();
    let mut by_intent: HashMap<&str, usize> = HashMap::new();
    let mut last_of_query: HashMap<&str, usize> = HashMap::new();
    // (query, article id) → ranks chosen at
    let mut low: Vec<(&str, &str, u32)> = Vec::new();
    // article → (yes, no, reasons)
    let mut feedback: BTreeMap<&str, (u32, u32, BTreeMap<&str, u32>)> = BTreeMap::new();
    let mut messages: BTreeMap<&str, Message> = BTreeMap::new();
    for e in &log.events {
        match &e.kind {
            EventKind::Search {
                query,
                results,
                intent,
                ..
            } => {
                let i = searches.len();
                searches.push(Search {
                    query,
                    results: *results,
                    chosen: false,
                    day: days[&e.day],
                });
                if let Some(intent) = intent {
                    by_intent.insert(intent, i);
                }
                last_of_query.insert(query, i);
            }
            EventKind::Select {
                query,
                id,
                rank,
                intent,
            } => {
                summary.choices += 1;
                let search = intent
                    .as_deref()
                    .and_then(|i| by_intent.get(i))
                    .or_else(|| last_of_query.get(query.as_str()));
                if let Some(&s) = search {
                    searches[s].chosen = true;
                }
                if *rank > LOW_RANK {
                    low.push((query, id, *rank));
                }
            }
            EventKind::Feedback {
                article,
                helpful,
                reason,
            } => {
                let entry = feedback.entry(article).or_default();
                if *helpful {
                    entry.0 += 1;
                } else {
                    entry.1 += 1;
                    if let Some(r) = reason {
                        *entry.2.entry(r).or_default() += 1;
                    }
                }
            }
            EventKind::Suggest { top, intent } => {
                let m = messages.entry(intent).or_default();
                m.shown = true;
                m.suggested.extend(top.iter().map(String::as_str));
            }
            EventKind::SuggestSelect { id, intent } => {
                messages.entry(intent).or_default().opened.push(id);
            }
            EventKind::SuggestDismissed { intent, submitted } => {
                let m = messages.entry(intent).or_default();
                m.submitted |= submitted;
                m.hidden |= !submitted;
            }
            EventKind::Other => summary.other_events += 1,
        }
    }

    let mut grouper = Grouper::new(index);
    for s in &searches {
        grouper.add(s.query);
    }
    for (q, _, _) in &low {
        grouper.add(q);
    }
    let keys = grouper.keys();

    // Per group: searches without results / not chosen, with their spellings.
    let mut empty: HashMap<&str, BTreeMap<&str, u32>> = HashMap::new();
    let mut found: HashMap<&str, (BTreeMap<&str, u32>, bool)> = HashMap::new();
    let mut per_day = vec![(0u32, 0u32, 0u32); days.len()];
    for s in &searches {
        let key = keys[s.query].as_str();
        summary.searches += 1;
        let day = &mut per_day[s.day];
        day.0 += 1;
        if s.results == 0 {
            summary.searches_without_results += 1;
            day.1 += 1;
            *empty.entry(key).or_default().entry(s.query).or_default() += 1;
        } else {
            let (variants, chosen) = found.entry(key).or_default();
            *variants.entry(s.query).or_default() += 1;
            *chosen |= s.chosen;
        }
        if s.chosen {
            summary.searches_with_a_choice += 1;
            day.2 += 1;
        }
    }
    summary.groups = keys
        .values()
        .collect::<std::collections::HashSet<_>>()
        .len() as u32;

    let no_results = ranked_gaps(index, empty.into_values(), top);
    let not_chosen = ranked_gaps(
        index,
        (found.into_values()).filter_map(|(v, chosen)| (!chosen).then_some(v)),
        top,
    );

    let mut low_groups: HashMap<(&str, &str), (Spellings, Vec<u32>)> = HashMap::new();
    for (query, id, rank) in low {
        let entry = low_groups.entry((keys[query].as_str(), id)).or_default();
        *entry.0.entry(query).or_default() += 1;
        entry.1.push(rank);
    }
    let mut chosen_low: Vec<LowChoice> = low_groups
        .into_iter()
        .map(|((_, id), (variants, mut ranks))| {
            ranks.sort_unstable();
            LowChoice {
                query: most_searched(&variants).0.to_string(),
                article: article_by_id(index, id),
                choices: ranks.len() as u32,
                median_rank: ranks[ranks.len() / 2],
            }
        })
        .collect();
    chosen_low.sort_by(|a, b| {
        (b.choices.cmp(&a.choices))
            .then(a.query.cmp(&b.query))
            .then(a.article.id.cmp(&b.article.id))
    });
    chosen_low.truncate(top);

    let mut unhelpful: Vec<Feedback> = feedback
        .into_iter()
        .filter(|(_, (_, no, _))| *no > 0)
        .map(|(article, (yes, no, reasons))| Feedback {
            article: article_by_id(index, article),
            helpful: yes,
            not_helpful: no,
            reasons: most_first(reasons),
        })
        .collect();
    unhelpful.sort_by(|a, b| {
        (b.not_helpful.cmp(&a.not_helpful))
            .then(a.helpful.cmp(&b.helpful))
            .then(a.article.id.cmp(&b.article.id))
    });
    unhelpful.truncate(top);

    Report {
        summary,
        no_results,
        not_chosen,
        chosen_low,
        unhelpful,
        suggestions: (!messages.is_empty()).then(|| suggestions(index, messages.values(), top)),
        days: days
            .into_iter()
            .map(|(day, i)| Day {
                day: day.to_string(),
                searches: per_day[i].0,
                without_results: per_day[i].1,
                with_a_choice: per_day[i].2,
            })
            .collect(),
    }
}

/// One message written under suggestions, from its events.
#[derive(Default)]
struct Message<'a> {
    shown: bool,
    suggested: Vec<&'a str>,
    opened: Vec<&'a str>,
    submitted: bool,
    hidden: bool,
}

/// The suggestions section: counts per message, and the `top` articles suggested most.
fn suggestions<'a>(
    index: &Index,
    messages: impl Iterator<Item = &'a Message<'a>>,
    top: usize,
) -> Suggestions {
    let mut s = Suggestions::default();
    // article → (suggested, opened, sent after opening)
    let mut per_article: BTreeMap<&str, (u32, u32, u32)> = BTreeMap::new();
    for m in messages.filter(|m| m.shown) {
        s.shown += 1;
        let opened = !m.opened.is_empty();
        s.opened += opened as u32;
        s.submitted += m.submitted as u32;
        s.hidden += m.hidden as u32;
        s.deflected += (opened && !m.submitted) as u32;
        for id in &m.suggested {
            per_article.entry(id).or_default().0 += 1;
        }
        for id in &m.opened {
            let entry = per_article.entry(id).or_default();
            entry.1 += 1;
            entry.2 += m.submitted as u32;
        }
    }
    s.deflection_rate = if s.shown == 0 {
        0.0
    } else {
        s.deflected as f64 / s.shown as f64
    };
    let mut articles: Vec<(&str, (u32, u32, u32))> = per_article.into_iter().collect();
    articles.sort_by(|a, b| (b.1 .0, b.1 .1).cmp(&(a.1 .0, a.1 .1)).then(a.0.cmp(b.0)));
    s.articles = (articles.into_iter().take(top))
        .map(|(id, (suggested, opened, sent))| Suggested {
            article: article_by_id(index, id),
            suggested,
            opened,
            sent_after_opening: sent,
        })
        .collect();
    s
}

/// The `top` most searched groups, each with its closest articles.
fn ranked_gaps<'a>(
    index: &Index,
    groups: impl Iterator<Item = BTreeMap<&'a str, u32>>,
    top: usize,
) -> Vec<Gap> {
    let mut gaps: Vec<(u32, BTreeMap<&str, u32>)> = groups.map(|v| (v.values().sum(), v)).collect();
    gaps.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(most_searched(&a.1).cmp(&most_searched(&b.1)))
    });
    gaps.truncate(top);
    gaps.into_iter()
        .map(|(searches, variants)| {
            let mut spellings = most_first(variants.iter().map(|(&q, &c)| (q, c)));
            let query = spellings[0].0.clone();
            spellings.truncate(MAX_VARIANTS);
            let (closest, found_now) = closest(index, &query);
            Gap {
                query,
                searches,
                variants: spellings,
                closest,
                found_now,
            }
        })
        .collect()
}

/// The most searched spelling (the first in text order among equals).
fn most_searched<'a>(variants: &BTreeMap<&'a str, u32>) -> (&'a str, u32) {
    let mut best = ("", 0);
    for (&q, &c) in variants {
        if c > best.1 {
            best = (q, c);
        }
    }
    best
}

/// The articles today's index finds for `query`; when it finds none, the ones its words find
/// one at a time, by their summed reciprocal ranks. The flag says whether the query as a
/// whole found them.
fn closest(index: &Index, query: &str) -> (Vec<Article>, bool) {
    let options = SearchOptions {
        limit: MAX_CLOSEST,
        typos: true,
    };
    let search = |q: &str| {
        let plan = index.plan(q, true);
        index.search(&plan, &options).unwrap_or_default()
    };
    let hits = search(query);
    if !hits.is_empty() {
        return (hits.iter().map(|h| article(index, h.doc)).collect(), true);
    }
    let mut votes: BTreeMap<u32, f32> = BTreeMap::new();
    for word in query.split_whitespace() {
        for (rank, h) in search(word).iter().enumerate() {
            *votes.entry(h.doc).or_default() += 1.0 / (rank + 1) as f32;
        }
    }
    let mut docs: Vec<(u32, f32)> = votes.into_iter().collect();
    docs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let docs = docs.iter().take(MAX_CLOSEST);
    (docs.map(|&(d, _)| article(index, d)).collect(), false)
}

fn article(index: &Index, doc: u32) -> Article {
    match index.fragment(doc) {
        Some(f) => Article {
            id: f.page.id.clone(),
            title: f.page.title.clone(),
            url: f.page.url.clone(),
        },
        None => Article::unknown(format!("#{doc}")),
    }
}

/// The article with this id (or this URL path: feedback from a page that names no id), or
/// just the id when today's index no longer has it.
fn article_by_id(index: &Index, id: &str) -> Article {
    let path = id.starts_with('/').then(|| url::path(id));
    (0..index.docs())
        .find(|&d| {
            index.fragment(d).is_some_and(|f| {
                f.page.id == id || path.is_some_and(|p| url::path(&f.page.url) == p)
            })
        })
        .map(|d| article(index, d))
        .unwrap_or_else(|| Article::unknown(id.to_string()))
}
