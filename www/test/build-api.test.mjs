// helpdex/build in Node: records, files and directories in; problems out as data, never thrown;
// files in memory equal to the CLI's; writeFiles replacing an index atomically.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createIndex, RECORDS } from '../node/build.js';
import { createSearch } from '../src/index.js';
import { fileFetch, nativeCli, shared, tree, wasmBytes, www } from './helpers.mjs';

const work = join(www, 'test/work/build-api');
const samples = join(shared, 'corpora/samples/en-help-md');

/** Searches an index given as files in memory, with the browser engine. */
async function searchFiles(files, query) {
  const root = join(work, `served-${Math.random().toString(36).slice(2)}`);
  for (const { path, contents } of files) {
    mkdirSync(join(root, 'search', path, '..'), { recursive: true });
    writeFileSync(join(root, 'search', path), contents);
  }
  const hx = await createSearch({ base: 'http://test/search/', wasm: wasmBytes(), ...fileFetch(root) });
  return hx.search(query);
}

const record = (id, title, body, extra = {}) => ({ id, url: `/kb/${id}`, title, body, ...extra });

describe('build API', () => {
  test('setup', () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  });

  test('records become a searchable index in memory', async () => {
    const hx = createIndex();
    hx.addRecord(record('vpn', 'Connect to the VPN', '## Windows\n\nOpen **Settings**, then the VPN tab.', { lang: 'en', section: 'Network', tags: ['remote'], updated: '2024-05-01' }));
    hx.addRecord(record('printer', 'Add a printer', 'Printers are added from the control panel.'));
    const { written, articles, problems, files } = await hx.getFiles();
    assert.equal(written, true);
    assert.equal(articles, 2);
    assert.deepEqual(problems, []);
    assert.ok(files.some((f) => f.path === 'helpdex.json'));
    assert.ok(files.some((f) => f.path.startsWith('postings/')));
    const manifest = JSON.parse(new TextDecoder().decode(files.find((f) => f.path === 'helpdex.json')?.contents));
    assert.equal(manifest.articles, 2);
    const [first] = await searchFiles(files, 'conect vpn');
    assert.equal(first.url, '/kb/vpn');
    assert.equal(first.section, 'Network');
  });

  test('a bad record, a bad file and a duplicate id are reported as data; the rest are indexed', async () => {
    const hx = createIndex({ baseUrl: '/docs/' });
    hx.addRecord(record('ok', 'Reset your password', 'Use the sign-in page.'));
    hx.addRecord({ id: 'no-title', url: '/kb/x', title: '' });
    hx.addRecord(record('ok', 'Another with the same id', 'Text.'));
    hx.addFile('guide/billing.md', '---\ntitle: Billing\n---\nInvoices and cards.\n');
    hx.addFile('guide/broken.md', '---\ntitle: [unclosed\n---\nText.\n');
    hx.addFile('guide/binary.md', new Uint8Array([0x23, 0x20, 0x00, 0x01]));
    const { articles, problems, files } = await hx.getFiles();
    assert.equal(articles, 2);
    assert.deepEqual(
      problems.map((p) => [p.path, p.line]),
      [
        ['guide/binary.md', null],
        ['guide/broken.md', 3],
        [RECORDS, 2],
        [RECORDS, 3],
      ],
    );
    assert.match(problems[0].reason, /binary/);
    assert.match(problems[1].reason, /front matter/);
    assert.match(problems[2].reason, /title/);
    assert.match(problems[3].reason, /duplicate id "ok"/);
    const [billing] = await searchFiles(files, 'invoces');
    assert.equal(billing.url, '/docs/guide/billing');
  });

  test('getFiles gives the bytes `helpdex build` writes for the same folder', { skip: !existsSync(samples) && 'no samples' }, async () => {
    const hx = createIndex();
    hx.addDirectory(samples);
    const { files, articles } = await hx.getFiles();
    assert.equal(articles, 50);
    const out = join(work, 'cli');
    const native = spawnSync(nativeCli, ['build', samples, '--out', out, '--quiet']);
    assert.equal(native.status, 0, String(native.stderr));
    const written = tree(out);
    assert.deepEqual(files.map((f) => f.path), [...written.keys()]);
    for (const { path, contents } of files) assert.ok(written.get(path)?.equals(contents), `${path} differs`);
  });

  test('options are the CLI flags: include, exclude, strict', async () => {
    const hx = createIndex({ include: ['guide/**'], exclude: ['guide/old.md'], strict: true });
    hx.addFile('guide/a.md', '# Alpha\n\nFirst.\n');
    hx.addFile('guide/old.md', '# Old\n\nGone.\n');
    hx.addFile('other/b.md', '# Beta\n\nSecond.\n');
    const report = await hx.getFiles();
    assert.equal(report.articles, 1);
    assert.equal(report.excluded, 2);
    const strict = createIndex({ strict: true });
    strict.addFile('a.md', '# Alpha\n');
    strict.addFile('b.md', '---\ntitle: [\n---\n');
    const failed = await strict.getFiles();
    assert.equal(failed.written, false);
    assert.deepEqual(failed.files, []);
    assert.equal(failed.problems.length, 1);
  });

  test('writeFiles replaces the index in a folder atomically and removes the old files', async () => {
    const dir = join(work, 'site/search');
    const first = createIndex();
    first.addRecord(record('a', 'Alpha', 'First article.'));
    await first.writeFiles(dir);
    const before = JSON.parse(readFileSync(join(dir, 'helpdex.json'), 'utf8'));
    const second = createIndex();
    second.addRecord(record('b', 'Beta', 'Second article.'));
    const report = await second.writeFiles(dir);
    assert.equal(report.written, true);
    const after = JSON.parse(readFileSync(join(dir, 'helpdex.json'), 'utf8'));
    assert.notEqual(after.core, before.core);
    assert.equal(existsSync(join(dir, before.core)), false, 'the old core file is removed');
    const left = readdirSync(dir, { recursive: true }).map(String);
    assert.deepEqual(left.filter((n) => n.includes('.tmp-')), [], 'no temporaries');
    assert.ok(left.includes(after.core));
    const core = gunzipSync(readFileSync(join(dir, after.core)));
    assert.equal(core.subarray(0, 3).toString(), 'HDX');
  });

  test('nothing to index, a missing directory or a file outside the site is an error', async () => {
    await assert.rejects(createIndex().getFiles(), /nothing to index/);
    const missing = createIndex();
    missing.addDirectory(join(work, 'no-such-folder'));
    await assert.rejects(missing.getFiles(), /no-such-folder: No such file or directory/);
    const bad = createIndex();
    bad.addRecord({ id: 'x', url: '/x', title: '' });
    await assert.rejects(bad.getFiles(), (error) => {
      assert.match(error.message, /no articles found/);
      assert.equal(error.report.problems.length, 1);
      return true;
    });
    assert.throws(() => createIndex().addFile('../escape.md', '# x'), TypeError);
    assert.throws(() => createIndex().addFile('/abs.md', '# x'), TypeError);
  });
});
