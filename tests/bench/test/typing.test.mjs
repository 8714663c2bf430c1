import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spreadOrder, typingPasses } from '../lib/typing.mjs';

test('spread order visits every index once, evenly from the start', () => {
  assert.deepEqual(spreadOrder(8), [4, 2, 6, 1, 5, 3, 7, 0]);
  for (const n of [0, 1, 2, 5, 300]) assert.deepEqual([...spreadOrder(n)].sort((a, b) => a - b), [...Array(n).keys()]);
  assert.deepEqual(spreadOrder(10).slice(0, 3), [5, 2, 7]);
});

test('typing passes time the warmed-up keystrokes; a slow engine gets a spread subset', async () => {
  const prefixes = [...Array(40).keys()].map(String);
  const fast = await typingPasses(async () => [], prefixes, { passes: 3, budgetMs: 1000 });
  assert.equal(fast.keystrokes, 40);
  assert.equal(fast.passes.length, 3);
  const seen = [];
  const slow = await typingPasses(
    async (q) => {
      seen.push(q);
      await new Promise((r) => setTimeout(r, 20));
      return [];
    },
    prefixes,
    { passes: 3, budgetMs: 400 },
  );
  assert.ok(slow.keystrokes < 40 && slow.keystrokes >= 2, `${slow.keystrokes}`);
  assert.ok(slow.passes.length >= 1);
  assert.deepEqual(seen.slice(0, 3), ['20', '10', '30']);
});
