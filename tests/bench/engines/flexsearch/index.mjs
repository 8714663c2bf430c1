import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'flexsearch';
import { jsEngine } from '../js-engine.mjs';
import { options } from './client.mjs';

export default jsEngine({
  name: 'flexsearch',
  label: 'FlexSearch',
  packages: ['flexsearch'],
  settings:
    'Document index, fields title+text, tokenize "forward", encoder Charset.LatinBalance (en) / Charset.CJK (zh), store title; search {suggest: true, merge: true}',
  async build(records, outDir, { lang }) {
    const index = new Document(options(lang));
    for (const r of records) index.add(r);
    // FlexSearch exports an index as named parts (its documented export/import);
    // a site serves them as JSON files plus a list of their names.
    mkdirSync(join(outDir, 'parts'), { recursive: true });
    const keys = [];
    await index.export((key, data) => {
      keys.push(key);
      writeFileSync(join(outDir, 'parts', `${key}.json`), data ?? '');
    });
    writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(keys));
  },
});
