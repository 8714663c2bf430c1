// Headless Chromium measurements for one engine on one corpus: the bytes the
// page fetched before its first result (from the server log), the time to that
// result, warm typing latency, and — for engines that only run in a browser —
// the relevance queries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { BENCH_DIR, WORK_DIR } from './paths.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** URL mounts for the static server: the harness page and everything built under work/. */
export const MOUNTS = { '/bench/': BENCH_DIR, '/work/': WORK_DIR };
export const urlOf = (path) => `/work/${relative(WORK_DIR, path).split('/').map(encodeURIComponent).join('/')}`;

/**
 * Sums the logged responses by class ('library' | 'index'); harness files are
 * not counted. Everything under `libraryUrl` (an engine's package folder) is library.
 */
function transferOf(log, bundleUrl, baseUrl, libraryUrl, classify) {
  const out = { library: { raw: 0, sent: 0 }, index: { raw: 0, sent: 0 }, requests: 0 };
  for (const entry of log) {
    if (entry.status !== 200) continue;
    let cls = null;
    if (entry.path === decodeURIComponent(bundleUrl)) cls = 'library';
    else if (libraryUrl && entry.path.startsWith(decodeURIComponent(libraryUrl))) cls = 'library';
    else if (entry.path.startsWith(decodeURIComponent(baseUrl))) cls = classify(entry.path.slice(decodeURIComponent(baseUrl).length));
    if (!cls) continue;
    out[cls].raw += entry.raw;
    out[cls].sent += entry.sent;
    out.requests += 1;
  }
  return out;
}

/**
 * `relevanceQueries` is null when relevance comes from the Node run; `hostile`
 * ({queries, reps, capMs, budgetMs}) is timed after the typing passes when the
 * engine allows it. A fresh browser profile per call means a cold HTTP cache
 * for the transfer count.
 */
export async function measureInBrowser({ server, engine, corpus, bundlePath, outDir, typicalQuery, relevanceQueries, relevanceBudgetMs, prefixes, passes, budgetMs, hostile }) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const pageErrors = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const bundleUrl = urlOf(bundlePath);
    const baseUrl = `${urlOf(outDir)}/`;
    const libraryUrl = engine.browser.libraryDir ? `${urlOf(engine.browser.libraryDir)}/` : null;
    server.log.length = 0;
    await page.goto(`${server.origin}/bench/page/index.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    if (!(await page.evaluate(() => window.crossOriginIsolated))) throw new Error('page is not cross-origin isolated: timer resolution would be 100 µs');
    const first = await page.evaluate((args) => window.bench.first(args), { bundle: bundleUrl, base: baseUrl, library: libraryUrl, lang: corpus.lang, query: typicalQuery.q });
    const transfer = transferOf(server.log, bundleUrl, baseUrl, libraryUrl, engine.browser.classify);
    const relevance = relevanceQueries
      ? await page.evaluate(([q, o]) => window.bench.relevance(q, o), [relevanceQueries, { budgetMs: relevanceBudgetMs }])
      : null;
    const typing = await page.evaluate(([p, o]) => window.bench.typing(p, o), [prefixes, { passes, budgetMs }]);
    const hostileTimes =
      hostile && engine.browser.hostile
        ? await page.evaluate(([q, o]) => window.bench.hostile(q, o), [hostile.queries.map((h) => h.q), { reps: hostile.reps, capMs: hostile.capMs, budgetMs: hostile.budgetMs }])
        : null;
    for (const entry of server.log) if (entry.status !== 200) pageErrors.push(`HTTP ${entry.status} for ${entry.path}`);
    return {
      chromium: context.browser()?.version() ?? null,
      firstResultMs: first.firstResultMs,
      firstIds: first.ids,
      transfer,
      relevance: relevance?.results ?? null,
      typing,
      hostile: hostileTimes,
      errors: typing.errors,
      pageErrors,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
