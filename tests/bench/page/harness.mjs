// Runs inside headless Chromium. The harness (lib/browser.mjs) calls these
// through page.evaluate; all timing uses the page's own performance.now().
import { guarded, runQueries, typingPasses } from '../lib/typing.mjs';

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

let searcher;

window.bench = {
  /**
   * Loads the engine bundle and index and answers `query`: the cold path of a
   * visitor's first search. Returns the ids and the time since navigation start.
   */
  async first({ bundle, base, lang, query }) {
    const client = await import(bundle);
    const env = {
      lang,
      fetchText: async (path) => (await fetchOk(base + path)).text(),
      fetchBytes: async (path) => new Uint8Array(await (await fetchOk(base + path)).arrayBuffer()),
      importModule: (path) => import(base + path),
    };
    const engine = await client.open(env);
    searcher = guarded((q, limit) => engine.search(q, limit));
    const ids = await engine.search(query, 10);
    return { ids, firstResultMs: performance.now() };
  },
  relevance: (queries, options) =>
    runQueries(searcher.search, queries, options).then((results) => ({ results, errors: searcher.errors })),
  typing: (prefixes, options) => typingPasses(searcher.search, prefixes, options).then((t) => ({ ...t, errors: searcher.errors })),
};
