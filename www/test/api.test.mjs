// The JavaScript API in Node, on the real wasm module and the real demo index (built by
// `npm test`'s pretest). Node has no Web Worker, so these run the engine on this thread.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createSearch, segments } from '../src/index.js';
import { BASE, fileFetch, manifest, site, wasmBytes, work, www } from './helpers.mjs';

const wasm = wasmBytes();
const open = (options = {}) => createSearch({ base: BASE, wasm, ...options });
const HYPERLINKS = '/en/Outlook/Client/message-body/hyperlinks-not-working-in-outlook.html';

describe('ranked results', () => {
  test('a query with two typos ranks the right article first', async () => {
    const hx = await open(fileFetch(site));
    const [first] = await hx.search('outlok hyperlimks');
    assert.equal(first.url, HYPERLINKS);
    assert.equal(first.title, 'Hyperlinks are not working');
    assert.equal(first.section, 'Outlook');
    assert.equal(first.lang, 'en');
  });

  test('a deletion typo in the last word finds its article (lost on this index at 857229f, back at a670191)', async () => {
    const hx = await open(fileFetch(site));
    assert.equal((await hx.search('hyperlnks'))[0]?.url, HYPERLINKS);
    assert.equal((await hx.search('reset pasword'))[0]?.url, '/en/Microsoft365/admin/administration/user-found-error-fails-resetting-password.html');
  });

  test('Chinese queries find Chinese articles', async () => {
    const hx = await open(fileFetch(site));
    const [first] = await hx.search('密码管理', { limit: 3 });
    assert.equal(first.url, '/zh/password-management.html');
    assert.equal(first.lang, 'zh');
  });

  test('highlight ranges slice exactly the matched words, in UTF-16 offsets', async () => {
    const hx = await open(fileFetch(site));
    const [first] = await hx.search('outlook hyperlinks');
    const marked = (text, ranges) => segments(text, ranges).filter((s) => s.match).map((s) => s.text.toLowerCase());
    assert.deepEqual(marked(first.title, first.titleHighlights), ['hyperlinks']);
    const words = marked(first.excerpt.text, first.excerpt.highlights);
    assert.ok(words.length >= 2, `excerpt marks: ${words}`);
    for (const w of words) assert.match(w, /^(outlook|hyperlinks?)$/);
    const [zh] = await hx.search('密码过期');
    for (const w of marked(zh.excerpt.text, zh.excerpt.highlights)) assert.match(w, /^(密码|过期|密码过期|码过)$/);
  });

  test('results link to headings that exist on the article pages', async () => {
    // Every heading of every demo page as a query: each anchor any result links to must be
    // an id on its page (the CLI's slugs and the page renderer's must agree).
    const hx = await open(fileFetch(site));
    const ids = new Map();
    const idsOf = (url) => {
      if (!ids.has(url)) ids.set(url, new Set([...readFileSync(join(site, url), 'utf8').matchAll(/ id="([^"]+)"/g)].map((m) => m[1])));
      return ids.get(url);
    };
    const headings = pages(site).flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/<h[1-6] id="[^"]*">([\s\S]*?)<\/h[1-6]>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')),
    );
    assert.ok(headings.length > 500, `${headings.length} headings`);
    let anchors = 0;
    for (const heading of headings) {
      for (const r of await hx.search(heading, { limit: 3 })) {
        for (const anchor of [r.anchor, ...r.subResults.map((s) => s.anchor)].filter(Boolean)) {
          assert.ok(idsOf(r.url).has(anchor.replace(/&/g, '&amp;')), `${r.url}#${anchor} (query ${heading})`);
          anchors++;
        }
      }
    }
    assert.ok(anchors > 1000, `${anchors} anchors checked`);
  });
});

