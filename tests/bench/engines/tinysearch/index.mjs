// tinysearch: index built natively through its library API by the small Rust
// driver in tests/bench/tinysearch (build + stdin/stdout search); the browser
// module is compiled the way tinysearch's own `--mode wasm` does it, from the
// crate template that ships inside the tinysearch crate.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_DIR, WORK_DIR } from '../../lib/paths.mjs';
import { LineProcess, runMeasured, tail } from '../../lib/proc.mjs';

const MANIFEST = resolve(BENCH_DIR, 'tinysearch/Cargo.toml');
const LOCKFILE = resolve(BENCH_DIR, 'tinysearch/Cargo.lock');
const TARGET_DIR = resolve(WORK_DIR, 'cargo-target');
const BINARY = resolve(TARGET_DIR, 'release/tinysearch-bench');
const CRATE_NAME = 'tinysearch-engine';
const WASM_FILE = 'tinysearch_engine.wasm';
const LOADER_FILE = 'tinysearch_engine.js';
const cargoEnv = { CARGO_TARGET_DIR: TARGET_DIR };

async function cargo(args, cwd) {
  const run = await runMeasured('cargo', args, { cwd, env: cargoEnv });
  if (run.code !== 0) throw new Error(`cargo ${args.join(' ')} failed:\n${tail(run.stderr)}`);
  return run;
}

/** The tinysearch crate's source directory (its assets hold the wasm crate template and JS loader). */
async function tinysearchSource() {
  const run = await cargo(['metadata', '--format-version', '1', '--locked', '--manifest-path', MANIFEST]);
  const pkg = JSON.parse(run.stdout).packages.find((p) => p.name === 'tinysearch');
  return { dir: resolve(pkg.manifest_path, '..'), version: pkg.version };
}

let source;

export default {
  name: 'tinysearch',
  label: 'tinysearch',
  settings:
    'library API TinySearch::new() (default exact index, built-in English stopwords), top 10; browser: wasm from its crate template (opt-level "s", LTO) + its JS loader',

  versions: () => ({ tinysearch: source?.version ?? 'unknown' }),

  /** Compiles the native driver once; its compile time is not part of any index build. */
  async prepare() {
    const run = await cargo(['build', '--release', '--locked', '--manifest-path', MANIFEST]);
    source = await tinysearchSource();
    return { compileMs: run.wallMs };
  },

  buildCommand: (corpus, outDir) => ({ cmd: BINARY, args: ['build', '--input', corpus.plainPath, '--out', outDir] }),

  isIndexFile: (file) => file === 'storage',

  /**
   * tinysearch ships its index inside the wasm, so every corpus needs its own
   * wasm compile. Returns the compile's wall time; the module lands in `outDir`.
   */
  async afterBuild(corpus, outDir) {
    const crate = resolve(WORK_DIR, 'tinysearch-wasm', corpus.name);
    mkdirSync(join(crate, 'src'), { recursive: true });
    const template = readFileSync(join(source.dir, 'assets/crate/Cargo.toml.template'), 'utf8')
      .replace(/^name = "THIS_VALUE_SHOULD_BE_FILLED"/m, `name = "${CRATE_NAME}"`)
      .replace(/^tinysearch = "THIS_VALUE_SHOULD_BE_FILLED"/m, `tinysearch = "=${source.version}"`);
    writeFileSync(join(crate, 'Cargo.toml'), template);
    copyFileSync(join(source.dir, 'assets/crate/src/lib.rs'), join(crate, 'src/lib.rs'));
    copyFileSync(join(outDir, 'storage'), join(crate, 'src/storage'));
    // Same dependency versions as the native driver.
    if (!existsSync(join(crate, 'Cargo.lock'))) copyFileSync(LOCKFILE, join(crate, 'Cargo.lock'));
    const run = await cargo(['build', '--release', '--target', 'wasm32-unknown-unknown'], crate);
    copyFileSync(join(TARGET_DIR, 'wasm32-unknown-unknown/release', WASM_FILE), join(outDir, WASM_FILE));
    copyFileSync(join(source.dir, 'assets/tinysearch_loader.js'), join(outDir, LOADER_FILE));
    return { wasmCompileMs: run.wallMs };
  },

  openNode: async (outDir) => {
    const proc = new LineProcess(BINARY, ['search', '--index', outDir], JSON.parse);
    return { search: (q) => proc.search(q), close: () => proc.close() };
  },

  browser: {
    client: resolve(BENCH_DIR, 'engines/tinysearch/client.mjs'),
    classify: (file) => (file.endsWith('.js') ? 'library' : 'index'),
  },
};
