#!/usr/bin/env node
// helpdex benchmark against Pagefind, tinysearch, MiniSearch, FlexSearch, lunr
// and Fuse.js. See README.md next to this file, and REPORT.md.
//
//   node tests/bench/run.mjs [--smoke] [--corpus zh-help,en-help,en-large]
//        [--engines helpdex,pagefind,...] [--require-helpdex] [--report-only]
//
// The full run writes tests/bench/results.json, REPORT.md and charts/; --smoke
// runs everything on 60-article corpora, writes to work/smoke/ and exits
// non-zero if any engine failed or any metric is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES } from './engines/index.mjs';
import { NODE_HEAP_MB } from './engines/js-engine.mjs';
import { bundleClient } from './lib/bundle.mjs';
import { CHROMIUM, MOUNTS, measureInBrowser } from './lib/browser.mjs';
import { prepareCorpus } from './lib/corpus.mjs';
import { hostileInNode, hostileQueries, summarizeHostile } from './lib/hostile.mjs';
import { machine, toolVersions } from './lib/machine.mjs';
import { evaluate, reciprocalRank } from './lib/metrics.mjs';
import { BENCH_DIR, WORK_DIR, indexDir } from './lib/paths.mjs';
import { firstErrorLines, pipeRoundTrip, runMeasured, tail } from './lib/proc.mjs';
import { interleaveKinds, keystrokes, latencySample, loadQueries, titleQueries } from './lib/queries.mjs';
import { writeReport } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { percentile, summarize, summarizePasses } from './lib/stats.mjs';
import { measureSuggestions } from './lib/suggestions.mjs';
import { dirSizes, listFiles } from './lib/sizes.mjs';
import { problems } from './lib/validate.mjs';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    engines: { type: 'string' },
    'require-helpdex': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const smoke = args.smoke;
const OUT_DIR = resolve(args.out ?? (smoke ? resolve(WORK_DIR, 'smoke') : BENCH_DIR));

// Repetitions and budgets per corpus profile. Slow engines are bounded by time
// budgets (per engine, corpus and environment) rather than dropped, and the
// report says how far they got. `hostile`: the worst-case queries (lib/hostile.mjs),
// each searched `reps` times, a search cut at `capMs`, `budgetMs` per engine and
// environment; peers get them where opening their index again is cheap.
const PROFILES = smoke
  ? {
      standard: {
        buildReps: 1,
        passes: 2,
        perKind: 3,
        budgetMs: 3_000,
        relevanceBudgetMs: 5_000,
        hostile: { reps: 1, capMs: 1_000, budgetMs: 3_000, peers: true },
      },
    }
  : {
      standard: {
        buildReps: 3,
        passes: 3,
        perKind: 8,
        budgetMs: 8_000,
        relevanceBudgetMs: 30_000,
        hostile: { reps: 3, capMs: 5_000, budgetMs: 6_000, peers: true },
      },
      // 48k articles: one build, fewer timed passes, 100 generated title queries;
      // hostile queries for helpdex only (MiniSearch and lunr take ~18 s to open it).
      large: {
        buildReps: 1,
        passes: 2,
        perKind: 8,
        budgetMs: 10_000,
        relevanceBudgetMs: 15_000,
        titleQueries: 100,
        hostile: { reps: 3, capMs: 5_000, budgetMs: 10_000, peers: false },
      },
    };
const BUILD_TIMEOUT_MS = 10 * 60_000;

const CORPORA = smoke
  ? [
      { name: 'zh-help-smoke', source: 'zh-help', limit: 60 },
      { name: 'en-help-smoke', source: 'en-help', limit: 60 },
    ]
  : [
      { name: 'zh-help', source: 'zh-help' },
      { name: 'en-help', source: 'en-help' },
      { name: 'en-large', source: 'en-large', profile: 'large' },
    ];

