// The demo's static server: types, the CSP header, and no way out of its folders.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CSP, serve } from '../demo/serve.mjs';
import { site } from './helpers.mjs';

let server;
let origin;
before(async () => {
  server = await serve({ mounts: { '/': site } });
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

const get = (path, method = 'GET') => fetch(origin + path, { method });

test('listens on 127.0.0.1 only', () => {
  assert.equal(server.address().address, '127.0.0.1');
});

test('serves pages, modules and the wasm with their types and the CSP header', async () => {
  for (const [path, type] of [
    ['/', 'text/html; charset=utf-8'],
    ['/helpdex/define.js', 'text/javascript; charset=utf-8'],
    ['/helpdex/helpdex_wasm_bg.wasm', 'application/wasm'],
    ['/search/helpdex.json', 'application/json; charset=utf-8'],
    ['/assets/site.css', 'text/css; charset=utf-8'],
  ]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('content-type'), type, path);
    assert.equal(r.headers.get('content-security-policy'), CSP);
    await r.arrayBuffer();
  }
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
});

test('never serves a file outside its folder', async () => {
  // Each of these names a real file just outside demo/site/ (demo/build.mjs, www/package.json).
  for (const path of ['/../build.mjs', '/..%2fbuild.mjs', '/%2e%2e/build.mjs', '/..%2f..%2fpackage.json', '/assets/..%2f..%2fbuild.mjs', '/%00', '/nope.html']) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    await r.arrayBuffer();
  }
  // Only a page takes a POST (the demo's contact form); other files refuse it.
  const post = await get('/assets/site.css', 'POST');
  assert.equal(post.status, 405);
  await post.arrayBuffer();
  const form = await get('/contact-sent.html', 'POST');
  assert.equal(form.status, 200);
  assert.match(await form.text(), /your message was sent/);
});
