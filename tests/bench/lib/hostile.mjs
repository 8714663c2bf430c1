// Worst-case query time: inputs a search box receives from pastes, bots and
// fuzzers rather than from people typing a question. Made from each corpus
// (its own words and text), so they hit real vocabulary. Each is searched
// `reps` times in a row; the report gives the slowest search and the p95.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { readJsonl } from './corpus.mjs';
import { BENCH_DIR } from './paths.mjs';
import { percentile } from './stats.mjs';

const TEXT_CHARS = 10_000;
const TYPO_WORDS = 1_000;
const BASE36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A near miss of `word` (5+ letters, so typo-tolerant engines try to correct
 * it): two adjacent middle letters swapped, or, where they are equal, the
 * first of them replaced by the next letter of the alphabet.
 */
export function nearMiss(word) {
  const c = [...word];
  const i = (c.length >> 1) - 1;
  if (c[i] !== c[i + 1]) [c[i], c[i + 1]] = [c[i + 1], c[i]];
  else c[i] = c[i] === 'z' ? 'a' : String.fromCharCode(c[i].charCodeAt(0) + 1);
  return c.join('');
}

/**
 * The hostile set for a corpus; `sample` is an ordinary query of it, wrapped
 * in the hostile material. Cheap inputs first: a search still running at the
 * cap ends the engine's turn, and the cheap ones should be timed by then.
 */
export async function hostileQueries(plainPath, sample) {
  let text = '';
  const words = new Set();
  for await (const record of readJsonl(plainPath)) {
    if ([...text].length < TEXT_CHARS) text += `${record.text.replace(/\s+/g, ' ')} `;
    for (const w of record.text.toLowerCase().match(/\b[a-z]{5,14}\b/g) ?? []) words.add(w);
    if ([...text].length >= TEXT_CHARS && words.size >= TYPO_WORDS) break;
  }
  const vocabulary = [...words];
  const typos = Array.from({ length: TYPO_WORDS }, (_, i) => nearMiss(vocabulary[i % vocabulary.length]));
  const controls = [
    ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
    '\u007f',
    ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
    '\u200b\u200c\u200d\u200e\u200f\u2028\u2029\ufeff\ufffe\ufffd\ud800',
  ].join('');
  const combining = (s) => [...s].map((ch, i) => ch + Array.from({ length: 30 }, (_, k) => String.fromCharCode(0x300 + ((i + k) % 0x70))).join('')).join('');
  const list = [
    ['emoji', `🔥 ${sample} 👩‍👩‍👧‍👦🇨🇳🇺🇸👍🏽❤️‍🔥🏳️‍⚧️ 🙈🙉🙊`, 'emoji sequences (ZWJ families, flags, skin tones) around an ordinary query'],
    ['rtl', `كيف يمكنني إعادة تعيين كلمة المرور \u202e${sample}\u202c איך לאפס את הסיסמה \u2067عربي\u2069`, 'Arabic and Hebrew with bidi overrides (RLO, RLI) around an ordinary query'],
    ['control', `${[...sample].join(controls)}${controls}`, 'every C0 and C1 control character, DEL, zero-width and bidi marks, U+FFFE, a lone surrogate, between the letters of an ordinary query'],
    ['combining', combining(sample), 'an ordinary query with 30 combining marks on every character'],
    ['syntax', `${sample} * ? ~1 ^10 +title:x -"y" (a|b) [c] {d} \\ / .* $ ^ && || <script>`, 'query-language and regex metacharacters'],
    ['long-token', Array.from({ length: TEXT_CHARS }, (_, i) => BASE36[(i * 7 + (i >> 5)) % 36]).join(''), `one ${TEXT_CHARS.toLocaleString('en')}-character token without spaces (a pasted hash or blob)`],
    ['long-text', [...text].slice(0, TEXT_CHARS).join(''), `${TEXT_CHARS.toLocaleString('en')} characters of the corpus's own article text`],
    ['typos-1000', typos.join(' '), `${TYPO_WORDS.toLocaleString('en')} words, each a near-miss typo (one transposition) of a corpus word`],
  ];
  return list.map(([name, q, what]) => ({ name, q, what, chars: [...q].length }));
}

