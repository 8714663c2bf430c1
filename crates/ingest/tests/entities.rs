//! Character references in Markdown, in its prose and in its raw HTML, are indexed and
//! excerpted as the characters they stand for (`&mdash;` → `—`), not as their names.
//! (Each line ends with a word: an excerpt ends at its last word.)

use helpdex_core::index::build::{analyze, BuildOptions, IndexBuilder};
use helpdex_core::{Index, SearchOptions};
use helpdex_ingest::{read, Options, Sources};

/// Reads `files` (name, Markdown) as a help-center folder and indexes them.
fn index_markdown(files: &[(&str, &str)]) -> Index {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let opts = Options::default();
    let sources = Sources::discover(&[dir.path().to_owned()], &opts).unwrap();
    let ingested = read(sources, &opts, &|_| {});
    assert!(ingested.problems.is_empty(), "{:?}", ingested.problems);
    let mut builder = IndexBuilder::new(BuildOptions::default());
    for article in &ingested.articles {
        builder.add(analyze(article));
    }
    builder.finish().open().unwrap()
}

/// (id, excerpt text) of each hit for `query`.
fn excerpts(index: &Index, query: &str) -> Vec<(String, String)> {
    let plan = index.plan(query, false);
    let options = SearchOptions {
        limit: 10,
        typos: false,
    };
    index
        .search(&plan, &options)
        .unwrap()
        .iter()
        .map(|hit| {
            let presented = index.present(&plan, hit).unwrap();
            (presented.fragment.page.id.clone(), presented.excerpt.text)
        })
        .collect()
}

#[test]
fn named_references_are_indexed_and_excerpted_as_characters() {
    let index = index_markdown(&[
        ("prose.md", "# Prose\n\nWidget a&mdash;b &copy; 2024 &rsquo; end\n"),
        (
            "html.md",
            "# Raw HTML\n\n<p>Gadget a&mdash;b &copy; 2024 &rsquo; end</p>\n\nInline <b>gizmo a&mdash;b &copy; 2024 &rsquo;</b> end\n",
        ),
    ]);
    assert_eq!(
        excerpts(&index, "widget"),
        [("prose.md".into(), "Widget a—b © 2024 ’ end".into())]
    );
    assert_eq!(
        excerpts(&index, "gadget"),
        [(
            "html.md".into(),
            "Gadget a—b © 2024 ’ end Inline gizmo a—b © 2024 ’ end".into()
        )]
    );
    for name in ["mdash", "copy", "rsquo"] {
        assert!(excerpts(&index, name).is_empty(), "{name} is indexed");
    }
}
