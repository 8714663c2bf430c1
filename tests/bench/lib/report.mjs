// REPORT.md and charts/*.svg, generated from results.json alone (so
// `run.mjs --report-only` can redo them without measuring again).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BROTLI_LARGE_FILE_QUALITY } from './sizes.mjs';
import { barChart } from './svg.mjs';

const KINDS = ['exact', 'typo', 'prefix', 'pinyin', 'natural', 'question', 'ticket'];

export const fmtBytes = (n) => {
  if (!Number.isFinite(n)) return 'n/a';
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e8 ? 0 : n >= 1e7 ? 1 : 2)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e5 ? 0 : 1)} kB`;
  return `${n} B`;
};
export const fmtMs = (ms) => {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
};
const fmtS = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(ms >= 10_000 ? 0 : 1) : 'n/a');
const fmt3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const spread = (s, f) => (s && s.runs > 1 ? ` (${f(s.min)}–${f(s.max)})` : '');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// Caveats about the peers that the numbers alone do not show.
const NOTES = [
  'Pagefind gets slow on one-letter queries over a large site: on en-large, "a" took 5.6 s on a fresh page and 46–93 s once earlier searches had loaded more of its index (a single such keystroke can use up its whole latency budget here).',
  'Pagefind has no typo tolerance (its issue #2). Its search bundle does not run under Node, so its relevance and latency come from Chromium only, and its latency includes loading the top-10 result fragments (a result has no title or URL before that). It is pinned at 1.5.2, not the newest 1.6.0: the npm registry mirror used here lacks 1.6.0\'s non-Linux platform packages, which makes a lockfile that `npm ci` accepts impossible.',
  'tinysearch embeds its index in a per-site wasm module; "index" bytes are its serialized index, and the browser downloads that inside the wasm (counted as index data in the transfer). Its "Node" column is the native Rust library answering over a pipe. Its shipped JS loader grows wasm memory by 64 KiB per query (no allocator export), which runs a page out of memory after a few thousand keystrokes; the harness reuses one buffer. It drops digits and has no CJK segmentation (a run of Han characters is one word).',
  'lunr throws a TypeError inside `Index.query` for some trailing-wildcard terms (a token set / inverted index mismatch on tokens such as "0xc004f060,64,00,61,00"); such a search is counted as an error with no results.',
  'FlexSearch\'s export writes each field\'s term map as one string; on en-help the text field\'s is already 153 MB, and on en-large (≈14× the text) the build dies inside V8\'s JSON.stringify (a string past V8\'s ~512 MB limit), so FlexSearch has no en-large numbers.',
  'FlexSearch\'s CJK charset indexes every character (and Latin letters inside Chinese text) as its own term, so Chinese queries match any article containing those characters.',
  'MiniSearch, lunr and Fuse.js get Intl.Segmenter word segmentation for Chinese (their default tokenizers treat a whole Han clause as one word). Node and Chromium ship different ICU data, so segmentation, and thus results, can differ slightly between the two.',
  'Fuse.js searches the raw text with the Bitap algorithm on every keystroke, and its index carries the full text; slow runs are cut by the time budget and the tables show how many queries/searches were measured.',
];

// Why helpdex trails where helpdexGaps() finds it does, from the measurements and
// the engines' designs; keep in step with the list when the numbers move.
const GAP_REASONS = [
  '**Relevance, zh-help exact and prefix, tinysearch.** The queries where tinysearch puts the marked article higher are title fragments that several articles share equally: 使用文档 ("user guide") ends the titles of PD Recover, Placement Rules, Split Region and Online Unsafe Recovery 使用文档, and the set marks the last one (helpdex\'s 4th); 同步数据到 starts four TiCDC titles. helpdex orders such equals by BM25F (shorter fields first); tinysearch orders them arbitrarily, and its order changes from run to run (zh-help exact MRR 0.906, 0.919, 0.930 and 0.917 in four earlier full runs, 0.916 in this one, where it is ahead on 9 exact and 10 prefix queries, helpdex on 7 and 8, and on all 100 typo queries, where tinysearch finds nothing). It scores 0 on typo and pinyin queries. Nothing in these queries tells the marked article from its siblings; a site signal such as page views would, and helpdex takes none as input yet.',
  '**Relevance against Fuse.js and lunr** (every corpus): those entries come from the few queries they finished within their time budget (Fuse.js 25 of 400 on zh-help and 16 of 300 on en-help; lunr 277 of 400 on zh-help and 22 of 100 on en-large); on those same queries helpdex has the same MRR@10 (1.000, as the list says).',
  '**Latency: FlexSearch (every corpus), tinysearch and MiniSearch (zh-help, Chromium).** FlexSearch\'s "forward" tokenizer stores every prefix of every word as its own key, so a keystroke is a hash lookup and an intersection of precomputed lists, with no typo matching or scoring at query time; the price is in the tables: 166 MB of index and 20 MB before the first result on en-help, 854 MB to build, no en-large index at all, and 0.629 MRR on zh-help. tinysearch treats a run of Han characters as one word, so a Chinese query is a couple of filter probes per article (and finds nothing for typos or pinyin). helpdex walks its vocabulary with prefix and Levenshtein automata, scores with BM25F and proximity, and builds excerpts with highlight ranges for all ten results. In Chromium it also runs as wasm and, by the package\'s default, in a Web Worker: `npm --prefix www run bench` on en-help (same engine, idle machine) gives p50 0.61 ms and p95 1.41 ms for the engine on the page\'s main thread (the package\'s `worker: false`), and 0.87 and 1.84 ms through the worker, the round trip that keeps typing from ever blocking the page. Fix: narrow the last word\'s candidates from the previous keystroke\'s (typing only extends it; the engine already reuses the lookups of unchanged words), and build excerpts only for the results a UI shows.',
  '**Bytes before the first result: Pagefind (every corpus).** helpdex\'s first search fetches its core file whole, because typo and prefix matching run automata over the entire vocabulary: 373 kB of zh-help\'s 587 kB of index parts, 144 kB of en-help\'s 304 kB, 1.18 MB of en-large\'s 2.54 MB (gzip, as stored). Pagefind has no typo tolerance and fetches only the word-range chunk holding the query\'s words plus the top results\' fragments. helpdex\'s own code is the smaller (61.9 kB sent against Pagefind\'s 93–97 kB), and it is ahead of every other peer on every corpus. Fix: shard the vocabulary by leading characters and fetch the shards of the query\'s words, keeping only field lengths and the folding table in the core; words of 5–8 letters allow no first-letter typo in helpdex, so all their candidates sit in the typed letters\' shard.',
  '**First result: tinysearch on en-help (291 ms against 398 ms), Pagefind on zh-help (356 against 359 ms)**, from navigation to result ids on a local server, with no network throttling: tinysearch answers from one wasm module holding its whole 431 kB index; Pagefind fetches 192 kB in 8 requests; helpdex starts a worker, compiles its wasm and fetches manifest, core and chunks (19–20 requests, 366 and 649 kB). The bytes above, not these milliseconds on localhost, are what a visitor on a real network waits for; the vocabulary shards that would cut them would cut this too.',
];

const settingsText = (s) =>
  `${s.buildReps} build${s.buildReps === 1 ? '' : 's'}; latency sample ${s.perKind} queries per kind, 1 warm-up + up to ${s.passes} timed passes, budget ${s.budgetMs / 1000} s per engine and environment; relevance budget ${s.relevanceBudgetMs / 1000} s`;

function chartsFor(corpus, runs, engines, chartDir) {
  const label = (r) => engines.get(r.engine)?.label ?? r.engine;
  const ok = runs.filter((r) => r.status === 'ok');
  const charts = [];
  const write = (name, svg, alt) => {
    writeFileSync(resolve(chartDir, name), svg);
    charts.push(`![${alt}](charts/${name})`);
  };
  const categories = ok.map(label);
  write(
    `${corpus.name}-index-size.svg`,
    barChart({
      title: `${corpus.name}: index size, all index files (log scale)`,
      categories,
      series: [
        { name: 'gzip -9', values: ok.map((r) => r.index.gzip) },
        { name: 'brotli', values: ok.map((r) => r.index.brotli) },
      ],
      log: true,
      format: fmtBytes,
    }),
    `${corpus.name} index size`,
  );
  const browserRuns = ok.filter((r) => r.browser);
  if (browserRuns.length) {
    write(
      `${corpus.name}-transfer.svg`,
      barChart({
        title: `${corpus.name}: bytes sent before the first result (gzip as served, log scale)`,
        categories: browserRuns.map(label),
        series: [
          { name: 'library', values: browserRuns.map((r) => r.browser.transfer.library.sent) },
          { name: 'index', values: browserRuns.map((r) => r.browser.transfer.index.sent) },
        ],
        log: true,
        format: fmtBytes,
        note: `query: "${corpus.typicalQuery}"`,
      }),
      `${corpus.name} transfer before first result`,
    );
  }
  write(
    `${corpus.name}-latency.svg`,
    barChart({
      title: `${corpus.name}: warm search latency per keystroke (ms, log scale)`,
      categories,
      series: [
        { name: 'Node p50', values: ok.map((r) => r.node?.latency.p50.median ?? null) },
        { name: 'Node p95', values: ok.map((r) => r.node?.latency.p95.median ?? null) },
        { name: 'Chromium p50', values: ok.map((r) => r.browser?.latency.p50.median ?? null) },
        { name: 'Chromium p95', values: ok.map((r) => r.browser?.latency.p95.median ?? null) },
      ],
      log: true,
      format: fmtMs,
    }),
    `${corpus.name} latency`,
  );
  const kinds = ['all', ...KINDS.filter((k) => corpus.queriesByKind[k])];
  write(
    `${corpus.name}-relevance.svg`,
    barChart({
      title: `${corpus.name}: MRR@10 by query kind`,
      categories,
      series: kinds.map((k) => ({ name: k, values: ok.map((r) => r.relevance?.byKind[k]?.mrr ?? null) })),
      format: (v) => v.toFixed(2),
    }),
    `${corpus.name} relevance`,
  );
  return charts;
}

/** One cell of the hostile table: the slowest search of one query in one environment. */
function hostileCell(h, name) {
  if (!h) return 'n/a';
  if (h.failed) return 'failed';
  const q = h.queries.find((x) => x.name === name);
  if (q.unfinished) return `> ${fmtMs(h.capMs)} (cut)`;
  if (!q.ms.length) return 'not run';
  const range = q.ms.length > 1 ? `${fmtMs(Math.max(...q.ms))} / ${fmtMs(Math.min(...q.ms))}` : fmtMs(q.ms[0]);
  return `${range}${q.error ? ' (threw)' : ''}`;
}

function hostileSection(corpus, ok, label) {
  const columns = ok.flatMap((r) =>
    [
      ['browser', 'Chromium'],
      ['node', 'Node'],
    ]
      .filter(([env]) => r.hostile?.[env])
      .map(([env, where]) => ({ head: `${label(r)} ${where}`, h: r.hostile[env] })),
  );
  if (!columns.length) return [];
  const summary = (c) => {
    const h = c.h;
    if (h.failed) return ['failed', 'failed'];
    return [`**${h.worstUnfinished ? '> ' : ''}${fmtMs(h.worstMs)}** (${h.worstQuery})`, fmtMs(h.p95Ms)];
  };
  const lines = ['### Worst-case queries (hostile input, ms)', ''];
  lines.push(
    `Each query below searched ${corpus.settings.hostile.reps} time${corpus.settings.hostile.reps === 1 ? '' : 's'} in a row after the typing passes; a cell is the slowest / the fastest of those searches (the first search of a query is the slowest where it has to fetch or decode index parts no earlier search needed). A search still running after ${fmtS(corpus.settings.hostile.capMs)} s is cut ("cut"; the Node child is killed and a new one goes on with the next query); no search starts after ${fmtS(corpus.settings.hostile.budgetMs)} s per engine and environment ("not run"). "threw": the engine raised an error (timed all the same). ${corpus.settings.hostile.peers ? '' : 'Peers are not run on this corpus: opening their index again costs up to 18 s each. '}Pagefind's search runs on the page's main thread, where a stuck search cannot be cut, so it has no column.`,
    '',
  );
  lines.push(
    table(
      ['query', 'chars', ...columns.map((c) => c.head)],
      [
        ...corpus.hostileQueries.map((q) => [q.name, q.chars.toLocaleString('en'), ...columns.map((c) => hostileCell(c.h, q.name))]),
        ['**worst**', '', ...columns.map((c) => summary(c)[0])],
        ['**p95** of all searches', '', ...columns.map((c) => summary(c)[1])],
      ],
    ),
    '',
  );
  const failed = columns.filter((c) => c.h.failed).map((c) => `- ${c.head}: ${c.h.failed}`);
  const threw = columns.flatMap((c) => (c.h.errors ?? []).slice(0, 2).map((e) => `- ${c.head} threw on ${e}`));
  if (failed.length || threw.length) lines.push(...failed, ...threw, '');
  return lines;
}

function corpusSection(corpus, runs, engines, chartDir, nproc) {
  const label = (r) => engines.get(r.engine)?.label ?? r.engine;
  const ok = runs.filter((r) => r.status === 'ok');
  const lines = [`## ${corpus.name}`, ''];
  lines.push(
    `${corpus.docs.toLocaleString('en')} articles, ${fmtBytes(corpus.textBytes)} of plain text (${corpus.lang}); ${corpus.queries} queries (${corpus.querySet}: ${Object.entries(corpus.queriesByKind).map(([k, n]) => `${n} ${k}`).join(', ')}); latency sample ${corpus.latencySample.queries} queries = ${corpus.latencySample.keystrokes} keystrokes; typical query for the transfer count: "${corpus.typicalQuery}". Reading the corpus alone costs a Node build ${fmtS(corpus.nodeLoadBaseline.wallMs)} s and ${fmtBytes(corpus.nodeLoadBaseline.peakRss)} (included in the JS engines' numbers below). Settings: ${settingsText(corpus.settings)}.`,
    '',
  );

  lines.push('### Build and index size', '');
  lines.push(
    table(
      ['engine', 'build s', 'peak memory', 'index files', 'index raw', 'gzip', 'brotli', 'all output files'],
      ok.map((r) => [
        label(r),
        `${fmtS(r.build.wallMs.median)}${spread(r.build.wallMs, fmtS)}${r.build.wasmCompileMs ? ` + ${fmtS(r.build.wasmCompileMs)} wasm compile` : ''}`,
        `${fmtBytes(r.build.peakRss.median)}${spread(r.build.peakRss, fmtBytes)}`,
        r.index.files,
        fmtBytes(r.index.raw),
        fmtBytes(r.index.gzip),
        `${fmtBytes(r.index.brotli)}${r.index.brotliReducedFiles ? ` (q${BROTLI_LARGE_FILE_QUALITY})` : ''}`,
        r.index.outputFiles,
      ]),
    ),
    '',
  );

  const browserRuns = ok.filter((r) => r.browser);
  if (browserRuns.length) {
    lines.push('### Bytes before the first result (Chromium, cold cache)', '');
    lines.push(
      table(
        ['engine', 'library (sent / raw)', 'index parts (sent / raw)', 'total sent', 'requests', 'first result ms'],
        browserRuns.map((r) => {
          const t = r.browser.transfer;
          return [
            label(r),
            `${fmtBytes(t.library.sent)} / ${fmtBytes(t.library.raw)}`,
            `${fmtBytes(t.index.sent)} / ${fmtBytes(t.index.raw)}`,
            `**${fmtBytes(t.library.sent + t.index.sent)}**`,
            t.requests,
            fmtMs(r.browser.firstResultMs),
          ];
        }),
      ),
      '',
    );
  }

  lines.push('### Search latency while typing (warm, ms per keystroke)', '');
  const lat = (env) => (env ? `${fmtMs(env.latency.p50.median)}${spread(env.latency.p50, fmtMs)}` : 'n/a');
  const p95 = (env) => (env ? `${fmtMs(env.latency.p95.median)}${spread(env.latency.p95, fmtMs)}` : 'n/a');
  const measured = (env) => {
    if (!env) return '';
    const l = env.latency;
    const keys = l.keystrokes < l.of ? `${l.keystrokes} of ${l.of}` : `${l.of}`;
    return `${keys} × ${l.passes}${l.truncated ? ' (budget hit)' : ''}`;
  };
  lines.push(
    table(
      ['engine', 'Node p50', 'Node p95', 'Chromium p50', 'Chromium p95', 'Node first result ms', 'keystrokes × timed passes (Node; Chromium)'],
      ok.map((r) => [label(r), lat(r.node), p95(r.node), lat(r.browser), p95(r.browser), r.node ? fmtMs(r.node.firstResultMs) : 'n/a', [measured(r.node), measured(r.browser)].filter(Boolean).join('; ')]),
    ),
    '',
  );

  const kinds = ['all', ...KINDS.filter((k) => corpus.queriesByKind[k])];
  lines.push('### Relevance (MRR@10 · recall@10 · nDCG@10)', '');
  lines.push(
    table(
      ['engine', 'queries run', ...kinds],
      ok.map((r) => [
        label(r),
        `${r.relevance.ran}/${r.relevance.of}${r.relevance.source === 'chromium' ? ' (Chromium)' : ''}`,
        ...kinds.map((k) => {
          const m = r.relevance.byKind[k];
          return m ? `${k === 'all' ? '**' : ''}${fmt3(m.mrr)}${k === 'all' ? '**' : ''} · ${fmt3(m.recall)} · ${fmt3(m.ndcg)}` : 'n/a';
        }),
      ]),
    ),
    '',
  );

  lines.push(...hostileSection(corpus, ok, label));
  lines.push(...suggestionsSection(corpus, ok, chartDir));

  const errors = ok.flatMap((r) =>
    ['node', 'browser'].filter((env) => r[env]?.errors?.count).map((env) => `${label(r)} (${env}): ${r[env].errors.count} searches threw, e.g. ${r[env].errors.samples[0]}`),
  );
  const loads = runs.map((r) => r.loadAverage1m).filter(Number.isFinite);
  if (loads.length) {
    lines.push(`Machine load (1-minute load average on ${nproc} cores) when each engine's turn began: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; per engine in results.json.`, '');
  }
  const notRun = [
    ...runs.filter((r) => r.status !== 'ok').map((r) => `${label(r)} — ${r.status}: ${r.reason}`),
    ...ok.filter((r) => r.browserUnavailable).map((r) => `${label(r)} — no browser measurements: ${r.browserUnavailable}`),
    ...runs.filter((r) => r.browserRetried).map((r) => `${label(r)} — the Chromium measurement failed once and was repeated in a fresh profile: ${r.browserRetried}`),
  ];
  if (errors.length || notRun.length) lines.push(...[...notRun, ...errors].map((e) => `- ${e}`), '');

  lines.push(...chartsFor(corpus, runs, engines, chartDir).map((c) => `${c}\n`));
  return lines.join('\n');
}

