// helpdex's suggestions for long text (hx.suggest, `helpdex search --suggest`), measured apart
// from the search kinds: how well the confidence tells a right first suggestion from a wrong
// one (the curve a widget's threshold is chosen on), and the latency of 300-word texts
// natively (the CLI, through its line protocol) and in Chromium (the package's suggestion
// worker). Relevance of the ticket kind itself is measured with the other kinds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, urlOf } from './browser.mjs';
import { LineProcess } from './proc.mjs';
import { percentile } from './stats.mjs';
import { longTickets } from './tickets.mjs';

/** Thresholds the curve is reported at. */
export const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * @param {{ binary: string, outDir: string, tickets: { q: string, relevant: string[] }[],
 *   lang: string, server?: any, libraryDir?: string, passes?: number }} job
 */
export async function measureSuggestions({ binary, outDir, tickets, lang, server, libraryDir, passes = 3 }) {
  const proc = new LineProcess(binary, ['search', '--index', outDir, '--json', '--suggest', '--limit', '5'], (line) => JSON.parse(line));
  const firsts = [];
  for (const t of tickets) {
    const [top] = await proc.search(JSON.stringify(t.q));
    firsts.push({ right: !!top && t.relevant.includes(top.id), confidence: top?.confidence ?? 0 });
  }
  const right = firsts.filter((f) => f.right);
  const wrong = firsts.filter((f) => !f.right);
  const curve = THRESHOLDS.map((threshold) => ({
    threshold,
    keptRight: right.filter((f) => f.confidence >= threshold).length / Math.max(1, right.length),
    silencedWrong: wrong.filter((f) => f.confidence < threshold).length / Math.max(1, wrong.length),
  }));
  const texts = longTickets(tickets, lang);
  const native = [];
  for (let pass = 0; pass < passes; pass += 1) {
    for (const text of texts) {
      const started = performance.now();
      await proc.search(JSON.stringify(text));
      native.push(performance.now() - started);
    }
  }
  proc.close();
  const summary = (times) => ({ p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length });
  const result = { tickets: tickets.length, rightFirst: right.length, curve, longTexts: { texts: texts.length }, native: summary(native) };
  if (server && libraryDir) result.chromium = summary(await inChromium({ server, libraryDir, outDir, texts, passes }));
  return result;
}

/** Times hx.suggest over `texts` in the page, after one untimed pass (index chunks loaded). */
async function inChromium({ server, libraryDir, outDir, texts, passes }) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.origin}/bench/page/index.html`);
    return await page.evaluate(
      async ({ library, base, texts, passes }) => {
        const { createSearch } = await import(`${library}helpdex.js`);
        const hx = await createSearch({ base });
        for (const text of texts) await hx.suggest(text);
        const times = [];
        for (let pass = 0; pass < passes; pass += 1) {
          for (const text of texts) {
            const started = performance.now();
            await hx.suggest(text);
            times.push(performance.now() - started);
          }
        }
        hx.destroy();
        return times;
      },
      { library: `${urlOf(libraryDir)}/`, base: `${urlOf(outDir)}/`, texts, passes },
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
