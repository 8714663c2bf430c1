//! A tiny in-memory help center for tests.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use helpdex_core::index::build::{analyze, BuildOptions, IndexBuilder};
use helpdex_core::{Article, Heading, Index, Part, SearchOptions};

/// An article with a title and one body text (and optional sections as (heading, text)).
pub fn article(id: &str, title: &str, body: &str, sections: &[(&str, &str)]) -> Article {
    let mut parts = vec![Part {
        heading: None,
        text: body.into(),
    }];
    parts.extend(sections.iter().map(|(h, t)| Part {
        heading: Some(Heading {
            level: 2,
            text: (*h).into(),
            anchor: h.to_lowercase().replace(' ', "-"),
        }),
        text: (*t).into(),
    }));
    Article {
        page: helpdex_core::Page {
            id: id.into(),
            url: format!("/{id}"),
            title: title.into(),
            parts,
            ..helpdex_core::Page::default()
        },
        ..Article::default()
    }
}

/// Builds an index of `articles` (in this order) with small chunks, and loads every chunk.
pub fn index(articles: &[Article]) -> Index {
    let mut builder = IndexBuilder::new(BuildOptions {
        vocabulary_shard_bytes: 128,
        postings_chunk_bytes: 256,
        fragments_chunk_bytes: 512,
        ..BuildOptions::default()
    });
    for a in articles {
        builder.add(analyze(a));
    }
    builder.finish().open().expect("every file opens")
}

/// Ids of the hits for `query`, best first.
pub fn ids(index: &Index, query: &str) -> Vec<String> {
    let plan = index.plan(query, true);
    let hits = index
        .search(
            &plan,
            &SearchOptions {
                limit: 20,
                typos: true,
            },
        )
        .expect("search runs");
    hits.iter()
        .map(|h| {
            index
                .present(&plan, h)
                .expect("fragment loaded")
                .fragment
                .page
                .id
                .clone()
        })
        .collect()
}
