import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helpdexGaps } from '../lib/report.mjs';

const run = (engine, mrr, p50, sent) => ({
  engine,
  status: 'ok',
  relevance: { ran: 10, of: 10, byKind: { all: { mrr, ndcg: mrr, recall: 1 }, exact: { mrr, ndcg: mrr, recall: 1 } } },
  node: { latency: { p50: { median: p50 }, p95: { median: p50 * 3 } } },
  browser: { firstResultMs: 100, transfer: { library: { sent: sent / 2 }, index: { sent: sent / 2 } }, latency: { p50: { median: p50 }, p95: { median: p50 * 3 } } },
});

test('gaps list the metrics where a peer beats or ties helpdex, as printed', () => {
  const corpus = { queriesByKind: { exact: 10 } };
  const lines = helpdexGaps(corpus, [run('helpdex', 0.9, 0.5, 200_000), run('a', 0.95, 1, 100_000), run('b', 0.9001, 0.1, 1_200_000)], (r) => r.engine);
  assert.ok(lines.includes('relevance, all, MRR@10 (helpdex 0.900): ahead: a 0.950; tied: b 0.900'));
  assert.ok(lines.includes('Node latency p50, ms (helpdex 0.500): ahead: b 0.100'));
  assert.ok(lines.includes('bytes sent before the first result, kB (helpdex 200.0): ahead: a 100.0'));
  assert.ok(lines.includes('Chromium first result, ms (helpdex 100): tied: a 100, b 100'));
  assert.ok(!lines.some((l) => l.startsWith('relevance, all, recall@10') && l.includes('ahead')));
});

test('a peer that ran part of the queries is compared with helpdex on the same ones', () => {
  const corpus = { queriesByKind: { exact: 3 } };
  const hx = run('helpdex', 0.5, 1, 1);
  hx.relevance.reciprocalRanks = { exact: { q1: 1, q2: 1, q3: 0 } };
  const peer = run('p', 0.75, 1, 1);
  Object.assign(peer.relevance, { ran: 2, of: 3, reciprocalRanks: { exact: { q1: 1, q2: 0.5 } } });
  const lines = helpdexGaps(corpus, [hx, peer], (r) => r.engine);
  assert.ok(lines.includes('relevance, exact, MRR@10 (helpdex 0.500): ahead: p 0.750 on 2/3 queries, where helpdex has 1.000'), lines.join('\n'));
});
