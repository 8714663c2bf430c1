// A small static file server for the demo and the tests, on 127.0.0.1 only. Sends the
// demo's Content-Security-Policy with every response and never serves a file outside its
// folders.
//
//   node demo/serve.mjs [--port N]      serves demo/site/ (default port: $PORT, else 8080)
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.hdx': 'application/octet-stream',
};

/**
 * Serves `mounts` ({ "/url/prefix/": "/folder" }, longest prefix first) and resolves with the
 * server once it listens.
 * @param {{ mounts: Record<string, string>, port?: number,
 *   gzipHeader?: boolean, isolated?: boolean, delay?: (path: string) => number,
 *   events?: { path: string, receive: (lines: string) => void } }} options
 *   isolated: make pages cross-origin isolated (COOP and COEP headers), which gives them
 *     5 µs timers instead of 100 µs (the benchmark's);
 *   gzipHeader: send the pre-compressed .hdx files with `Content-Encoding: gzip`, as a host
 *   configured for them would (by default they go out as stored, and the loader gunzips);
 *   delay: milliseconds to hold a response back (tests of slow networks);
 *   events: a URL path that takes the search box's analytics beacons (POSTed JSON Lines), as
 *     a site's own collector would, and hands each body to `receive`.
 */
export function serve({ mounts, port = 0, gzipHeader = false, isolated = false, delay = () => 0, events = null }) {
  const roots = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort(([a], [b]) => b.length - a.length);
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    if (isolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    if (events && req.method === 'POST' && new URL(req.url ?? '/', 'http://x').pathname === events.path) {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        events.receive(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204);
        res.end();
      });
      return;
    }
    const file = locate(roots, req.url ?? '/');
    // A form's POST gets the page it names, as a site's form handler would answer (the demo's
    // contact form); its body is not read, nor kept.
    const form = req.method === 'POST' && file && extname(file.path) === '.html';
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD' && !form)) {
      res.writeHead(file ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end(file ? 'method not allowed\n' : 'not found\n');
    }
    if (form) req.resume();
    const ext = extname(file.path);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Content-Length', file.size);
    if (gzipHeader && ext === '.hdx') res.setHeader('Content-Encoding', 'gzip');
    const send = () => {
      res.writeHead(200);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file.path).pipe(res);
    };
    const wait = delay(new URL(req.url ?? '/', 'http://x').pathname);
    if (wait > 0) setTimeout(send, wait);
    else send();
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

/** The file a URL path names inside one of the roots (a folder means its index.html), or null. */
function locate(roots, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  for (const [prefix, root] of roots) {
    if (!path.startsWith(prefix)) continue;
    let full = resolve(root, `.${sep}${path.slice(prefix.length)}`);
    if (full !== root && !full.startsWith(root + sep)) return null;
    try {
      let stat = statSync(full);
      if (stat.isDirectory()) {
        full = join(full, 'index.html');
        stat = statSync(full);
      }
      return stat.isFile() ? { path: full, size: stat.size } : null;
    } catch {
      return null;
    }
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : (process.env.PORT ?? 8080));
  const site = fileURLToPath(new URL('./site/', import.meta.url));
  const server = await serve({ mounts: { '/': site }, port });
  console.log(`helpdex demo: http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