/**
 * helpdex's suggestions (long text): the ticket kind's MRR against the bare questions', how
 * its confidence threshold trades right first suggestions against silenced wrong ones (table
 * and chart), and the latency of 300-word texts.
 */
function suggestionsSection(corpus, ok, chartDir) {
  const run = ok.find((r) => r.engine === 'helpdex' && r.suggestions);
  if (!run) return [];
  const s = run.suggestions;
  const mrr = (k) => run.relevance.byKind[k]?.mrr;
  const lines = ['### helpdex suggestions for long text (tickets)', ''];
  if (mrr('ticket') !== undefined && mrr('question') !== undefined) {
    lines.push(
      `Ticket kind (the question set wrapped in a greeting, context about other things, a closing and a signature; \`tests/bench/lib/tickets.mjs\`) through \`--suggest\`: MRR@10 **${fmt3(mrr('ticket'))}** against ${fmt3(mrr('question'))} for the bare questions (${(mrr('ticket') / mrr('question')).toFixed(2)} ×). The right article is first for ${s.rightFirst} of ${s.tickets} tickets.`,
      '',
    );
  }
  lines.push(
    table(
      ['confidence ≥', ...s.curve.map((c) => c.threshold.toFixed(1))],
      [
        ['right first suggestions kept', ...s.curve.map((c) => `${Math.round(100 * c.keptRight)} %`)],
        ['wrong first suggestions silenced', ...s.curve.map((c) => `${Math.round(100 * c.silencedWrong)} %`)],
      ],
    ),
    '',
  );
  const latency = (env) => (env ? `p50 ${fmtMs(env.p50)} ms, **p95 ${fmtMs(env.p95)} ms** (${env.samples} suggestions)` : 'n/a');
  lines.push(`300-word texts (${s.longTexts.texts} tickets lengthened with more context): native ${latency(s.native)}; Chromium ${latency(s.chromium)}.`, '');
  const name = `${corpus.name}-suggestion-confidence.svg`;
  writeFileSync(
    resolve(chartDir, name),
    barChart({
      title: `${corpus.name}: suggestions kept and silenced by confidence threshold`,
      categories: s.curve.map((c) => `≥ ${c.threshold.toFixed(1)}`),
      series: [
        { name: 'right kept', values: s.curve.map((c) => c.keptRight) },
        { name: 'wrong silenced', values: s.curve.map((c) => c.silencedWrong) },
      ],
      format: (v) => `${Math.round(100 * v)} %`,
    }),
  );
  lines.push(`![${corpus.name} suggestion confidence](charts/${name})`, '');
  return lines;
}

