// `helpdex/build`: build an index from a Node program (a docs site's build script, a bundler
// plugin). It is the `helpdex build` command, run in WebAssembly (wasi.js) with `--json`:
// directories are passed as inputs, files and records are staged in a temporary folder (files
// under their own paths, records as one JSON Lines file), and the command's JSON report gives
// problems back as data. So the index bytes, the rules for every format and the atomic write
// are the CLI's own.
import { mkdir, mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { run } from './wasi.js';

/** The path problems of records added with `addRecord` are reported under. */
export const RECORDS = 'records';

/**
 * @typedef {import('../types/build.js').IndexOptions} IndexOptions
 * @typedef {import('../types/build.js').ArticleRecord} ArticleRecord
 * @typedef {import('../types/build.js').Reported} Reported
 * @typedef {import('../types/build.js').BuildReport} BuildReport
 * @typedef {import('../types/build.js').IndexFile} IndexFile
 */

/**
 * A new, empty index to add articles to.
 * @param {IndexOptions} [options]
 */
export function createIndex(options = {}) {
  return new HelpdexIndex(options);
}

export class HelpdexIndex {
  #options;
  /** @type {string[]} */
  #directories = [];
  /** @type {Map<string, string | Uint8Array>} */
  #files = new Map();
  /** @type {string[]} records as JSON Lines */
  #records = [];

  /** @param {IndexOptions} options */
  constructor(options) {
    this.#options = options;
  }

  /**
   * Indexes a folder of Markdown and HTML files (and `.jsonl`/`.json` inputs: any path
   * `helpdex build` takes). Read when the index is built.
   * @param {string} path
   */
  addDirectory(path) {
    this.#directories.push(path);
  }

  /**
   * Indexes one Markdown or HTML file, as if it were at `path` in a folder: `guide/a.md` gets
   * the url `{baseUrl}guide/a`.
   * @param {string} path relative, without `..`
   * @param {string | Uint8Array} contents
   */
  addFile(path, contents) {
    const clean = normalize(path);
    if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`)) {
      throw new TypeError(`helpdex: addFile needs a relative path inside the site, not ${JSON.stringify(path)}`);
    }
    this.#files.set(clean, contents);
  }

  /**
   * Indexes one article given as data (`body` is Markdown), as a line of a `.jsonl` input.
   * @param {ArticleRecord} record
   */
  addRecord(record) {
    this.#records.push(JSON.stringify(record));
  }

  /**
   * Builds the index and returns its files in memory, with the report.
   * @returns {Promise<BuildReport & { files: IndexFile[] }>}
   */
  async getFiles() {
    const out = await mkdtemp(join(tmpdir(), 'helpdex-out-'));
    try {
      const report = await this.#build(out);
      const files = report.written ? await readTree(out) : [];
      return { ...report, files };
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }

  /**
   * Builds the index into `dir`, replacing the index there atomically, as `helpdex build --out`
   * does.
   * @param {string} dir
   * @returns {Promise<BuildReport>}
   */
  writeFiles(dir) {
    return this.#build(dir);
  }

  /**
   * Runs `helpdex build --json` over everything added.
   * @param {string} out
   * @returns {Promise<BuildReport>}
   */
  async #build(out) {
    const stage = await mkdtemp(join(tmpdir(), 'helpdex-in-'));
    try {
      const inputs = [...this.#directories];
      const files = join(stage, 'files');
      if (this.#files.size > 0) {
        for (const [path, contents] of this.#files) {
          await mkdir(join(files, path, '..'), { recursive: true });
          await writeFile(join(files, path), contents);
        }
        inputs.push(files);
      }
      const records = join(stage, `${RECORDS}.jsonl`);
      if (this.#records.length > 0) {
        await writeFile(records, this.#records.join('\n') + '\n');
        inputs.push(records);
      }
      if (inputs.length === 0) throw new Error('helpdex: nothing to index: add a directory, a file or a record first');

      const { code, stdout, stderr } = await capture(stage, ['build', ...inputs, '--out', out, ...flags(this.#options)]);
      const report = stdout.trim() ? JSON.parse(stdout.trim().split('\n').pop() ?? '') : null;
      // Staged paths read back as the caller gave them.
      /** @param {Reported} r */
      const unstage = (r) =>
        r.path === records
          ? { ...r, path: RECORDS }
          : r.path.startsWith(files + sep)
            ? { ...r, path: r.path.slice(files.length + 1) }
            : r;
      const result = report && {
        written: report.written,
        articles: report.articles,
        terms: report.terms,
        problems: report.problems.map(unstage),
        warnings: report.warnings.map(unstage),
        skipped: report.skipped.map(unstage),
        excluded: report.excluded,
      };
      // Exit 2: nothing could be built (no articles, an unreadable input or synonyms file).
      if (code === 2 || !result) {
        const message = stderr.trim().split('\n').filter((l) => l.startsWith('error: ')).pop() ?? stderr.trim();
        throw Object.assign(new Error(`helpdex: ${message.replace(/^error: /, '')}`), { report: result });
      }
      return result;
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
  }
}

/** @param {IndexOptions} o */
function flags(o) {
  const args = ['--quiet', '--json'];
  if (o.baseUrl !== undefined) args.push('--base-url', o.baseUrl);
  for (const glob of o.include ?? []) args.push('--include', glob);
  for (const glob of o.exclude ?? []) args.push('--exclude', glob);
  if (o.maxArticleBytes !== undefined) args.push('--max-article-bytes', String(o.maxArticleBytes));
  if (o.synonyms !== undefined) args.push('--synonyms', o.synonyms);
  if (o.strict) args.push('--strict');
  return args;
}

/**
 * Runs the command with its standard output and error going to files in `dir`, and reads them.
 * (Node's WASI takes file descriptors only.)
 * @param {string} dir
 * @param {string[]} args
 */
async function capture(dir, args) {
  const outPath = join(dir, 'stdout');
  const errPath = join(dir, 'stderr');
  const [out, err] = await Promise.all([open(outPath, 'w'), open(errPath, 'w')]);
  let code;
  try {
    code = await run(args, { stdout: out.fd, stderr: err.fd });
  } finally {
    await Promise.all([out.close(), err.close()]);
  }
  const [stdout, stderr] = await Promise.all([readFile(outPath, 'utf8'), readFile(errPath, 'utf8')]);
  return { code, stdout, stderr };
}

/**
 * Every file under `dir`, with `/`-separated paths, in a stable order.
 * @param {string} dir
 * @returns {Promise<IndexFile[]>}
 */
async function readTree(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1))
    .sort();
  return Promise.all(
    paths.map(async (path) => ({ path: path.split(sep).join('/'), contents: new Uint8Array(await readFile(join(dir, path))) })),
  );
}
