// Assembles dist/ from src/ and the wasm-bindgen output in wasm/ (build/wasm.sh writes it):
// minified ES modules and the wasm module, side by side.
//
//   helpdex.js  createSearch()               worker.js  the Web Worker: engine + wasm glue
//   element.js  the HelpdexSearchElement     engine.js  the same engine, for the main-thread
//   define.js   registers <helpdex-search>               fallback (loaded only without a worker)
//   feedback.js registers <helpdex-feedback>
//   suggest.js  registers <helpdex-suggest>   suggest-worker.js, engine-suggest.js and
//                                             helpdex_suggest_bg.wasm: the same for suggestions
//   chunk-*.js  code the page-side entries share
import { build, transform } from 'esbuild';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(www, 'dist');
const wasm = join(www, 'wasm/helpdex_wasm_bg.wasm');
if (!existsSync(wasm)) throw new Error(`${wasm} is missing: run build/wasm.sh (npm run build does)`);

/** Minifies the stylesheet that src/element/styles.js keeps as a readable template string. */
const minifyCss = {
  name: 'minify-css',
  setup(b) {
    b.onLoad({ filter: /styles\.js$/ }, async ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const [whole, css] = /const CSS = `([^`]*)`;/.exec(source) ?? [];
      if (!whole) throw new Error(`${path}: no CSS template found`);
      const { code } = await transform(css, { loader: 'css', minify: true });
      return { contents: source.replace(whole, `const CSS = ${JSON.stringify(code.trim())};`), loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: www,
  outdir: dist,
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(dist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    helpdex: 'src/index.js',
    element: 'src/element/search-box.js',
    define: 'src/element/define.js',
    feedback: 'src/element/define-feedback.js',
    suggest: 'src/element/define-suggest.js',
  },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  // Built on its own below; every file sits in dist/, so "./engine.js" and the glue's
  // `new URL('helpdex_wasm_bg.wasm', import.meta.url)` resolve from any of them.
  external: ['./engine.js', './engine-suggest.js'],
  plugins: [minifyCss],
});
// One self-contained file each: a worker starts after a single request.
await build({ ...common, entryPoints: { worker: 'src/worker.js', engine: 'src/engine.js' } });
// The same two with the suggestion module's glue: hx.suggest() and <helpdex-suggest> load them,
// so the search box's module stays without long-text code.
const suggestModule = {
  name: 'suggest-module',
  setup(b) {
    b.onResolve({ filter: /\/wasm\/helpdex_wasm\.js$/ }, () => ({ path: join(www, 'wasm/helpdex_suggest.js') }));
  },
};
await build({ ...common, entryPoints: { 'suggest-worker': 'src/worker.js', 'engine-suggest': 'src/engine.js' }, plugins: [suggestModule] });
copyFileSync(wasm, join(dist, 'helpdex_wasm_bg.wasm'));
copyFileSync(join(www, 'wasm/helpdex_suggest_bg.wasm'), join(dist, 'helpdex_suggest_bg.wasm'));