/**
 * Every metric of the issue's bar (relevance per query kind, latency, bytes
 * before the first result) on which some peer equals or beats helpdex, as
 * measured: one line per metric naming the peers ahead and those tied. Values
 * are compared as the tables print them, so a tie in the table is a tie here.
 */
export function helpdexGaps(corpus, runs, label) {
  const ok = runs.filter((r) => r.status === 'ok');
  const hx = ok.find((r) => r.engine === 'helpdex');
  if (!hx) return [];
  const peers = ok.filter((r) => r !== hx);
  const lines = [];
  // For a peer cut short by its budget: helpdex's MRR@10 on the same queries.
  const sameQueries = (metric) => (peer) => {
    const [, kind, name] = metric.split(', ');
    const theirs = peer.relevance.reciprocalRanks;
    const mine = hx.relevance.reciprocalRanks;
    if (name !== 'MRR@10' || !theirs || !mine) return '';
    const pick = (rr) => (kind === 'all' ? Object.assign({}, ...Object.values(rr)) : (rr[kind] ?? {}));
    const qids = Object.keys(pick(theirs));
    const helpdexRr = pick(mine);
    if (!qids.length || !qids.every((q) => q in helpdexRr)) return '';
    return `, where helpdex has ${fmt3(qids.reduce((a, q) => a + helpdexRr[q], 0) / qids.length)}`;
  };
  // `key`: the value compared; what the table prints by default, so table ties are ties.
  const compare = (metric, get, fmt, higherIsBetter, key = (v) => Number(fmt(v))) => {
    const mine = get(hx);
    if (!Number.isFinite(mine)) return;
    const ahead = [];
    const tied = [];
    for (const peer of peers) {
      const theirs = get(peer);
      if (!Number.isFinite(theirs)) continue;
      const [a, b] = [key(theirs), key(mine)];
      const partial = metric.startsWith('relevance') && peer.relevance.ran < peer.relevance.of ? ` on ${peer.relevance.ran}/${peer.relevance.of} queries${sameQueries(metric)(peer)}` : '';
      const entry = `${label(peer)} ${fmt(theirs)}${partial}`;
      if (a === b) tied.push(entry);
      else if (higherIsBetter ? a > b : a < b) ahead.push(entry);
    }
    if (ahead.length || tied.length) {
      lines.push(`${metric} (helpdex ${fmt(mine)}): ${[ahead.length && `ahead: ${ahead.join(', ')}`, tied.length && `tied: ${tied.join(', ')}`].filter(Boolean).join('; ')}`);
    }
  };
  for (const kind of ['all', ...KINDS.filter((k) => corpus.queriesByKind[k])]) {
    for (const [m, name] of [
      ['mrr', 'MRR@10'],
      ['ndcg', 'nDCG@10'],
      ['recall', 'recall@10'],
    ]) {
      compare(`relevance, ${kind}, ${name}`, (r) => r.relevance?.byKind[kind]?.[m], fmt3, true);
    }
  }
  for (const env of ['node', 'browser']) {
    for (const p of ['p50', 'p95']) {
      compare(`${env === 'node' ? 'Node' : 'Chromium'} latency ${p}, ms`, (r) => r[env]?.latency[p].median, fmtMs, false);
    }
  }
  // In kB to a tenth: the tables' three digits can print two different sizes alike.
  compare('bytes sent before the first result, kB', (r) => (r.browser ? r.browser.transfer.library.sent + r.browser.transfer.index.sent : NaN), (v) => (v / 1e3).toFixed(1), false);
  compare('Chromium first result, ms', (r) => r.browser?.firstResultMs, fmtMs, false);
  return lines;
}