/**
 * Times the hostile set in Node, in a child process (worker/hostile.mjs) that
 * reports each search as it starts and ends. A search running past `capMs`
 * gets the child killed (an in-process JS engine cannot be interrupted) and is
 * recorded as unfinished; a new child, opening the index again, goes on with
 * the next query. No search starts after `budgetMs` (opening not counted).
 */
export async function hostileInNode({ engine, outDir, corpus, warmup, queries, reps, capMs, budgetMs, openTimeoutMs = 5 * 60_000 }) {
  const records = queries.map(() => ({ ms: [], error: null, unfinished: false }));
  let spentMs = 0;
  for (let from = 0; from < queries.length && spentMs < budgetMs; ) {
    const job = { engine, outDir, corpus: { name: corpus.name, lang: corpus.lang }, warmup, queries: queries.map((h) => h.q), from, reps, budgetMs: budgetMs - spentMs };
    const { cut, searchMs } = await hostileChild(job, records, capMs, openTimeoutMs);
    spentMs += searchMs;
    if (cut === null) break;
    from = cut + 1;
  }
  return summarizeHostile(queries, records, capMs);
}

/** One child: fills `records`; resolves the query it was cut at (or null) and its time spent searching. */
function hostileChild(job, records, capMs, openTimeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(BENCH_DIR, 'worker/hostile.mjs')], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    let current = null;
    let opened = null;
    let killedFor = null;
    const kill = (why) => {
      killedFor = why;
      process.kill(-child.pid, 'SIGKILL');
    };
    let timer = setTimeout(() => kill('open'), openTimeoutMs);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line);
      clearTimeout(timer);
      if ('opened' in event) opened = performance.now();
      else if ('start' in event) {
        current = event.start;
        timer = setTimeout(() => kill('cap'), capMs);
      } else if ('done' in event) {
        records[event.done].ms.push(event.ms);
        records[event.done].error ??= event.error;
        current = null;
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const searchMs = opened === null ? 0 : performance.now() - opened;
      if (killedFor === 'cap') {
        records[current].unfinished = true;
        return resolvePromise({ cut: current, searchMs });
      }
      if (killedFor === 'open') return reject(new Error(`hostile queries: opening the index took over ${openTimeoutMs / 1000} s`));
      if (code !== 0) return reject(new Error(`hostile queries: worker exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
      resolvePromise({ cut: null, searchMs });
    });
    child.stdin.end(JSON.stringify(job));
  });
}

/**
 * Per-query records `{ms, error, unfinished}` -> the slowest search (a search
 * cut at the cap counts as the cap, a lower bound) and the p95 of all searches.
 */
export function summarizeHostile(queries, records, capMs) {
  const all = records.flatMap((r, i) => [...r.ms.map((ms) => ({ ms, i })), ...(r.unfinished ? [{ ms: capMs, i }] : [])]);
  const worst = all.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), null);
  return {
    capMs,
    queries: queries.map((h, i) => ({ name: h.name, ...records[i] })),
    searches: all.length,
    worstMs: worst?.ms ?? null,
    worstQuery: worst ? queries[worst.i].name : null,
    worstUnfinished: Boolean(worst && records[worst.i].unfinished && worst.ms === capMs),
    p95Ms: all.length ? percentile(all.map((s) => s.ms), 95) : null,
    unfinished: queries.filter((_, i) => records[i].unfinished).map((h) => h.name),
    notRun: queries.filter((_, i) => !records[i].ms.length && !records[i].unfinished).map((h) => h.name),
    errors: records.flatMap((r, i) => (r.error ? [`${queries[i].name}: ${r.error}`] : [])),
  };
}
