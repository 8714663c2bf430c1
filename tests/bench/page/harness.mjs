// Runs inside headless Chromium. The harness (lib/browser.mjs) calls these
// through page.evaluate; all timing uses the page's own performance.now().
import { guarded, runQueries, timeHostile, typingPasses } from '../lib/typing.mjs';

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

let engine;
let searcher;

window.bench = {
  /**
   * Loads the engine bundle and index and answers `query`: the cold path of a
   * visitor's first search. Returns the ids and the time since navigation start.
   * `library` is the URL of an engine's package folder, for engines that load
   * their own files (it is null for those bundled whole).
   */
  async first({ bundle, base, library, lang, query }) {
    const client = await import(bundle);
    const env = {
      lang,
      baseUrl: new URL(base, location.href).href,
      libraryUrl: library && new URL(library, location.href).href,
      fetchText: async (path) => (await fetchOk(base + path)).text(),
      fetchBytes: async (path) => new Uint8Array(await (await fetchOk(base + path)).arrayBuffer()),
      importModule: (path) => import(base + path),
    };
    engine = await client.open(env);
    searcher = guarded((q, limit) => engine.search(q, limit));
    const ids = await engine.search(query, 10);
    return { ids, firstResultMs: performance.now() };
  },
  relevance: (queries, options) =>
    runQueries(searcher.search, queries, options).then((results) => ({ results, errors: searcher.errors })),
  typing: (prefixes, options) => typingPasses(searcher.search, prefixes, options).then((t) => ({ ...t, errors: searcher.errors })),
  // Unguarded: a hostile query's error is part of its record, not a typing error.
  hostile: (queries, options) => timeHostile((q, limit) => engine.search(q, limit), queries, options),
};