function gapsSection(results, engines) {
  const label = (r) => engines.get(r.engine)?.label ?? r.engine;
  const out = ['## Where helpdex is not ahead', ''];
  out.push(
    'Generated from the tables above: every metric of the bar (relevance per query kind, warm latency, bytes before the first result) where a peer equals or beats helpdex, as printed. Why, and what would fix it, follows the list.',
    '',
  );
  for (const corpus of results.corpora) {
    const gaps = helpdexGaps(
      corpus,
      results.runs.filter((r) => r.corpus === corpus.name),
      label,
    );
    out.push(`**${corpus.name}**${gaps.length ? '' : ': none.'}`, '', ...gaps.map((g) => `- ${g}`), ...(gaps.length ? [''] : []));
  }
  out.push(...GAP_REASONS.map((g) => `- ${g}`), '');
  return out;
}

/** Where the run's time went: per corpus, and the slowest engine turns (build, searches, pages). */
function runTime(results, engines) {
  const timed = results.runs.filter((r) => Number.isFinite(r.wallS));
  if (!timed.length) return '';
  const perCorpus = results.corpora.map((c) => `${c.name} ${(timed.filter((r) => r.corpus === c.name).reduce((a, r) => a + r.wallS, 0) / 60).toFixed(1)}`);
  const slowest = [...timed].sort((a, b) => b.wallS - a.wallS).slice(0, 4).map((r) => `${engines.get(r.engine)?.label ?? r.engine} on ${r.corpus} ${r.wallS.toFixed(0)} s`);
  return ` (engine turns per corpus, min: ${perCorpus.join(', ')}; slowest turns: ${slowest.join(', ')})`;
}

