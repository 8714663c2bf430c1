// `npx helpdex` (node/cli.js: the command in WebAssembly under Node's WASI) against the native
// binary: the same index bytes, messages and exit statuses for the samples, en-help, bad input,
// --strict, a missing input and `helpdex search`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { nativeCli as native, shared, tree, www } from './helpers.mjs';

const work = join(www, 'test/work/node-cli');
const cli = join(www, 'node/cli.js');

/** Runs a command in `work`, returning its status and output. */
function run(command, args, input) {
  const { status, stdout, stderr } = spawnSync(command, args, { cwd: work, encoding: 'utf8', input });
  return { status, stdout, stderr };
}
const both = (args, input) => [run(native, args, input), run(process.execPath, [cli, ...args], input)];

/**
 * Messages without what may differ: the build's timings, and the numbers of OS errors, which
 * are WASI's under Node (ENOENT is 44 there, 2 on Linux); their text is the same.
 */
const untimed = (text) => text.replace(/ in [\d.]+ s \(reading [\d.]+ s\)/, '').replace(/ \(os error \d+\)/g, '');

function sameBuild(inputs, flags = []) {
  rmSync(join(work, 'native'), { recursive: true, force: true });
  rmSync(join(work, 'node'), { recursive: true, force: true });
  const a = run(native, ['build', ...inputs, '--out', 'native', ...flags]);
  const b = run(process.execPath, [cli, 'build', ...inputs, '--out', 'node', ...flags]);
  assert.equal(b.status, a.status, b.stderr);
  assert.equal(untimed(b.stderr).replaceAll(' to node:', ' to native:'), untimed(a.stderr));
  if (a.status === 0) {
    const [x, y] = [tree(join(work, 'native')), tree(join(work, 'node'))];
    assert.deepEqual([...y.keys()], [...x.keys()]);
    for (const [path, bytes] of x) assert.ok(bytes.equals(y.get(path)), `${path} differs`);
    assert.ok(x.size > 3, `only ${x.size} files`);
  }
  return b;
}

describe('npx helpdex matches the native binary', { concurrency: false }, () => {
  test('setup', () => {
    assert.ok(existsSync(native), `${native} is missing: npm test's pretest builds it`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  });

  for (const samples of ['en-help-md', 'zh-help-md']) {
    test(`the ${samples} samples: byte-identical files, the same summary`, () => {
      const { stderr } = sameBuild([join(shared, 'corpora/samples', samples)]);
      assert.match(stderr, /^indexed 50 articles/m);
    });
  }

  test('en-help (2,446 JSON Lines records): byte-identical files', { skip: !existsSync(join(shared, 'corpora/en-help.jsonl.gz')) && 'no ../shared/corpora/en-help.jsonl.gz' }, () => {
    sameBuild([join(shared, 'corpora/en-help.jsonl.gz')], ['--quiet']);
  });

  test('a bad article is reported the same way, the rest indexed; --strict fails alike', () => {
    const site = join(work, 'site');
    mkdirSync(join(site, 'guide'), { recursive: true });
    writeFileSync(join(site, 'guide/good.md'), '---\ntitle: Printing\n---\nHow to print a page.\n');
    writeFileSync(join(site, 'guide/bad.md'), '---\ntitle: [unclosed\n---\nBroken front matter.\n');
    writeFileSync(join(site, 'draft.md'), '---\ntitle: Soon\ndraft: true\n---\nNot yet.\n');
    const { stderr } = sameBuild(['site']);
    assert.match(stderr, /^warning: site[/\\]guide[/\\]bad\.md:3: broken front matter/m);
    assert.match(stderr, /^indexed 1 articles/m);
    const strict = sameBuild(['site'], ['--strict']);
    assert.equal(strict.status, 1);
  });

  test('a missing input is the same fatal error (exit 2)', () => {
    const [a, b] = both(['build', 'no-such-folder', '--out', 'x']);
    assert.equal(a.status, 2);
    assert.equal(b.status, 2);
    assert.equal(untimed(b.stderr), untimed(a.stderr));
    assert.match(b.stderr, /^error: no-such-folder: No such file or directory/);
  });

  test('helpdex search answers the same, from arguments and from standard input', () => {
    sameBuild([join(shared, 'corpora/samples/en-help-md')], ['--quiet']);
    const [a, b] = both(['search', '--index', 'native', 'outlok hyperlinks']);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(b.stdout, a.stdout);
    assert.match(b.stdout, /Hyperlinks/);
    const [c, d] = both(['search', '--index', 'native', '--json'], 'pasword reset\nexchange mailbox\n');
    assert.equal(d.stdout, c.stdout);
    assert.equal(d.stdout.trim().split('\n').length, 2);
  });
});
