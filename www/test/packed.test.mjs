// The package as users get it: `npm pack`, then the tarball installed in clean folders.
//   1. With Node only (no cargo on PATH), `npx helpdex build` writes the native binary's bytes.
//   2. The Vite + React example (examples/react) builds with Vite from the tarball, its
//      helpdex/vite plugin indexes the built site, and in Chromium a misspelled query finds
//      the right article, in <helpdex-search> and through createSearch; Enter lands on its
//      anchor.
//   3. In `vite dev` the plugin serves an index that follows the files.
// Installs are --offline: build/setup.sh's `npm ci` in examples/react filled the npm cache.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, nativeCli as native, shared, tree, www } from './helpers.mjs';

const work = join(www, 'test/work/packed');
const samples = join(shared, 'corpora/samples/en-help-md');
const example = join(www, 'examples/react');
let tarball;

/** Runs `command` in `cwd`, failing the test with its output unless it exits 0. */
function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stdout}\n${result.stderr}`);
  return result;
}
const npm = (args, cwd, env) => run('npm', [...args, '--offline', '--no-audit', '--no-fund'], cwd, env);


/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `vite ARGS` in `cwd` on a free port; resolves once it listens, rejects if it exits or
 * has not listened within a minute. Colours are off and escapes stripped anyway: with CI set,
 * Vite colours a pipe and bolds the port inside its URL.
 */
async function vite(cwd, args) {
  const port = await freePort();
  const env = { ...process.env, NO_COLOR: '1' };
  const child = spawn(join(cwd, 'node_modules/.bin/vite'), [...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd, env });
  let output = '';
  const listening = () => output.replace(/\x1b\[[0-9;]*m/g, '').includes(`127.0.0.1:${port}`);
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vite ${args.join(' ')} did not listen within 60 s: ${output}`)), 60_000);
      child.stdout.on('data', (d) => {
        output += d;
        if (listening()) {
          clearTimeout(timer);
          resolve(undefined);
        }
      });
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`vite ${args.join(' ')} exited ${code}: ${output}`));
      });
    });
  } catch (error) {
    child.kill();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill(), output: () => output };
}

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // npm test's pretest has built dist/ and node/helpdex.wasm: pack without building again.
  const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], www).stdout);
  tarball = join(work, packed.filename);
  console.log(`packed ${packed.filename}: ${packed.size} bytes, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
});

describe('the packed package', { concurrency: false }, () => {
  test('npx helpdex with Node only writes the native binary\'s files', { skip: !existsSync(samples) && 'no samples' }, () => {
    const clean = join(work, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'package.json'), '{ "name": "clean", "private": true }\n');
    npm(['install', tarball], clean);
    const unpacked = tree(join(clean, 'node_modules/helpdex'));
    const bytes = [...unpacked.values()].reduce((n, b) => n + b.length, 0);
    console.log(`installed size: ${bytes} bytes in ${unpacked.size} files (node/helpdex.wasm ${unpacked.get('node/helpdex.wasm')?.length})`);

    const path = [dirname(process.execPath), '/usr/bin', '/bin'].join(':');
    const env = { PATH: path, HOME: process.env.HOME ?? tmpdir() };
    assert.notEqual(spawnSync('sh', ['-c', 'command -v cargo'], { env }).status, 0, 'cargo must not be on PATH');
    const built = spawnSync('npx', ['--offline', 'helpdex', 'build', samples, '--out', 'out'], { cwd: clean, env, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    assert.match(built.stderr, /^indexed 50 articles/m);

    run(native, ['build', samples, '--out', join(work, 'native'), '--quiet'], work);
    const [mine, theirs] = [tree(join(clean, 'out')), tree(join(work, 'native'))];
    assert.deepEqual([...mine.keys()], [...theirs.keys()]);
    for (const [file, contents] of theirs) assert.ok(contents.equals(mine.get(file)), `${file} differs`);
  });

  describe('the Vite + React example, installed from the tarball', { concurrency: false }, () => {
    const app = join(work, 'example');
    let browser;
    let profile;

    before(async () => {
      cpSync(example, app, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
      const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
      pkg.dependencies.helpdex = `file:${tarball}`;
      writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
      npm(['install'], app);
      profile = join(work, 'chromium-profile');
      browser = await chromium.launchPersistentContext(profile, { ...CHROMIUM, viewport: { width: 1000, height: 700 } });
    }, { timeout: 300_000 });
    after(() => browser?.close());

    test('vite build indexes the built site; in Chromium a misspelled query finds its article, Enter lands on the anchor', async () => {
      const { stdout } = run(join(app, 'node_modules/.bin/vite'), ['build'], app);
      assert.match(stdout, /helpdex: indexed 4 articles into dist\/search\//);
      const manifest = JSON.parse(readFileSync(join(app, 'dist/search/helpdex.json'), 'utf8'));
      assert.equal(manifest.articles, 4);
      // The site ships the browser modules only (search, and suggestions, which only suggest()
      // fetches: the page below never asks for it), never the Node indexer.
      const shipped = [...tree(join(app, 'dist')).entries()].filter(([file]) => file.endsWith('.wasm'));
      const names = shipped.map(([file]) => /^assets[/\\](helpdex_(?:wasm|suggest)_bg)-[\w-]+\.wasm$/.exec(file)?.[1]).sort();
      assert.deepEqual(names, ['helpdex_suggest_bg', 'helpdex_wasm_bg']);
      for (const [file, bytes] of shipped) assert.ok(bytes.length < 200_000, `${file}: ${bytes.length} bytes`);
      const server = await vite(app, ['preview']);
      try {
        const page = await browser.newPage();
        const fetched = [];
        page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
        await page.goto(`${server.origin}/`);
        await page.evaluate(() => customElements.whenDefined('helpdex-search'));
        await page.keyboard.press('Control+k');
        await page.locator('helpdex-search input').waitFor();
        await page.keyboard.type('forgot pasword');
        const first = page.locator('helpdex-search [role="option"]').first();
        await first.locator('.title', { hasText: 'Reset your password' }).waitFor();
        const href = await first.getAttribute('href');
        assert.equal(href, `${server.origin}/articles/reset-password.html#forgot-password`);
        await page.keyboard.press('Enter');
        await page.waitForURL(href);
        const heading = await page.evaluate(() => document.getElementById(location.hash.slice(1))?.textContent);
        assert.equal(heading, 'Forgot your password');

        // The React component's own search, with createSearch.
        await page.goto(`${server.origin}/`);
        await page.getByLabel('Ask a question').fill('expird card');
        const answer = page.locator('.answers a').first();
        await answer.filter({ hasText: 'Update your payment card' }).waitFor();
        assert.equal(await answer.getAttribute('href'), '/articles/update-card.html#expired-card');
        assert.ok(!fetched.some((p) => p.includes('helpdex_suggest')), 'a page that only searches never fetches the suggestion module');
        await page.close();
      } finally {
        server.stop();
      }
    });

    test('vite dev serves an index that follows the articles', async () => {
      const server = await vite(app, []);
      const added = join(app, 'articles/close-account.html');
      try {
        const articles = async () => (await (await fetch(`${server.origin}/search/helpdex.json`)).json()).articles;
        assert.equal(await articles(), 4);
        writeFileSync(added, '<!doctype html><title>Close your account</title><main><h1>Close your account</h1><p>Delete the workspace first.</p></main>');
        let count = 4;
        for (let tries = 0; tries < 50 && count === 4; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          count = await articles();
        }
        assert.equal(count, 5, server.output());
      } finally {
        server.stop();
        rmSync(added, { force: true });
      }
    });
  });
});
