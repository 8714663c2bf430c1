// The shape shared by engines driven from Node (the JS libraries and Pagefind's
// Node API). The build runs in a measured Node child (worker/build.mjs). Search
// goes through the engine's `client.mjs`, which runs unchanged in Node (files
// read from disk) and in the browser (files fetched; esbuild bundles the client
// with its library, which is what a site would ship).
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from '../lib/paths.mjs';

const BUILD_WORKER = resolve(BENCH_DIR, 'worker/build.mjs');
// Generous V8 heap so "out of memory" means the engine truly needs more than
// half the machine, not that Node's default heap limit was hit.
export const NODE_HEAP_MB = 12288;

export function packageVersions(packages) {
  return Object.fromEntries(
    packages.map((p) => [p, JSON.parse(readFileSync(resolve(BENCH_DIR, 'node_modules', p, 'package.json'), 'utf8')).version]),
  );
}

/** The env a client's `open(env)` reads its files through, backed by a local directory. */
export function nodeEnv(dir, lang) {
  return {
    lang,
    fetchText: (path) => readFile(join(dir, path), 'utf8'),
    fetchBytes: (path) => readFile(join(dir, path)),
    importModule: (path) => import(pathToFileURL(join(dir, path)).href),
  };
}

/**
 * `build(records, outDir, {lang})` runs inside the build worker. `nodeSearch`
 * false means the client only works in a browser (Pagefind). `classify(file)`
 * says whether a served file of the build output is library code or index data.
 */
export function jsEngine({ name, label, packages, settings, build, nodeSearch = true, classify = () => 'index' }) {
  const client = resolve(BENCH_DIR, 'engines', name, 'client.mjs');
  return {
    name,
    label,
    settings,
    versions: () => packageVersions(packages),
    build,
    buildCommand: (corpus, outDir) => ({
      cmd: process.execPath,
      args: [`--max-old-space-size=${NODE_HEAP_MB}`, BUILD_WORKER, name, corpus.plainPath, outDir, corpus.lang],
    }),
    isIndexFile: (file) => classify(file) === 'index',
    openNode: nodeSearch ? async (outDir, corpus) => (await import(client)).open(nodeEnv(outDir, corpus.lang)) : null,
    browser: { client, classify },
  };
}
