// lunr with a boosted title field. Each query word is searched exact (boost 100),
// as a prefix (boost 10, for the word being typed) and with edit distance 1
// (fuzzy) — the combination lunr's searching guide builds from term clauses.
import lunr from 'lunr';
import { segmentWords } from '../segment.mjs';

/** Query words as the index saw them: lunr's tokenizer + trimmer for English, segmentation for zh. */
export function words(text, lang) {
  if (lang === 'zh') return segmentWords(text);
  return lunr.tokenizer(text).map((t) => t.toString().replace(/^\W+|\W+$/g, '')).filter(Boolean);
}

/** lunr tokenizer (array of lunr.Token) for Chinese fields. */
export function zhTokenizer(text) {
  if (text == null) return [];
  return segmentWords(String(text)).map((w, i) => new lunr.Token(w, { position: [0, 0], index: i }));
}

export async function open(env) {
  // `titles` ships with the index so a result can be shown without another fetch.
  const { index } = JSON.parse(await env.fetchText('index.json'));
  const idx = lunr.Index.load(index);
  const search = (q, limit) => {
    const terms = words(q, env.lang);
    if (terms.length === 0) return [];
    const hits = idx.query((query) => {
      for (const term of terms) {
        query.term(term, { boost: 100 });
        query.term(term, { boost: 10, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        query.term(term, { boost: 1, editDistance: 1 });
      }
    });
    return hits.slice(0, limit).map((h) => h.ref);
  };
  return { search };
}
