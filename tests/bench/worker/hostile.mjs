// Child process timing one engine's hostile queries in Node (see lib/hostile.mjs).
// Input (JSON on stdin): {engine, outDir, corpus: {name, lang}, warmup, queries, from,
// reps, budgetMs} (queries before index `from` were done by an earlier child; `warmup`,
// an ordinary query, is searched untimed first, as the page has searched before them).
// Output: one JSON line per event, written synchronously so the parent has
// every finished search even if it kills this process during a later one:
// {opened} once the index is open, {start: i} before and {done: i, ms, error} after each search.
import { writeSync } from 'node:fs';
import { text } from 'node:stream/consumers';

const job = JSON.parse(await text(process.stdin));
const { default: engine } = await import(`../engines/${job.engine}/index.mjs`);
const emit = (event) => writeSync(1, `${JSON.stringify(event)}\n`);

const searcher = await engine.openNode(job.outDir, job.corpus);
await searcher.search(job.warmup, 10);
emit({ opened: true });
const started = performance.now();
run: for (const [i, q] of job.queries.entries()) {
  if (i < job.from) continue;
  for (let r = 0; r < job.reps; r += 1) {
    if (performance.now() - started > job.budgetMs) break run;
    emit({ start: i });
    let error = null;
    const t = performance.now();
    try {
      await searcher.search(q, 10);
    } catch (e) {
      error = String(e?.message ?? e).slice(0, 200);
    }
    emit({ done: i, ms: performance.now() - t, error });
  }
}
searcher.close?.();
