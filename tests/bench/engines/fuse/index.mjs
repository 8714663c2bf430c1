import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { jsEngine } from '../js-engine.mjs';
import { KEYS } from './client.mjs';

export default jsEngine({
  name: 'fuse',
  label: 'Fuse.js',
  packages: ['fuse.js'],
  settings:
    'useTokenSearch (docs: "document search"), keys title (weight 2) + text, ignoreLocation, default threshold 0.6; zh: Intl.Segmenter tokenizer (as its docs suggest)',
  build(records, outDir) {
    const index = Fuse.createIndex(KEYS, records);
    // The records inside the index hold the searchable text; the docs list only
    // needs what a result shows.
    const docs = records.map(({ id, title }) => ({ id, title }));
    writeFileSync(join(outDir, 'index.json'), JSON.stringify({ docs, index: index.toJSON() }));
  },
});
