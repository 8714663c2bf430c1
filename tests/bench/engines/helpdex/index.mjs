// helpdex itself, through its CLI: `helpdex build CORPUS.jsonl.gz --out DIR` and
// `helpdex search --index DIR --json` (one query per stdin line, one JSON array
// of {id, url, title, score, excerpt, anchor} per stdout line); in the browser
// through its npm package (www/dist) on the index the CLI built.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_DIR, REPO_ROOT, WORK_DIR } from '../../lib/paths.mjs';
import { LineProcess } from '../../lib/proc.mjs';

// HELPDEX_ROOT: measure the binary and package built in another checkout of
// helpdex (a worktree at a fixed commit) instead of this one's.
const ROOT = resolve(process.env.HELPDEX_ROOT ?? REPO_ROOT);
const SOURCE = resolve(ROOT, 'target/release/helpdex');
const PACKAGE_SOURCE = resolve(ROOT, 'www/dist');
// The run uses copies, so a rebuild of target/ or www/dist during a long run
// cannot swap the binary or the package between measurements.
const BINARY = resolve(WORK_DIR, 'helpdex-bin/helpdex');
const PACKAGE = resolve(WORK_DIR, 'helpdex-www');
// What a page needs from the package for createSearch() in a worker.
const PACKAGE_FILES = ['helpdex.js', 'worker.js', 'helpdex_wasm_bg.wasm'];
let snapshot = null;
let packageProblem = null;

const git = (...args) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();

/** The commit the engine was built from, and whether its sources differed from it. */
function engineSource() {
  try {
    // Tracked files only: build outputs and a checkout's own node_modules are not sources.
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'crates', 'www', 'Cargo.toml', 'Cargo.lock', 'build') !== '';
    return { engineCommit: git('rev-parse', '--short=10', 'HEAD'), engineSourcesModified: dirty, engineRoot: ROOT };
  } catch {
    return { engineRoot: ROOT };
  }
}

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);

/** Copies www/dist; returns why it cannot be used, or null. */
function snapshotPackage() {
  rmSync(PACKAGE, { recursive: true, force: true });
  const missing = PACKAGE_FILES.filter((f) => !existsSync(resolve(PACKAGE_SOURCE, f)));
  if (missing.length) return `${PACKAGE_SOURCE} lacks ${missing.join(', ')}: build the package with \`npm --prefix www run build\``;
  cpSync(PACKAGE_SOURCE, PACKAGE, { recursive: true });
  // A rebuild that was emptying dist/ while we copied leaves a partial copy.
  const partial = PACKAGE_FILES.filter((f) => !existsSync(resolve(PACKAGE, f)));
  return partial.length ? `www/dist changed while it was copied (${partial.join(', ')} missing): run again` : null;
}

export default {
  name: 'helpdex',
  label: 'helpdex',
  settings:
    'CLI defaults: `helpdex build CORPUS.jsonl.gz --out DIR`, `helpdex search --index DIR --json`; browser: its npm package (www/dist as built, served as is), `createSearch({ base })` with the defaults (engine in the package\'s Web Worker), `search(q, { limit: 10 })`; the .hdx files go out as the CLI wrote them (gzip bytes, gunzipped by the package)',

  versions: () => ({
    helpdex: readFileSync(resolve(REPO_ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)?.[1] ?? 'unknown',
    ...snapshot,
  }),

  async prepare() {
    if (!existsSync(SOURCE)) {
      throw new Error(`${SOURCE} not found: build it first with \`cargo build --release -p helpdex\``);
    }
    mkdirSync(resolve(BINARY, '..'), { recursive: true });
    copyFileSync(SOURCE, BINARY);
    packageProblem = snapshotPackage();
    snapshot = {
      ...engineSource(),
      binarySha256: sha256(BINARY),
      binaryBuilt: statSync(SOURCE).mtime.toISOString(),
      ...(packageProblem
        ? {}
        : { wasmSha256: sha256(resolve(PACKAGE, 'helpdex_wasm_bg.wasm')), packageBuilt: statSync(resolve(PACKAGE_SOURCE, 'helpdex_wasm_bg.wasm')).mtime.toISOString() }),
    };
    return {};
  },

  /** The CLI the run measures (lib/suggestions.mjs runs it with `--suggest`). */
  binary: BINARY,

  buildCommand: (corpus, outDir) => ({ cmd: BINARY, args: ['build', corpus.gzPath, '--out', outDir] }),

  isIndexFile: () => true,

  /** A missing package costs only the browser numbers (the run reports why). */
  afterBuild() {
    if (packageProblem) throw new Error(packageProblem);
    return {};
  },

  // Tickets (long text) go through `--suggest`, each text a JSON string on its line.
  openNode: async (outDir) => {
    const ids = (line) => JSON.parse(line).map((r) => r.id);
    const proc = new LineProcess(BINARY, ['search', '--index', outDir, '--json'], ids);
    let suggest = null;
    return {
      search: (q) => proc.search(q),
      suggest: (text) => (suggest ??= new LineProcess(BINARY, ['search', '--index', outDir, '--json', '--suggest'], ids)).search(JSON.stringify(text)),
      close: () => {
        proc.close();
        suggest?.close();
      },
    };
  },

  // The package is served from its own folder (every file of it counts as
  // library bytes); the index folder holds only what the CLI wrote. The engine
  // runs in a worker, so a stuck hostile query can be timed out in the page.
  browser: {
    client: resolve(BENCH_DIR, 'engines/helpdex/client.mjs'),
    classify: () => 'index',
    libraryDir: PACKAGE,
    hostile: true,
  },
};
