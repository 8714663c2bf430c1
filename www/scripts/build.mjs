// Assembles dist/ from src/ and the wasm-bindgen output in wasm/ (build/wasm.sh writes it):
// four minified ES module entry points, the chunks they share, and the wasm module.
//
//   helpdex.js  createSearch()        element.js  the HelpdexSearchElement class
//   worker.js   the Web Worker        define.js   registers <helpdex-search>
import { build } from 'esbuild';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(www, 'dist');
const wasm = join(www, 'wasm/helpdex_wasm_bg.wasm');
if (!existsSync(wasm)) throw new Error(`${wasm} is missing: run build/wasm.sh (npm run build does)`);

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: www,
  entryPoints: {
    helpdex: 'src/index.js',
    worker: 'src/worker.js',
    element: 'src/element/search-box.js',
    define: 'src/element/define.js',
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  // Every chunk sits beside the entries: `new URL('./worker.js', import.meta.url)` and the
  // glue's `new URL('helpdex_wasm_bg.wasm', import.meta.url)` resolve from any of them.
  chunkNames: 'chunk-[hash]',
  minify: true,
  target: ['es2022'],
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(wasm, join(dist, 'helpdex_wasm_bg.wasm'));
