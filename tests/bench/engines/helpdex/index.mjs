// helpdex itself, through its CLI: `helpdex build CORPUS.jsonl.gz --out DIR` and
// `helpdex search --index DIR --json` (one query per stdin line, one JSON array
// of {id, url, title, score, excerpt, anchor} per stdout line).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT, WORK_DIR } from '../../lib/paths.mjs';
import { LineProcess } from '../../lib/proc.mjs';

const SOURCE = resolve(REPO_ROOT, 'target/release/helpdex');
// The run uses a copy, so a rebuild of target/ during a long run cannot swap
// the binary between measurements.
const BINARY = resolve(WORK_DIR, 'helpdex-bin/helpdex');
let snapshot = null;

export default {
  name: 'helpdex',
  label: 'helpdex',
  settings: 'CLI defaults: `helpdex build CORPUS.jsonl.gz --out DIR`, `helpdex search --index DIR --json`',

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
    snapshot = {
      binarySha256: createHash('sha256').update(readFileSync(BINARY)).digest('hex').slice(0, 16),
      binaryBuilt: statSync(SOURCE).mtime.toISOString(),
    };
    return {};
  },

  buildCommand: (corpus, outDir) => ({ cmd: BINARY, args: ['build', corpus.gzPath, '--out', outDir] }),

  isIndexFile: () => true,

  openNode: async (outDir) => {
    const proc = new LineProcess(BINARY, ['search', '--index', outDir, '--json'], (line) => JSON.parse(line).map((r) => r.id));
    return { search: (q) => proc.search(q), close: () => proc.close() };
  },

  // PENDING(helpdex-www): helpdex's browser numbers (transfer, Chromium latency)
  // come from the wasm package in www/ once it ships. Add `client.mjs` here with
  // `open(env)` like the other engines and set `browser: { client, classify }`.
  browser: null,
};
