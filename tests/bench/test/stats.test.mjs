import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, percentile, summarizePasses } from '../lib/stats.mjs';
import { interleaveKinds, keystrokes, latencySample } from '../lib/queries.mjs';

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

test('typing expands code points, so a Han character is one keystroke', () => {
  assert.deepEqual(keystrokes('ab c'), ['a', 'ab', 'ab ', 'ab c']);
  assert.deepEqual(keystrokes('知识库'), ['知', '知识', '知识库']);
});

test('query samples and interleaving keep file order within each kind', () => {
  const qs = ['a1:exact', 'b1:typo', 'a2:exact', 'a3:exact', 'b2:typo'].map((s) => ({ qid: s.split(':')[0], kind: s.split(':')[1] }));
  assert.deepEqual(latencySample(qs, 2).map((q) => q.qid), ['a1', 'b1', 'a2', 'b2']);
  assert.deepEqual(interleaveKinds(qs).map((q) => q.qid), ['a1', 'b1', 'a2', 'b2', 'a3']);
});
