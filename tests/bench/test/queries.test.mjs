import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interleaveKinds, keystrokes, latencySample } from '../lib/queries.mjs';

test('typing expands code points, so a Han character is one keystroke', () => {
  assert.deepEqual(keystrokes('ab c'), ['a', 'ab', 'ab ', 'ab c']);
  assert.deepEqual(keystrokes('知识库'), ['知', '知识', '知识库']);
});

test('query samples and interleaving keep file order within each kind', () => {
  const qs = ['a1:exact', 'b1:typo', 'a2:exact', 'a3:exact', 'b2:typo'].map((s) => ({ qid: s.split(':')[0], kind: s.split(':')[1] }));
  assert.deepEqual(latencySample(qs, 2).map((q) => q.qid), ['a1', 'b1', 'a2', 'b2']);
  assert.deepEqual(interleaveKinds(qs).map((q) => q.qid), ['a1', 'b1', 'a2', 'b2', 'a3']);
});