// Engine/corpus pairs not attempted, with the measured reason (see REPORT.md).
const NOT_ATTEMPTED = {
  'en-large': {
    flexsearch:
      'FlexSearch\'s export writes each field\'s term map as one string; on en-help the text field\'s is already 153 MB, and on en-large (≈14× the text) every earlier run died inside V8\'s JSON.stringify ("Check failed: isolate_->has_pending_exception()", a string past V8\'s ~512 MB limit) after minutes of indexing.',
    fuse:
      'Fuse.js scans the full text of every article on every search: on en-help (10 MB) one search takes 0.1-3.5 s, so on en-large (241 MB) a single keystroke would take tens of seconds and its index (the whole text) is a 200+ MB download.',
  },
};

const log = (...parts) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * Moves an old build output aside and deletes it in the background: deleting
 * Pagefind's 49k en-large files took 40-80 s of IO wait (about 1 s of CPU).
 */
function discard(dir) {
  if (!existsSync(dir)) return;
  const trash = resolve(WORK_DIR, 'trash');
  mkdirSync(trash, { recursive: true });
  const aside = mkdtempSync(resolve(trash, 'old-'));
  renameSync(dir, resolve(aside, 'dir'));
  spawn('rm', ['-rf', aside], { detached: true, stdio: 'ignore' }).unref();
}

async function buildEngine(engine, corpus, reps) {
  const outDir = indexDir(engine.name, corpus.name);
  const runs = [];
  for (let i = 0; i < reps; i += 1) {
    discard(outDir);
    mkdirSync(outDir, { recursive: true });
    const { cmd, args: argv } = engine.buildCommand(corpus, outDir);
    const run = await runMeasured(cmd, argv, { timeoutMs: BUILD_TIMEOUT_MS });
    if (run.code !== 0) {
      const why = run.timedOut
        ? `build timed out after ${BUILD_TIMEOUT_MS / 60_000} min`
        : /heap out of memory|Allocation failed/i.test(run.stderr)
          ? `build ran out of memory (V8 heap limit ${NODE_HEAP_MB} MB; peak RSS ${mb(run.peakRss)})`
          : `build exited with ${run.code ?? run.signal}: ${firstErrorLines(run.stderr)}`;
      throw new Error(why);
    }
    log(`${corpus.name} ${engine.name} build ${i + 1}/${reps}: ${(run.wallMs / 1000).toFixed(1)} s, peak ${mb(run.peakRss)}`);
    runs.push(run);
  }
  // A failed browser-only step (tinysearch's wasm compile) still leaves the
  // build, size and Node numbers; the browser part reports why it is missing.
  let extra = {};
  let browserUnavailable = null;
  try {
    if (engine.afterBuild) extra = await engine.afterBuild(corpus, outDir);
  } catch (error) {
    browserUnavailable = error.message;
  }
  const outputFiles = listFiles(outDir);
  return {
    outDir,
    browserUnavailable,
    build: {
      wallMs: summarize(runs.map((r) => r.wallMs)),
      peakRss: summarize(runs.map((r) => r.peakRss)),
      ...extra,
    },
    index: { ...dirSizes(outDir, engine.isIndexFile), outputFiles: outputFiles.length },
  };
}

async function searchInNode(engine, corpus, outDir, plan) {
  const { settings } = plan;
  const job = {
    engine: engine.name,
    outDir,
    corpus: { name: corpus.name, lang: corpus.lang },
    typicalQuery: plan.typicalQuery.q,
    queries: plan.relevanceQueries,
    relevanceBudgetMs: settings.relevanceBudgetMs,
    prefixes: plan.prefixes,
    passes: settings.passes,
    budgetMs: settings.budgetMs,
  };
  const timeoutMs = settings.relevanceBudgetMs + 2 * settings.budgetMs + 5 * 60_000;
  const run = await runMeasured(process.execPath, [`--max-old-space-size=${NODE_HEAP_MB}`, resolve(BENCH_DIR, 'worker/search.mjs')], {
    input: JSON.stringify(job),
    timeoutMs,
  });
  if (run.code !== 0) throw new Error(`Node search ${run.timedOut ? 'timed out' : `exited with ${run.code}`}: ${tail(run.stderr, 5)}`);
  return { ...JSON.parse(run.stdout), peakRss: run.peakRss };
}

