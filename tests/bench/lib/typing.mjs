// Query drivers shared by the Node workers and the browser page (this module
// is served to Chromium as is, so it uses only web-platform globals).

/**
 * Wraps a search function so an exception inside the engine (a bug it has on
 * some input) counts as an error and an empty result instead of aborting the run.
 */
export function guarded(search) {
  const errors = { count: 0, samples: [] };
  return {
    errors,
    async search(q, limit, kind) {
      try {
        return await search(q, limit, kind);
      } catch (error) {
        errors.count += 1;
        if (errors.samples.length < 3) errors.samples.push(`${JSON.stringify(q)}: ${error?.message ?? error}`);
        return [];
      }
    },
  };
}

/**
 * Runs each query once; returns qid -> ranked ids. Engines too slow for the whole
 * set stop when `budgetMs` runs out (callers pass queries interleaved by kind, so
 * a partial run still covers every kind) and are scored on the queries they ran.
 */
export async function runQueries(search, queries, { budgetMs = Infinity, limit = 10 } = {}) {
  const deadline = performance.now() + budgetMs;
  const results = {};
  for (const q of queries) {
    if (performance.now() > deadline) break;
    results[q.qid] = await search(q.q, limit, q.kind);
  }
  return results;
}

/**
 * Indices 0..n-1 in van der Corput order starting from the middle (n/2, n/4,
 * 3n/4, n/8, ..., 0 last): every prefix of the order is a subset spread evenly
 * over the whole range. Index 0, the first keystroke of the first query, comes
 * last so a slow engine's small subset does not always start with a one-letter
 * search, the slowest kind for most engines.
 */
export function spreadOrder(n) {
  const seen = new Set([0]);
  const order = [];
  for (let i = 1; order.length < n - 1; i += 1) {
    let x = 0;
    for (let bits = i, f = 0.5; bits; bits >>= 1, f /= 2) if (bits & 1) x += f;
    const index = Math.floor(x * n);
    if (!seen.has(index)) {
      seen.add(index);
      order.push(index);
    }
  }
  return n > 0 ? [...order, 0] : [];
}

/**
 * Warm latency while typing: `prefixes` holds every keystroke of every sampled
 * query, each one a search. A warm-up pass, then `passes` timed passes over the
 * same searches, all within `budgetMs`. The searches run in spread order, so an
 * engine too slow to warm up every keystroke in half the budget is timed on the
 * ones it did warm up: an evenly spread subset covering every query and length.
 * Half, because the warm-up is where an engine that loads its index lazily
 * (helpdex, Pagefind) fetches it; an engine whose warm-up fills that half gets
 * fewer timed passes (at least one). (Single searches are never interrupted;
 * one can overrun the budget.)
 */
export async function typingPasses(search, prefixes, { passes, budgetMs, limit = 10 }) {
  const start = performance.now();
  const ordered = spreadOrder(prefixes.length).map((i) => prefixes[i]);
  const run = async (list, deadline) => {
    const durations = [];
    for (const prefix of list) {
      if (durations.length && performance.now() > deadline) break;
      const t = performance.now();
      await search(prefix, limit);
      durations.push(performance.now() - t);
    }
    return durations;
  };
  const warmed = ordered.slice(0, (await run(ordered, start + budgetMs / 2)).length);
  const runs = [];
  while (runs.length < passes && (runs.length === 0 || performance.now() < start + budgetMs)) {
    runs.push(await run(warmed, start + budgetMs));
  }
  return {
    passes: runs,
    keystrokes: warmed.length,
    of: prefixes.length,
    truncated: runs.some((d) => d.length < warmed.length),
    wallMs: performance.now() - start,
  };
}

const CUT = Symbol('cut');

/**
 * Hostile queries in the page: each of `queries` searched `reps` times in a
 * row, returning per query `{ms, error, unfinished}`. For engines that answer
 * asynchronously (in a worker) a search still running after `capMs` is cut:
 * it is marked unfinished and the run ends, the engine being busy with it.
 * Stops starting searches after `budgetMs`.
 */
export async function timeHostile(search, queries, { reps, capMs, budgetMs, limit = 10 }) {
  const start = performance.now();
  const records = queries.map(() => ({ ms: [], error: null, unfinished: false }));
  for (const [i, q] of queries.entries()) {
    for (let r = 0; r < reps; r += 1) {
      if (performance.now() - start > budgetMs) return records;
      let timer;
      const t = performance.now();
      const outcome = await Promise.race([
        Promise.resolve()
          .then(() => search(q, limit))
          .then(
            () => null,
            (e) => String(e?.message ?? e).slice(0, 200),
          ),
        new Promise((resolve) => (timer = setTimeout(resolve, capMs, CUT))),
      ]);
      clearTimeout(timer);
      if (outcome === CUT) {
        records[i].unfinished = true;
        return records;
      }
      records[i].ms.push(performance.now() - t);
      records[i].error ??= outcome;
    }
  }
  return records;
}
