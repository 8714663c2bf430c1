import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, ndcg, recall, reciprocalRank } from '../lib/metrics.mjs';

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

// Hand-computed example: relevant {b, d}, ranking [a, b, c, d].
//   RR = 1/2 (first hit at rank 2); recall = 2/2.
//   DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
//   IDCG = 1/log2(2) + 1/log2(3) = 1 + 0.630930 = 1.630930
//   nDCG = 1.061606 / 1.630930 = 0.650920
test('metrics on a hand-computed ranking', () => {
  const ranked = ['a', 'b', 'c', 'd'];
  close(reciprocalRank(ranked, ['b', 'd']), 0.5);
  close(recall(ranked, ['b', 'd']), 1);
  close(ndcg(ranked, ['b', 'd']), (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3)));
  close(ndcg(ranked, ['b', 'd']), 0.6509209298);
});

test('hits below rank 10 do not count', () => {
  const ranked = 'abcdefghijk'.split(''); // 'k' is rank 11
  assert.equal(reciprocalRank(ranked, ['k']), 0);
  assert.equal(recall(ranked, ['k', 'a']), 0.5);
  assert.equal(ndcg(ranked, ['k']), 0);
});

test('evaluate averages per kind and overall; missing results score zero', () => {
  const queries = [
    { qid: 'q1', relevant: ['x'], kind: 'exact' }, // rank 1: 1, 1, 1
    { qid: 'q2', relevant: ['y'], kind: 'typo' }, // rank 4: 1/4, 1, 1/log2(5)
    { qid: 'q3', relevant: ['z'], kind: 'typo' }, // no results: 0, 0, 0
  ];
  const out = evaluate(queries, { q1: ['x'], q2: ['a', 'b', 'c', 'y'] });
  assert.deepEqual(out.exact, { n: 1, mrr: 1, recall: 1, ndcg: 1 });
  assert.equal(out.typo.n, 2);
  close(out.typo.mrr, 0.125);
  close(out.typo.recall, 0.5);
  close(out.typo.ndcg, 1 / Math.log2(5) / 2);
  assert.equal(out.all.n, 3);
  close(out.all.mrr, (1 + 0.25) / 3);
});