/**
 * Page loads fail now and then on the loaded machine (Pagefind's worker once
 * could not fetch its entry file); one retry in a fresh profile, recorded.
 */
async function retryOnce(run, measure) {
  try {
    return await measure();
  } catch (error) {
    run.browserRetried = error.message.split('\n')[0];
    log(`${run.corpus} ${run.engine} chromium failed, retrying once: ${run.browserRetried}`);
    return measure();
  }
}

/** A failure of the hostile workload is recorded, not fatal: the engine's other numbers stand. */
async function hostileNode(engine, corpus, outDir, warmup, { queries, reps, capMs, budgetMs }) {
  try {
    return await hostileInNode({ engine: engine.name, outDir, corpus, warmup, queries, reps, capMs, budgetMs });
  } catch (error) {
    return { failed: error.message };
  }
}

const hostileLine = (h) =>
  h.failed ?? `worst ${h.worstMs?.toFixed(1)} ms (${h.worstQuery}${h.worstUnfinished ? ', cut' : ''}), p95 ${h.p95Ms?.toFixed(1)} ms over ${h.searches} searches`;

const latencyOf = (typing) => ({
  ...summarizePasses(typing.passes),
  passes: typing.passes.length,
  keystrokes: typing.keystrokes,
  of: typing.of,
  truncated: typing.truncated,
});

/** Per-query reciprocal ranks (by kind) let the report compare an engine that ran part of the set with helpdex on the same queries. */
function relevanceOf(queries, results, source) {
  const done = queries.filter((q) => q.qid in results);
  const reciprocalRanks = {};
  for (const q of done) (reciprocalRanks[q.kind] ??= {})[q.qid] = Number(reciprocalRank(results[q.qid], q.relevant).toFixed(4));
  return { source, ran: done.length, of: queries.length, byKind: evaluate(done, results), reciprocalRanks };
}

