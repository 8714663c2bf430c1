#!/usr/bin/env node
// Relevance of the helpdex CLI on every query set of a corpus, per kind: the loop to tune
// ranking in. Builds the corpus index with the binary (again when the binary is newer), runs
// every query through `helpdex search --json`, prints MRR@10, nDCG@10 and recall@10.
//
//   node tests/relevance/score.mjs                       # en-help and zh-help, every set
//   node tests/relevance/score.mjs --corpus en-help --misses 20
//   node tests/relevance/score.mjs --json                # the figures as JSON
//   node tests/relevance/score.mjs --compare base.json   # first run saves every query's rank;
//                                                        # later runs list the queries that moved
//
// Sets: ../shared/queries/<corpus>.jsonl (exact, typo, prefix, pinyin),
// ../shared/queries/<corpus>-natural.jsonl and tests/relevance/<corpus>-questions.jsonl, and
// `tickets`: those questions wrapped as support tickets (tests/bench/lib/tickets.mjs), run
// through `helpdex search --suggest`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { K, evaluate, reciprocalRank } from '../bench/lib/metrics.mjs';
import { ticketsFrom } from '../bench/lib/tickets.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const SHARED = process.env.HELPDEX_SHARED_DIR ?? resolve(ROOT, '..', 'shared');

const { values: opts } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'en-help,zh-help' },
    binary: { type: 'string', default: resolve(ROOT, 'target/release/helpdex') },
    work: { type: 'string', default: resolve(HERE, 'work') },
    misses: { type: 'string', default: '0' },
    set: { type: 'string' },
    json: { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
});

/** The query sets of `corpus` that exist, as [name, queries]. */
export function querySets(corpus) {
  const files = [
    ['shared', resolve(SHARED, 'queries', `${corpus}.jsonl`)],
    ['shared-natural', resolve(SHARED, 'queries', `${corpus}-natural.jsonl`)],
    ['questions', resolve(HERE, `${corpus}-questions.jsonl`)],
  ];
  const sets = files
    .filter(([, path]) => existsSync(path))
    .map(([name, path]) => [name, readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))]);
  const questions = sets.find(([name]) => name === 'questions');
  if (questions) sets.push(['tickets', ticketsFrom(questions[1], corpus.startsWith('zh') ? 'zh' : 'en')]);
  return sets;
}

/** The index folder for `corpus`, built by the binary unless it is newer than the binary. */
function indexFor(corpus) {
  const dir = resolve(opts.work, corpus);
  const manifest = resolve(dir, 'helpdex.json');
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < statSync(opts.binary).mtimeMs) {
    mkdirSync(opts.work, { recursive: true });
    execFileSync(opts.binary, ['build', resolve(SHARED, 'corpora', `${corpus}.jsonl.gz`), '--out', dir, '--quiet'], {
      stdio: 'inherit',
    });
  }
  return dir;
}

/** Ranked results of every query, one `helpdex search` process for all of them. */
async function search(dir, queries, suggest) {
  const args = ['search', '--index', dir, '--json', '--limit', String(K), ...(suggest ? ['--suggest'] : [])];
  const child = spawn(opts.binary, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const answers = [];
  lines.on('line', (line) => answers.push(JSON.parse(line)));
  // Queries are one per line: a line break inside one would split it. Long texts keep theirs,
  // each text a JSON string on its line.
  const line = (q) => (suggest ? JSON.stringify(q.q) : q.q.replace(/\s+/g, ' '));
  child.stdin.end(queries.map(line).join('\n') + '\n');
  await new Promise((done, fail) => child.on('close', (code) => (code === 0 ? done() : fail(new Error(`helpdex search exited ${code}`)))));
  if (answers.length !== queries.length) throw new Error(`${answers.length} answers for ${queries.length} queries`);
  return answers;
}

const out = {};
const ranks = {};
for (const corpus of opts.corpus.split(',')) {
  const dir = indexFor(corpus);
  out[corpus] = {};
  for (const [name, queries] of querySets(corpus)) {
    if (opts.set && opts.set !== name) continue;
    const answers = await search(dir, queries, name === 'tickets');
    const results = Object.fromEntries(queries.map((q, i) => [q.qid, answers[i].map((r) => r.id)]));
    out[corpus][name] = evaluate(queries, results);
    for (const q of queries) {
      const rr = reciprocalRank(results[q.qid], q.relevant);
      ranks[`${corpus} ${name} ${q.qid}`] = { q: q.q, rank: rr ? Math.round(1 / rr) : null };
    }
    const misses = Number(opts.misses);
    if (misses > 0 && !opts.json) {
      const missed = queries
        .map((q, i) => ({ q, rr: reciprocalRank(results[q.qid], q.relevant), top: answers[i] }))
        .filter((m) => m.rr < 1)
        .sort((a, b) => a.rr - b.rr)
        .slice(0, misses);
      console.log(`\n${corpus} ${name}: ${missed.length} misses shown`);
      for (const m of missed) {
        const rank = m.rr ? Math.round(1 / m.rr) : '-';
        console.log(`  [${rank}] ${m.q.qid} ${m.q.q}`);
        console.log(`      want: ${m.q.relevant.map((id) => id.split(':').pop()).join(', ')}`);
        for (const r of m.top.slice(0, 3)) console.log(`      got:  ${r.title}  (${r.id.split(':').pop()})`);
      }
    }
  }
}

if (opts.compare) {
  if (!existsSync(opts.compare)) {
    writeFileSync(opts.compare, JSON.stringify(ranks));
  } else {
    // A miss (no relevant result in the top 10) sorts as rank 11.
    const r = (x) => x ?? K + 1;
    const before = JSON.parse(readFileSync(opts.compare, 'utf8'));
    const moved = Object.entries(ranks).filter(([key, now]) => key in before && r(before[key].rank) !== r(now.rank));
    console.log(`\n${moved.length} queries moved against ${opts.compare}:`);
    for (const [key, now] of moved.sort(([, a], [, b]) => r(a.rank) - r(b.rank))) {
      console.log(`  ${String(r(before[key].rank)).padStart(2)} -> ${String(r(now.rank)).padStart(2)}  ${key}  ${now.q}`);
    }
  }
}

if (opts.json) {
  console.log(JSON.stringify(out, null, 2));
} else {
  const f = (x) => x.toFixed(3);
  console.log(`\n${'corpus'.padEnd(9)} ${'set'.padEnd(15)} ${'kind'.padEnd(8)} ${'n'.padStart(4)}  MRR@10 nDCG@10 R@10`);
  for (const [corpus, sets] of Object.entries(out)) {
    for (const [name, kinds] of Object.entries(sets)) {
      for (const [kind, m] of Object.entries(kinds)) {
        if (kind === 'all' && Object.keys(kinds).length === 2) continue;
        console.log(`${corpus.padEnd(9)} ${name.padEnd(15)} ${kind.padEnd(8)} ${String(m.n).padStart(4)}  ${f(m.mrr)}  ${f(m.ndcg)}  ${f(m.recall)}`);
      }
    }
  }
}
