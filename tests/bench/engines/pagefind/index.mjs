import * as pagefind from 'pagefind';
import { jsEngine } from '../js-engine.mjs';

// Pagefind's own code (bundle, wasm, UI assets) versus index data (entry, meta,
// word-range index chunks, per-page fragments, filters).
const LIBRARY = /(\.js|\.css|^wasm\..*\.pagefind)$/;
const BATCH = 200;

function check(response, what) {
  if (response.errors?.length) throw new Error(`pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

export default jsEngine({
  name: 'pagefind',
  label: 'Pagefind',
  packages: ['pagefind'],
  settings:
    'Node API createIndex() + addCustomRecord({url, content, language, meta: {title}}), default ranking; searched with its pagefind.js bundle (zh segmented by its extended binary)',
  nodeSearch: false,
  classify: (file) => (LIBRARY.test(file.split('/').pop()) ? 'library' : 'index'),
  async build(records, outDir, { lang }) {
    const { index } = check(await pagefind.createIndex({}), 'createIndex');
    try {
      // Batches keep the service pipe busy without queueing 48k requests at once.
      for (let i = 0; i < records.length; i += BATCH) {
        const batch = records.slice(i, i + BATCH).map((r) =>
          index.addCustomRecord({ url: `/${encodeURIComponent(r.id)}`, content: r.text, language: lang, meta: { title: r.title } }),
        );
        for (const response of await Promise.all(batch)) check(response, 'addCustomRecord');
      }
      check(await index.writeFiles({ outputPath: outDir }), 'writeFiles');
    } finally {
      await pagefind.close();
    }
  },
});
