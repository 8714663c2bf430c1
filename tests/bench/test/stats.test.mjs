import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, percentile, summarizePasses } from '../lib/stats.mjs';

test('nearest-rank percentiles and medians', () => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(values, 50), 5);
  assert.equal(percentile(values, 95), 10);
  assert.equal(percentile(values, 0), 1);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
});

test('latency passes are summarised as the median of per-pass percentiles', () => {
  const s = summarizePasses([
    [1, 2, 3, 4],
    [2, 3, 4, 5],
    [10, 10, 10, 10],
  ]);
  assert.deepEqual(s.p50, { median: 3, min: 2, max: 10, runs: 3 });
  assert.equal(s.searches, 12);
});
