// Child process for one engine's Node-side measurements on one corpus: time to
// the first result (open the index + answer the typical query; a CLI loads its
// index lazily, so opening alone would not compare), the ranked ids for the
// relevance queries, and warm typing latency.
// Input (JSON on stdin): {engine, outDir, corpus: {name, lang}, typicalQuery,
//   queries, relevanceBudgetMs, prefixes, passes, budgetMs}.
// Output (JSON on stdout): {firstResultMs, results, typing, errors}.
import { text } from 'node:stream/consumers';
import { guarded, runQueries, typingPasses } from '../lib/typing.mjs';

const job = JSON.parse(await text(process.stdin));
const { default: engine } = await import(`../engines/${job.engine}/index.mjs`);

const started = performance.now();
const searcher = await engine.openNode(job.outDir, job.corpus);
await searcher.search(job.typicalQuery, 10);
const firstResultMs = performance.now() - started;
// Tickets go to an engine's suggestion API when it has one (helpdex), else to its search.
const { search, errors } = guarded((q, limit, kind) => (kind === 'ticket' && searcher.suggest ? searcher.suggest(q, limit) : searcher.search(q, limit)));

const results = await runQueries(search, job.queries, { budgetMs: job.relevanceBudgetMs });
const typing = await typingPasses(search, job.prefixes, { passes: job.passes, budgetMs: job.budgetMs });
searcher.close?.();
process.stdout.write(JSON.stringify({ firstResultMs, results, typing, errors }));
