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
  // 1.20 MB prints as a smaller number than 200 kB but is more bytes.
  assert.ok(lines.includes('bytes sent before the first result (helpdex 200 kB): ahead: a 100 kB'));
  assert.ok(lines.includes('Chromium first result, ms (helpdex 100): tied: a 100, b 100'));
  assert.ok(!lines.some((l) => l.startsWith('relevance, all, recall@10') && l.includes('ahead')));
});
