// FlexSearch document index as its examples configure one for a search box:
// "forward" tokenizer (prefix matches while typing) on title and text, the
// LatinBalance encoder for English (its phonetic fuzziness) and the CJK charset
// for Chinese, suggest mode and merged field results (title field first).
import { Charset, Document } from 'flexsearch';

export function options(lang) {
  const encoder = lang === 'zh' ? Charset.CJK : Charset.LatinBalance;
  return {
    document: {
      id: 'id',
      store: ['title'],
      index: [
        { field: 'title', tokenize: 'forward', encoder },
        { field: 'text', tokenize: 'forward', encoder },
      ],
    },
  };
}

export async function open(env) {
  const index = new Document(options(env.lang));
  const keys = JSON.parse(await env.fetchText('manifest.json'));
  for (const key of keys) await index.import(key, await env.fetchText(`parts/${key}.json`));
  return {
    search: (q, limit) => index.search(q, { limit, suggest: true, merge: true }).slice(0, limit).map((r) => r.id),
  };
}
