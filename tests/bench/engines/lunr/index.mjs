import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { jsEngine } from '../js-engine.mjs';
import { zhTokenizer } from './client.mjs';

export default jsEngine({
  name: 'lunr',
  label: 'lunr',
  packages: ['lunr'],
  settings:
    'ref id, fields title (boost 10) + text, default English pipeline; query: each word exact^100, prefix*^10, fuzzy~1; zh: Intl.Segmenter tokenizer, empty pipeline (lunr trimmer strips Han characters)',
  build(records, outDir, { lang }) {
    const index = lunr(function configure() {
      this.ref('id');
      this.field('title', { boost: 10 });
      this.field('text');
      if (lang === 'zh') {
        this.tokenizer = zhTokenizer;
        this.pipeline.reset();
        this.searchPipeline.reset();
      }
      for (const r of records) this.add(r);
    });
    const titles = Object.fromEntries(records.map((r) => [r.id, r.title]));
    writeFileSync(join(outDir, 'index.json'), JSON.stringify({ index, titles }));
  },
});