/** Which helpdex was measured: the commit its binary and package were built from. */
function helpdexSource(h) {
  if (!h?.binarySha256) return '';
  const commit = h.engineCommit
    ? ` built from commit ${h.engineCommit}${h.engineSourcesModified ? ' plus uncommitted changes to its sources' : ' (sources as committed)'}`
    : '';
  const wasm = h.wasmSha256 ? `; wasm sha256 ${h.wasmSha256}…, built ${h.packageBuilt}` : '';
  return ` helpdex measured${commit}: binary sha256 ${h.binarySha256}…, built ${h.binaryBuilt}${wasm}.`;
}

export function writeReport(results, outDir) {
  const chartDir = resolve(outDir, 'charts');
  mkdirSync(chartDir, { recursive: true });
  const engines = new Map(results.engines.map((e) => [e.name, e]));
  const m = results.machine;
  const v = results.versions;
  const out = [
    '# helpdex benchmark',
    '',
    `Generated by \`${results.command}\` (${results.mode} run) on ${results.generated.slice(0, 10)}; the whole run took ${(results.durationS / 60).toFixed(1)} minutes${runTime(results, engines)}. Every number below comes from \`results.json\` next to this file; \`node tests/bench/run.mjs --report-only\` regenerates this page from it.`,
    '',
    '## Machine and versions',
    '',
    `- ${m.cpuModel}, ${m.nproc} cores, ${fmtBytes(m.memoryBytes)} memory; ${m.os}, kernel ${m.kernel}. Load average at start ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' / ')}${m.loadAverageAtEnd ? `, at end ${m.loadAverageAtEnd.map((x) => x.toFixed(2)).join(' / ')}` : ''} (1/5/15 min): other work on the machine shows up as spread between runs.`,
    `- Repository HEAD when the run started: ${v.repositoryCommit ?? 'n/a'} (the harness is the commit that holds this report).${helpdexSource(v.engines.helpdex)}`,
    `- Node ${v.node}, npm ${v.npm}, ${v.chromium ?? 'Chromium n/a'} (headless, driven by playwright-core), ${v.rustc}, ${v.cargo}.`,
    `- Engines: ${Object.entries(v.engines)
      .map(([e, pkgs]) => `${engines.get(e)?.label ?? e} ${Object.entries(pkgs).filter(([p]) => !/^(binary|engine|wasm|package)[A-Z]/.test(p)).map(([p, ver]) => `${p}@${ver}`).join(', ')}`)
      .join('; ')}. Harness: esbuild@${v.npmPackages.esbuild}, playwright-core@${v.npmPackages['playwright-core']}.`,
    '',
    '## Method',
    '',
    '- **Same input for everyone.** Each article\'s Markdown body becomes plain text through one shared function (`lib/plaintext.mjs`: code kept without fence markers; Markdown syntax, HTML/JSX tags, link URLs and DocFX/Hugo directives removed); the title is a separate field.',
    "- **Build** = wall time of the whole build process (read the corpus, index, write the files), median of the repeated builds (count per corpus below); **peak memory** = the largest resident set of the build's process tree (sampled every 25 ms, and GNU time's high-water mark), so Pagefind's Node API is charged for its indexing binary too.",
    `- **Index size** = the files the engine needs at search time, raw and compressed per file with gzip -9 and brotli -11 (brotli -${BROTLI_LARGE_FILE_QUALITY} for files over 4 MB, where -11 runs at ~1 MB/s and -9 at ~3 MB/s, while -5 comes within 5% of -9's size; marked q${BROTLI_LARGE_FILE_QUALITY}), summed; files the engine already writes gzip-compressed count as they are. "All output files" counts every file the build wrote (static hosts limit file counts).`,
    '- **Bytes before the first result**: a fresh Chromium profile loads a blank page that imports the engine\'s bundle (its client glue + library, bundled and minified by esbuild — what a site ships) and runs the typical query; the local server (127.0.0.1, gzip level 6 for text/JS/JSON/wasm, already-compressed files as they are) logs every byte until the result ids are in hand. "First result ms" is the time from navigation to that point, with no network throttling.',
    '- **Latency while typing**: the first queries of each kind (count per corpus below) are typed one character at a time and every prefix is a search for the top 10. One warm-up pass, then the timed passes over the same searches; p50 and p95 are taken per pass and the table shows the median over passes (min–max across passes in brackets). Measured with performance.now() inside the Node worker and inside the page (cross-origin isolated, so its timer has 5 µs resolution). Each engine has a time budget per environment, and the warm-up pass gets up to half of it (engines that load their index lazily, helpdex and Pagefind, fetch it then): an engine too slow to warm up every keystroke in that half is timed on the evenly spread subset it did warm up, with fewer timed passes if its warm-up filled the half (at least one); the tables say how many keystrokes and passes that was.',
    `- **Native engines** (helpdex's CLI, tinysearch's Rust library) are searched in their "Node" column through a pipe, one query per line; the pipe itself costs ${results.pipeRoundTripMs ? `${fmtMs(results.pipeRoundTripMs.p50)} ms p50 / ${fmtMs(results.pipeRoundTripMs.p95)} ms p95 (measured against \`cat\` in the same run)` : 'a few microseconds'}, included in their numbers.`,
    '- **Relevance**: every query of the set, final query string, top 10, binary relevance; MRR@10, recall@10, nDCG@10 per kind and overall (`lib/metrics.mjs`). Queries run interleaved by kind within a time budget per engine and corpus. The shared sets exist for zh-help and en-help; en-large has none, so it uses queries made from its own titles (every n-th article\'s title, all articles with that title relevant), which measure ranking among near-duplicate reference pages more than typo handling.',
    `- **Worst-case queries**: per corpus, made from its own text and words (\`lib/hostile.mjs\`): ${(results.corpora[0]?.hostileQueries ?? []).map((q) => `**${q.name}** (${q.what})`).join('; ')}. helpdex is timed in Chromium through its package (the search in its worker, cut when it overruns) and through its CLI; peers in Node where reopening their index is cheap. Node-side searches through a pipe (helpdex, tinysearch) get newlines as spaces (one query per line).`,
    '- **helpdex in Chromium** goes through its npm package exactly as a site ships it: `www/dist` served as built (a copy taken when the run starts), `createSearch({ base })` with the package defaults (the engine in its Web Worker, so each search includes the worker round trip), the index the CLI wrote served as is (its `.hdx` files are gzip bytes the package gunzips; `helpdex.json` and the package files get the server\'s gzip). "Library" bytes are the package files fetched plus the 9-line client; "index" bytes are the manifest and the `.hdx` files fetched.',
    '- **What varied between repetitions**: the min–max ranges in the tables. Index bytes and relevance are deterministic for every engine but tinysearch (same input, same output; tinysearch\'s order among equally matching articles changes between runs); timings vary with CPU frequency, GC timing and other processes on the 2-core machine.',
    '',
    '### Engines and settings',
    '',
    table(
      ['engine', 'configuration (each per its own docs for a docs search box)'],
      results.engines.map((e) => [e.label, e.settings]),
    ),
    '',
  ];
  if (results.skippedEngines?.length) {
    out.push(...results.skippedEngines.map((e) => `- **${e.engine} not measured:** ${e.reason}`), '');
  }
  for (const corpus of results.corpora) {
    out.push(corpusSection(corpus, results.runs.filter((r) => r.corpus === corpus.name), engines, chartDir, m.nproc));
  }
  if (results.engines.some((e) => e.name === 'helpdex')) out.push(...gapsSection(results, engines));
  out.push('## Notes on the peers', '', ...NOTES.map((n) => `- ${n}`), '');
  writeFileSync(resolve(outDir, 'REPORT.md'), `${out.join('\n')}\n`);
}
