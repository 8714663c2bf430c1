// Fuse.js in its token-search mode, which its docs recommend for document search
// bars: each query word fuzzy-matched on its own, BM25-like IDF ranking, title
// weighted 2x, match location ignored (bodies are long). Fuse searches the text
// itself, so the serialized index carries every article's full text.
import Fuse from 'fuse.js';
import { segmentWords } from '../segment.mjs';

export const KEYS = [
  { name: 'title', weight: 2 },
  { name: 'text', weight: 1 },
];

export function options(lang) {
  return {
    keys: KEYS,
    useTokenSearch: true,
    ignoreLocation: true,
    ...(lang === 'zh' ? { tokenize: segmentWords } : {}),
  };
}

export async function open(env) {
  const { docs, index } = JSON.parse(await env.fetchText('index.json'));
  const fuse = new Fuse(docs, options(env.lang), Fuse.parseIndex(index));
  return { search: (q, limit) => fuse.search(q, { limit }).map((r) => r.item.id) };
}
