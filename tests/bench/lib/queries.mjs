// Query sets: the shared known-item sets for zh-help / en-help, a generated
// title set for corpora without one (en-large), the latency sample, and the
// keystroke expansion used for "typing" latency.
import { existsSync } from 'node:fs';
import { readAll } from './corpus.mjs';
import { questionSource, querySource } from './paths.mjs';
import { ticketsFrom } from './tickets.mjs';

/**
 * Every query set of `source`, limited to queries whose relevant ids are all in `ids`: the
 * shared known-item set (exact, typo, prefix, pinyin), the shared natural-language set (kind
 * `natural`), the project's own question set in tests/relevance (kind `question`, so the two
 * question sets are reported apart), and those questions wrapped as support tickets (kind
 * `ticket`, lib/tickets.mjs). Null when the corpus has no shared set.
 */
export async function loadQueries(source, ids) {
  if (!existsSync(querySource(source))) return null;
  const sets = [[querySource(source), null], [querySource(`${source}-natural`), 'natural'], [questionSource(source), 'question']];
  const all = [];
  for (const [path, kind] of sets) {
    if (!existsSync(path)) continue;
    for (const q of await readAll(path)) all.push(kind ? { ...q, kind } : q);
  }
  const questions = all.filter((q) => q.kind === 'question');
  all.push(...ticketsFrom(questions, source.startsWith('zh') ? 'zh' : 'en'));
  return all.filter((q) => q.relevant.every((id) => ids.has(id)));
}

/** Kinds whose queries are whole questions (or tickets): relevance only, not the typing-latency sample. */
export const QUESTION_KINDS = new Set(['natural', 'question', 'ticket']);

/**
 * Known-item queries made from titles the way the shared sets' `exact` kind is:
 * every `stride`-th article's title, lower-cased, with all articles carrying the
 * same title counted relevant. Used where no shared set exists (en-large).
 */
export async function titleQueries(plainPath, count) {
  const records = await readAll(plainPath);
  const byTitle = new Map();
  for (const r of records) {
    const key = r.title.toLowerCase();
    if (!byTitle.has(key)) byTitle.set(key, []);
    byTitle.get(key).push(r.id);
  }
  const stride = Math.max(1, Math.floor(records.length / count));
  const queries = [];
  for (let i = 0; i < records.length && queries.length < count; i += stride) {
    const q = records[i].title.toLowerCase();
    queries.push({ qid: `title-${i}`, q, relevant: byTitle.get(q), kind: 'exact' });
  }
  return queries;
}

/** The first `perKind` queries of each keyword kind, in file order: a fixed, reproducible sample. */
export function latencySample(queries, perKind) {
  const taken = new Map();
  return queries.filter((q) => !QUESTION_KINDS.has(q.kind)).filter((q) => {
    const n = taken.get(q.kind) ?? 0;
    taken.set(q.kind, n + 1);
    return n < perKind;
  });
}

/** Round-robin over kinds (exact, typo, prefix, pinyin, exact, ...), each kind in file order. */
export function interleaveKinds(queries) {
  const byKind = new Map();
  for (const q of queries) {
    if (!byKind.has(q.kind)) byKind.set(q.kind, []);
    byKind.get(q.kind).push(q);
  }
  const lists = [...byKind.values()];
  const out = [];
  for (let i = 0; out.length < queries.length; i += 1) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/** Every prefix of `q`, one per typed character (code point, so one Han character is one keystroke). */
export function keystrokes(q) {
  const chars = Array.from(q);
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}
