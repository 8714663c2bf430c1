import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { jsEngine } from '../js-engine.mjs';
import { options } from './client.mjs';

export default jsEngine({
  name: 'minisearch',
  label: 'MiniSearch',
  packages: ['minisearch'],
  settings:
    'fields title+text, storeFields title, searchOptions {boost: {title: 2}, prefix: true, fuzzy: 0.2} (README); zh: Intl.Segmenter tokenizer',
  build(records, outDir, { lang }) {
    const index = new MiniSearch(options(lang));
    index.addAll(records);
    writeFileSync(join(outDir, 'index.json'), JSON.stringify(index));
  },
});
