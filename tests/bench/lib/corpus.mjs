// Corpus preparation: the shared JSONL.gz articles become plain-text records,
// written once per run and read by every engine's build.
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { markdownToText } from './plaintext.mjs';
import { WORK_DIR, corpusSource } from './paths.mjs';

/** Streams the JSON objects of a JSONL file (gzip-compressed if the name ends in .gz). */
export async function* readJsonl(path) {
  let input = createReadStream(path);
  if (path.endsWith('.gz')) input = input.pipe(createGunzip());
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim()) yield JSON.parse(line);
  }
}

export async function readAll(path) {
  const records = [];
  for await (const record of readJsonl(path)) records.push(record);
  return records;
}

/**
 * Writes `work/corpus/<name>.jsonl` with `{id, url, title, text, lang}` records for the
 * JS and tinysearch builds, and `<name>.jsonl.gz` with the same text as `body` for
 * CLIs that take corpus files (helpdex). `limit` keeps the first N articles (smoke runs).
 */
export async function prepareCorpus({ name, source, limit = Infinity }) {
  const dir = resolve(WORK_DIR, 'corpus');
  mkdirSync(dir, { recursive: true });
  const plainPath = resolve(dir, `${name}.jsonl`);
  const gzPath = resolve(dir, `${name}.jsonl.gz`);
  const plain = createWriteStream(plainPath);
  const gzip = createGzip({ level: 6 });
  const gzOut = gzip.pipe(createWriteStream(gzPath));
  let docs = 0;
  let textBytes = 0;
  let lang = null;
  const ids = new Set();
  for await (const article of readJsonl(corpusSource(source))) {
    if (docs >= limit) break;
    const text = markdownToText(article.body);
    const record = { id: article.id, url: article.url, title: article.title, text, lang: article.lang };
    lang ??= article.lang;
    ids.add(article.id);
    docs += 1;
    textBytes += Buffer.byteLength(record.title) + Buffer.byteLength(text);
    // Respect back-pressure so a 240 MB corpus never sits in memory twice.
    if (!plain.write(`${JSON.stringify(record)}\n`)) await new Promise((r) => plain.once('drain', r));
    const { text: body, ...rest } = record;
    if (!gzip.write(`${JSON.stringify({ ...rest, body })}\n`)) await new Promise((r) => gzip.once('drain', r));
  }
  plain.end();
  gzip.end();
  await Promise.all([finished(plain), finished(gzOut)]);
  return { name, source, lang, docs, textBytes, plainPath, gzPath, ids };
}