async function benchCorpus(spec, engines, server, bundles) {
  log(`${spec.name}: preparing plain text`);
  const corpus = await prepareCorpus(spec);
  const shared = await loadQueries(spec.source, corpus.ids);
  const settings = PROFILES[spec.profile ?? 'standard'];
  const queries = shared ?? (await titleQueries(corpus.plainPath, settings.titleQueries));
  const querySet = shared ? `shared ${spec.source}, ${spec.source}-natural and tests/relevance/${spec.source}-questions` : 'generated from titles';
  const sample = latencySample(queries, settings.perKind);
  const typicalQuery = queries.find((q) => q.kind === 'exact');
  const hostile = { ...settings.hostile, queries: await hostileQueries(corpus.plainPath, typicalQuery.q) };
  const plan = { settings, typicalQuery, relevanceQueries: interleaveKinds(queries), prefixes: sample.flatMap((q) => keystrokes(q.q)) };
  // What loading the corpus costs a Node build before any engine runs.
  const baseline = await runMeasured(process.execPath, [resolve(BENCH_DIR, 'worker/build.mjs'), '-', corpus.plainPath, '-', corpus.lang]);
  const info = {
    name: spec.name,
    source: spec.source,
    lang: corpus.lang,
    docs: corpus.docs,
    textBytes: corpus.textBytes,
    querySet,
    queries: queries.length,
    queriesByKind: Object.fromEntries([...new Set(queries.map((q) => q.kind))].map((k) => [k, queries.filter((q) => q.kind === k).length])),
    typicalQuery: typicalQuery.q,
    hostileQueries: hostile.queries.map(({ name, what, chars }) => ({ name, what, chars })),
    settings,
    latencySample: { queries: sample.length, keystrokes: plan.prefixes.length },
    nodeLoadBaseline: { wallMs: baseline.wallMs, peakRss: baseline.peakRss },
  };
  const runs = [];
  for (const engine of engines) {
    // The 1-minute load average when the engine's turn starts: other work on
    // the machine is the main source of timing spread.
    const run = { engine: engine.name, corpus: spec.name, loadAverage1m: loadavg()[0] };
    // For run.wallS, the engine's whole turn: where a run's time goes.
    const turnStarted = performance.now();
    runs.push(run);
    const skip = NOT_ATTEMPTED[spec.name]?.[engine.name];
    if (skip) {
      Object.assign(run, { status: 'not attempted', reason: skip });
      log(`${spec.name} ${engine.name}: not attempted`);
      continue;
    }
    try {
      const built = await buildEngine(engine, corpus, settings.buildReps);
      Object.assign(run, { build: built.build, index: built.index });
      if (built.browserUnavailable) {
        run.browserUnavailable = built.browserUnavailable;
        log(`${spec.name} ${engine.name}: no browser measurements: ${built.browserUnavailable}`);
      }
      if (engine.openNode) {
        const node = await searchInNode(engine, corpus, built.outDir, plan);
        run.node = { firstResultMs: node.firstResultMs, latency: latencyOf(node.typing), errors: node.errors, peakRss: node.peakRss };
        run.relevance = relevanceOf(queries, node.results, 'node');
        log(`${spec.name} ${engine.name} node: p50 ${run.node.latency.p50.median.toFixed(2)} ms, MRR ${run.relevance.byKind.all.mrr.toFixed(3)}`);
        if (engine.name === 'helpdex' || hostile.peers) {
          run.hostile = { node: await hostileNode(engine, corpus, built.outDir, typicalQuery.q, hostile) };
          log(`${spec.name} ${engine.name} node hostile: ${hostileLine(run.hostile.node)}`);
        }
      }
      if (engine.browser && !built.browserUnavailable) {
        // A page failure costs only the browser numbers (the report says why),
        // unless the browser is where the engine's relevance comes from.
        try {
          const browser = await retryOnce(run, () => measureInBrowser({
            server,
            engine,
            corpus,
            bundlePath: bundles.get(engine.name),
            outDir: built.outDir,
            typicalQuery,
            relevanceQueries: engine.openNode ? null : plan.relevanceQueries,
            relevanceBudgetMs: settings.relevanceBudgetMs,
            prefixes: plan.prefixes,
            passes: settings.passes,
            budgetMs: settings.budgetMs,
            hostile,
          }));
          run.browser = {
            firstResultMs: browser.firstResultMs,
            transfer: browser.transfer,
            latency: latencyOf(browser.typing),
            errors: browser.errors,
            pageErrors: browser.pageErrors,
          };
          if (browser.relevance) run.relevance = relevanceOf(queries, browser.relevance, 'chromium');
          log(`${spec.name} ${engine.name} chromium: p50 ${run.browser.latency.p50.median.toFixed(2)} ms, first result ${browser.firstResultMs.toFixed(0)} ms`);
          if (browser.hostile) {
            run.hostile = { ...run.hostile, browser: summarizeHostile(hostile.queries, browser.hostile, hostile.capMs) };
            log(`${spec.name} ${engine.name} chromium hostile: ${hostileLine(run.hostile.browser)}`);
          }
        } catch (error) {
          if (!engine.openNode) throw error;
          run.browserUnavailable = error.message;
          log(`${spec.name} ${engine.name} chromium FAILED: ${error.message}`);
        }
      }
      const tickets = queries.filter((q) => q.kind === 'ticket');
      if (engine.name === 'helpdex' && tickets.length) {
        const browser = engine.browser && !built.browserUnavailable && !run.browserUnavailable;
        run.suggestions = await measureSuggestions({
          binary: engine.binary,
          outDir: built.outDir,
          tickets,
          lang: corpus.lang,
          server: browser ? server : null,
          libraryDir: engine.browser?.libraryDir,
        });
        log(`${spec.name} helpdex suggestions: 300-word texts native p95 ${run.suggestions.native.p95.toFixed(2)} ms${run.suggestions.chromium ? `, chromium p95 ${run.suggestions.chromium.p95.toFixed(2)} ms` : ''}`);
      }
      run.status = 'ok';
    } catch (error) {
      Object.assign(run, { status: 'failed', reason: error.message });
      log(`${spec.name} ${engine.name} FAILED: ${error.message}`);
    }
    run.wallS = (performance.now() - turnStarted) / 1000;
  }
  return { info, runs };
}