describe('loading', () => {
  test('nothing is fetched before the first search, then only what the query needs', async () => {
    const files = fileFetch(site);
    const hx = await open(files);
    assert.deepEqual(files.requests, []);
    await hx.search('hyperlinks');
    const m = manifest();
    assert.equal(files.requests[0], '/search/helpdex.json');
    const postings = files.requests.filter((p) => p.includes('/postings/'));
    assert.ok(postings.length >= 1 && postings.length < m.postings.length, `${postings.length} postings chunks`);
  });

  test('files served gzipped as stored and files the host decompressed give the same results', async () => {
    const stored = await (await open(fileFetch(site))).search('outlok hyperlimks');
    const decoded = await (await open(fileFetch(site, { decompressed: true }))).search('outlok hyperlimks');
    assert.ok(stored.length > 0);
    assert.deepEqual(decoded, stored);
  });

  test('a missing manifest rejects, naming it', async () => {
    const hx = await open(fileFetch(join(www, 'no-such-folder')));
    await assert.rejects(hx.search('outlook'), { name: 'HelpdexError', message: /http:\/\/test\/search\/helpdex\.json: HTTP 404/ });
  });

  test('a corrupt core file rejects, naming it', async () => {
    const core = `/search/${manifest().core}`;
    const change = (path, bytes) => {
      if (path !== core) return bytes;
      const raw = gunzipSync(bytes);
      raw[raw.length - 1] ^= 1;
      return gzipSync(raw);
    };
    const hx = await open(fileFetch(site, { change }));
    await assert.rejects(hx.search('outlook'), { message: new RegExp(`${core}: checksum mismatch`), file: `http://test${core}` });
  });

  test('a truncated chunk rejects, naming it, and other queries still work', async () => {
    const cut = (b) => b.subarray(0, b.length >> 1);
    for (const decompressed of [false, true]) {
      const hx = await open(fileFetch(site, { decompressed, change: (p, b) => (p.startsWith('/search/postings/') ? cut(b) : b) }));
      const reason = decompressed ? 'file is truncated' : 'not a valid gzip file';
      await assert.rejects(hx.search('outlook'), { message: new RegExp(`/search/postings/[0-9a-f]+\\.hdx: ${reason}`) });
    }
    // Damage one chunk that 'outlook' reads and 'windows' does not: only 'outlook' fails.
    const postingsOf = async (q) => {
      const files = fileFetch(site);
      await (await open(files)).search(q);
      return files.requests.filter((p) => p.includes('/postings/'));
    };
    const others = await postingsOf('windows');
    const damaged = (await postingsOf('outlook')).find((p) => !others.includes(p));
    assert.ok(damaged, 'the two queries read different chunks');
    const hx = await open(fileFetch(site, { change: (p, b) => (p === damaged ? cut(b) : b) }));
    const [outlook, windows] = await Promise.allSettled(['outlook', 'windows'].map((q) => hx.search(q)));
    assert.equal(windows.status, 'fulfilled');
    assert.ok(outlook.status === 'rejected' && outlook.reason.message.includes(damaged), String(outlook.reason));
  });

  test('a format version mismatch rejects, naming the file', async () => {
    const core = `/search/${manifest().core}`;
    const version = gunzipSync(readFileSync(join(site, core)))[4];
    const newerCore = (path, bytes) => {
      if (path !== core) return bytes;
      const raw = gunzipSync(bytes);
      raw[4] = version + 1; // the header's version field
      return raw;
    };
    await assert.rejects((await open(fileFetch(site, { change: newerCore }))).search('outlook'), {
      message: new RegExp(`${core}: index format version ${version + 1}, but this helpdex reads version ${version}: rebuild`),
    });
    const newerManifest = (path, bytes) =>
      path.endsWith('helpdex.json') ? Buffer.from(JSON.stringify({ ...manifest(), helpdex: version + 1 })) : bytes;
    await assert.rejects((await open(fileFetch(site, { change: newerManifest }))).search('outlook'), {
      message: new RegExp(`/search/helpdex\\.json: says index format version ${version + 1}, but its core file is version ${version}`),
    });
  });

  test('a manifest naming a file outside the index folder is refused before any fetch of it', async () => {
    const files = fileFetch(site, {
      change: (p, b) => (p.endsWith('helpdex.json') ? Buffer.from(JSON.stringify({ ...manifest(), core: '../../secret.hdx' })) : b),
    });
    const hx = await open(files);
    await assert.rejects(hx.search('outlook'), { message: /\/search\/helpdex\.json: file name "\.\.\/\.\.\/secret\.hdx" points outside the index folder/ });
    assert.deepEqual(files.requests, ['/search/helpdex.json']);
  });

  test('a chunk from another build rejects, naming it', async () => {
    const other = join(work, 'xss');
    const stale = readFileSync(join(other, manifest(other).fragments[0]));
    const hx = await open(fileFetch(site, { change: (p, b) => (p.includes('/fragments/') ? stale : b) }));
    await assert.rejects(hx.search('outlook'), { message: /\/search\/fragments\/[0-9a-f]+\.hdx: .*different builds/ });
  });

  test('a base on another origin than the page is refused', async () => {
    globalThis.location = /** @type {any} */ ({ origin: 'https://help.example', href: 'https://help.example/guide/' });
    try {
      await assert.rejects(createSearch({ base: 'https://cdn.example/search/' }), {
        name: 'HelpdexError',
        message: /base https:\/\/cdn\.example\/search\/ is on another origin than this page \(https:\/\/help\.example\)/,
      });
      await createSearch({ base: '/search/' }); // same origin: fine
    } finally {
      delete globalThis.location;
    }
  });
});

describe('stale answers', () => {
  test('an aborted search rejects at once, and its late answer never arrives', async () => {
    // Hold back every postings chunk of the first query until the second has answered.
    let release;
    const held = new Promise((r) => (release = r));
    let holding = true;
    const hx = await open(fileFetch(site, { wait: (p) => (holding && p.includes('/postings/') ? held : null) }));
    await hx.preload();
    const older = new AbortController();
    const first = hx.search('hyperlinks', { signal: older.signal });
    older.abort();
    await assert.rejects(first, { name: 'AbortError' });
    holding = false;
    const newer = await hx.search('password');
    assert.ok(newer.length > 0);
    release();
  });

  test('concurrent searches each get their own answer', async () => {
    const hx = await open(fileFetch(site));
    const queries = ['outlook', '密码', 'sharepoint', 'tidb', 'teams'];
    const answers = await Promise.all(queries.map((q) => hx.search(q, { limit: 1 })));
    const alone = [];
    for (const q of queries) alone.push(await (await open(fileFetch(site))).search(q, { limit: 1 }));
    assert.deepEqual(answers, alone);
  });
});

test('segments() splits text at flat highlight ranges', () => {
  assert.deepEqual(segments('reset your password', [0, 5, 11, 19]), [
    { text: 'reset', match: true },
    { text: ' your ', match: false },
    { text: 'password', match: true },
  ]);
  assert.deepEqual(segments('abc', []), [{ text: 'abc', match: false }]);
  assert.deepEqual(segments('abc', [1, 99]), [
    { text: 'a', match: false },
    { text: 'bc', match: true },
  ]);
});

function pages(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => /^(en|zh)\/.*\.html$/.test(f))
    .map((f) => join(dir, f));
}
