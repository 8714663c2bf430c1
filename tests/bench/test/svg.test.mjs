import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChart } from '../lib/svg.mjs';

test('bar chart draws one bar per finite value and marks missing ones', () => {
  const svg = barChart({
    title: 'a < b',
    categories: ['one', 'two'],
    series: [
      { name: 'p50', values: [1, null] },
      { name: 'p95', values: [10, 1000] },
    ],
    log: true,
    format: (v) => `${v} ms`,
  });
  assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  assert.ok(svg.trimEnd().endsWith('</svg>'));
  assert.equal(svg.match(/<rect x="120" y="\d+" width="[\d.]+" height="11"/g).length, 3);
  assert.equal(svg.match(/>n\/a</g).length, 1);
  assert.ok(svg.includes('a &lt; b'));
  // log axis: one tick per power of ten from 1 to 1000
  for (const t of ['1 ms', '10 ms', '100 ms', '1000 ms']) assert.ok(svg.includes(`>${t}</text>`), t);
});
