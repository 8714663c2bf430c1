// Shared by the tests: where things are, and a fetch over files for the Node API tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const www = fileURLToPath(new URL('..', import.meta.url));
export const site = join(www, 'demo/site');
export const work = join(www, 'test/work');
export { shared } from '../demo/build.mjs';
/** The native CLI, the debug build `npm test`'s pretest made (demo/build.mjs runs `cargo run -p helpdex`). */
export const nativeCli = join(www, '../target/debug/helpdex');
export const wasmBytes = () => readFileSync(join(www, 'wasm/helpdex_wasm_bg.wasm'));

/** Every file under `dir`: relative path → bytes, sorted by path. */
export function tree(dir) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const paths = files.map((e) => join(e.parentPath ?? e.path, e.name)).sort();
  return new Map(paths.map((p) => [relative(dir, p), readFileSync(p)]));
}

/** The demo index's manifest. */
export const manifest = (dir = join(site, 'search')) => JSON.parse(readFileSync(join(dir, 'helpdex.json'), 'utf8'));

/**
 * A fetch that serves `root` at http://test/, recording what was asked for.
 *   decompressed: serve .hdx files gunzipped, as a host sending Content-Encoding: gzip has
 *     the browser hand them over;
 *   change(path, bytes): replaces a file's bytes (a corrupt or missing file);
 *   wait(path): a promise to hold the response on.
 */
export function fileFetch(root, { decompressed = false, change = (_, b) => b, wait = () => null } = {}) {
  const requests = [];
  const fetch = async (url) => {
    const path = new URL(url).pathname;
    requests.push(path);
    await wait(path);
    let bytes;
    try {
      bytes = readFileSync(join(root, path));
    } catch {
      bytes = null;
    }
    if (bytes && decompressed && path.endsWith('.hdx')) bytes = gunzipSync(bytes);
    bytes = change(path, bytes);
    return bytes ? new Response(bytes) : new Response('not found', { status: 404 });
  };
  return { fetch, requests };
}

export const BASE = 'http://test/search/';

/** How the browser tests start Debian's Chromium (playwright-core, never a downloaded browser). */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