/** Engines to run, after their one-time preparation; a skipped engine carries its reason. */
async function prepareEngines() {
  const wanted = args.engines ? args.engines.split(',') : ENGINES.map((e) => e.name);
  const ready = [];
  const skipped = [];
  for (const engine of ENGINES.filter((e) => wanted.includes(e.name))) {
    try {
      const prepared = engine.prepare ? await engine.prepare() : {};
      ready.push(engine);
      if (prepared.compileMs) log(`${engine.name}: driver compiled in ${(prepared.compileMs / 1000).toFixed(1)} s`);
    } catch (error) {
      if (engine.name === 'helpdex' && !args['require-helpdex']) {
        log(`helpdex skipped: ${error.message}`);
        skipped.push({ engine: engine.name, reason: error.message });
      } else {
        throw error;
      }
    }
  }
  return { ready, skipped };
}

async function main() {
  if (args['report-only']) {
    writeReport(JSON.parse(readFileSync(resolve(OUT_DIR, 'results.json'), 'utf8')), OUT_DIR);
    return 0;
  }
  const started = performance.now();
  const results = {
    mode: smoke ? 'smoke' : 'full',
    generated: new Date().toISOString(),
    command: `node tests/bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machine(),
    settings: { profiles: PROFILES, buildTimeoutMs: BUILD_TIMEOUT_MS, nodeHeapMb: NODE_HEAP_MB },
    engines: [],
    skippedEngines: [],
    corpora: [],
    runs: [],
  };
  const pipe = await pipeRoundTrip();
  results.pipeRoundTripMs = { p50: percentile(pipe, 50), p95: percentile(pipe, 95) };
  const { ready, skipped } = await prepareEngines();
  results.skippedEngines = skipped;
  results.versions = { ...toolVersions(CHROMIUM), engines: Object.fromEntries(ready.map((e) => [e.name, e.versions()])) };
  results.engines = ready.map((e) => ({ name: e.name, label: e.label, settings: e.settings, browser: Boolean(e.browser), node: Boolean(e.openNode) }));

  const bundles = new Map();
  for (const engine of ready.filter((e) => e.browser)) bundles.set(engine.name, await bundleClient(engine));

  const wantedCorpora = args.corpus ? args.corpus.split(',') : null;
  const server = await startServer(MOUNTS);
  mkdirSync(OUT_DIR, { recursive: true });
  try {
    for (const spec of CORPORA.filter((c) => !wantedCorpora || wantedCorpora.includes(c.name))) {
      const { info, runs } = await benchCorpus(spec, ready, server, bundles);
      results.corpora.push(info);
      results.runs.push(...runs);
      // Written after every corpus so an interrupted run keeps what it measured.
      results.durationS = (performance.now() - started) / 1000;
      writeFileSync(resolve(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    }
  } finally {
    await server.close();
  }
  results.machine.loadAverageAtEnd = loadavg();
  results.durationS = (performance.now() - started) / 1000;
  writeFileSync(resolve(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeReport(results, OUT_DIR);
  log(`done in ${(results.durationS / 60).toFixed(1)} min; report in ${OUT_DIR}`);

  const found = problems(results);
  for (const p of found) log(`problem: ${p}`);
  return smoke && found.length ? 1 : 0;
}

process.exitCode = await main();
