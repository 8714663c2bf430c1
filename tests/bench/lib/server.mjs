// Static file server on 127.0.0.1 for the Chromium runs. It compresses like a
// typical static host (gzip for text, JS, JSON and wasm; files that are already
// compressed, such as Pagefind's, go out as they are) and logs every response so
// the harness can count the bytes a page fetched.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.wasm', '.css']);
// Level 6 is the default of zlib, nginx's gzip_comp_level aside the most common setting.
const GZIP_LEVEL = 6;

/** `mounts` maps URL prefixes ("/work/") to directories. */
export async function startServer(mounts) {
  const log = [];
  const gzipCache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(mounts[prefix], path.slice(prefix.length)));
    const notFound = () => {
      log.push({ path, status: 404 });
      res.writeHead(404).end();
    };
    if (!file || !file.startsWith(mounts[prefix] + sep)) return notFound();
    let body;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const ext = extname(file);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      // Cross-origin isolation gives the page a 5 µs performance.now() instead
      // of 100 µs; fast engines answer in tens of microseconds.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    };
    const raw = body.length;
    // Pagefind's .pagefind / .pf_* files are gzip streams already.
    const precompressed = body[0] === 0x1f && body[1] === 0x8b;
    if (!precompressed && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(body, { level: GZIP_LEVEL }));
      body = gzipCache.get(file);
      headers['content-encoding'] = 'gzip';
    }
    log.push({ path, status: 200, raw, sent: body.length });
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    log,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
