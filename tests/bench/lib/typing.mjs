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
    async search(q, limit) {
      try {
        return await search(q, limit);
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
    results[q.qid] = await search(q.q, limit);
  }
  return results;
}

/** `count` items spread evenly over `list`, keeping their order. */
function spread(list, count) {
  if (count >= list.length) return list;
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
}

/**
 * Warm latency while typing: `prefixes` holds every keystroke of every sampled
 * query, each one a search. One warm-up pass, then `passes` timed passes over the
 * same searches. An engine too slow to do that within `budgetMs` is timed on an
 * evenly spread subset of the keystrokes (all query lengths still represented),
 * sized from a short calibration run; the subset is warmed up like the full list.
 */
export async function typingPasses(search, prefixes, { passes, budgetMs, limit = 10 }) {
  const start = performance.now();
  const deadline = start + budgetMs;
  const timed = async (list) => {
    const durations = [];
    for (const prefix of list) {
      if (durations.length && performance.now() > deadline) break;
      const t = performance.now();
      await search(prefix, limit);
      durations.push(performance.now() - t);
    }
    return durations;
  };

  // Calibration: searches spread over the whole list for up to a tenth of the budget.
  const probe = [];
  for (const prefix of spread(prefixes, 64)) {
    if (probe.length && performance.now() - start > budgetMs / 10) break;
    const t = performance.now();
    await search(prefix, limit);
    probe.push(performance.now() - t);
  }
  const perSearch = probe.reduce((a, b) => a + b, 0) / probe.length;
  const remaining = deadline - performance.now();
  const capacity = Math.max(1, Math.floor((0.9 * remaining) / perSearch / (passes + 1)));
  const subset = spread(prefixes, capacity);

  await timed(subset); // warm-up
  const runs = [];
  while (runs.length < passes && (runs.length === 0 || performance.now() < deadline)) runs.push(await timed(subset));
  return { passes: runs, keystrokes: subset.length, of: prefixes.length, truncated: runs.some((d) => d.length < subset.length), wallMs: performance.now() - start };
}
