// Child process for one engine build: load the plain-text corpus, build, write
// the index to OUT_DIR. Run by the harness under runMeasured, so its wall time
// and peak memory (this process plus any helper it spawns) are the engine's.
// ENGINE "-" only loads the corpus: the baseline every JS build pays.
//   node worker/build.mjs ENGINE PLAIN.jsonl OUT_DIR LANG
import { mkdirSync } from 'node:fs';
import { readAll } from '../lib/corpus.mjs';

const [engineName, plainPath, outDir, lang] = process.argv.slice(2);
const records = await readAll(plainPath);
if (engineName !== '-') {
  const { default: engine } = await import(`../engines/${engineName}/index.mjs`);
  mkdirSync(outDir, { recursive: true });
  await engine.build(records, outDir, { lang });
}
