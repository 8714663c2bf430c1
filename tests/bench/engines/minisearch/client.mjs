// MiniSearch as its README sets it up for a search box: title and text fields,
// title boosted 2x, prefix and fuzzy (0.2) matching; titles stored for display.
import MiniSearch from 'minisearch';
import { segmentWords } from '../segment.mjs';

export function options(lang) {
  return {
    fields: ['title', 'text'],
    storeFields: ['title'],
    ...(lang === 'zh' ? { tokenize: segmentWords } : {}),
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
  };
}

export async function open(env) {
  const index = MiniSearch.loadJSON(await env.fetchText('index.json'), options(env.lang));
  return { search: (q, limit) => index.search(q).slice(0, limit).map((r) => r.id) };
}
