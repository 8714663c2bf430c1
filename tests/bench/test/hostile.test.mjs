import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileQueries, nearMiss, summarizeHostile } from '../lib/hostile.mjs';
import { timeHostile } from '../lib/typing.mjs';

test('a near miss is one edit away and never the word itself', () => {
  assert.equal(nearMiss('password'), 'paswsord');
  assert.equal(nearMiss('settings'), 'setitngs');
  assert.equal(nearMiss('mirror'), 'misror');
  assert.equal(nearMiss('zzzzz'), 'zazzz');
});

test('the hostile set has the required sizes and is built from the corpus', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const path = join(dir, 'c.jsonl');
  const words = ['printer', 'network', 'outlook', 'password', 'mailbox'];
  writeFileSync(path, `${JSON.stringify({ id: 'a', title: 't', text: `${words.join(' ')} `.repeat(300) })}\n`);
  const set = await hostileQueries(path, 'reset password');
  const byName = Object.fromEntries(set.map((h) => [h.name, h]));
  assert.equal(byName['long-text'].chars, 10_000);
  assert.equal(byName['long-token'].chars, 10_000);
  assert.ok(!/\s/.test(byName['long-token'].q));
  const typos = byName['typos-1000'].q.split(' ');
  assert.equal(typos.length, 1000);
  assert.ok(typos.every((t) => !words.includes(t) && words.some((w) => w.length === t.length)));
  assert.ok(byName.control.q.includes('\u0000') && byName.control.q.includes('\u0085'));
  assert.ok(/\u202e/.test(byName.rtl.q) && /\p{Script=Arabic}/u.test(byName.rtl.q));
  assert.ok(/\p{Extended_Pictographic}/u.test(byName.emoji.q));
});

test('the summary takes the slowest search; a cut search counts as the cap', () => {
  const queries = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
  const s = summarizeHostile(
    queries,
    [
      { ms: [1, 2, 3], error: null, unfinished: false },
      { ms: [4], error: 'boom', unfinished: true },
      { ms: [], error: null, unfinished: false },
    ],
    100,
  );
  assert.equal(s.worstMs, 100);
  assert.equal(s.worstQuery, 'b');
  assert.ok(s.worstUnfinished);
  assert.deepEqual(s.unfinished, ['b']);
  assert.deepEqual(s.notRun, ['c']);
  assert.deepEqual(s.errors, ['b: boom']);
  assert.equal(s.searches, 5);
});

test('in the page, a search running past the cap is cut and ends the run', async () => {
  const slow = async (q) => {
    if (q === 'slow') await new Promise((r) => setTimeout(r, 500));
    if (q === 'bad') throw new Error('nope');
    return [];
  };
  const records = await timeHostile(slow, ['ok', 'bad', 'slow', 'after'], { reps: 2, capMs: 50, budgetMs: 10_000 });
  assert.equal(records[0].ms.length, 2);
  assert.equal(records[1].error, 'nope');
  assert.equal(records[1].ms.length, 2);
  assert.ok(records[2].unfinished);
  assert.equal(records[3].ms.length, 0);
});
