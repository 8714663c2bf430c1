// The size budget: the bytes a page with <helpdex-search> downloads before its first search,
// brotli-compressed as a site would precompress them. That is define.js with what it imports,
// the Web Worker and the wasm module; engine.js (the no-worker fallback) and the index are not
// counted. Measured as the benchmark measures (tests/bench/lib/sizes.mjs, brotli quality 11).
// Over budget? If build/wasm.sh warned that it used its stable fallback, that is why: the
// module without its size path is ~18 kB larger.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compressedSizes } from '../../tests/bench/lib/sizes.mjs';
import { www } from './helpers.mjs';

/** The product bar for wasm + worker + search box, brotli bytes (70 kB). */
const BUDGET_BROTLI_BYTES = 70_000;

const dist = join(www, 'dist');

/** `entry` and the modules it imports statically, transitively (not `import()`). */
function staticGraph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(dist, entry), 'utf8');
  for (const [, name] of code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([\w.-]+\.js)"/g)) staticGraph(name, seen);
  return seen;
}

test(`wasm + worker + search box stay within ${BUDGET_BROTLI_BYTES} brotli bytes`, () => {
  const files = [...staticGraph('define.js'), 'worker.js', 'helpdex_wasm_bg.wasm'];
  const sizes = files.map((f) => [f, compressedSizes(readFileSync(join(dist, f))).brotli]);
  const total = sizes.reduce((sum, [, b]) => sum + b, 0);
  const table = sizes.map(([f, b]) => `${f} ${b}`).join(', ');
  assert.ok(sizes.length >= 4, `expected define.js, its chunks, worker.js and the wasm: ${table}`);
  assert.ok(total <= BUDGET_BROTLI_BYTES, `${total} brotli bytes: over the budget of ${BUDGET_BROTLI_BYTES} (${table})`);
  console.log(`size budget: ${total} of ${BUDGET_BROTLI_BYTES} brotli bytes (${table})`);
});
