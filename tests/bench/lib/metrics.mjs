// Relevance metrics for known-item queries with binary relevance, cut at 10.

export const K = 10;

/** Reciprocal rank of the first relevant id in the top K, 0 if none. */
export function reciprocalRank(ranked, relevant) {
  const rel = new Set(relevant);
  const at = ranked.slice(0, K).findIndex((id) => rel.has(id));
  return at < 0 ? 0 : 1 / (at + 1);
}

/** Share of the relevant ids found in the top K. */
export function recall(ranked, relevant) {
  const rel = new Set(relevant);
  return ranked.slice(0, K).filter((id) => rel.has(id)).length / rel.size;
}

/** nDCG@K with gain 1 per relevant id and log2(rank + 1) discount. */
export function ndcg(ranked, relevant) {
  const rel = new Set(relevant);
  const discount = (i) => 1 / Math.log2(i + 2);
  let dcg = 0;
  ranked.slice(0, K).forEach((id, i) => {
    if (rel.has(id)) dcg += discount(i);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(rel.size, K); i += 1) ideal += discount(i);
  return dcg / ideal;
}

/**
 * Means of the three metrics per query kind and over all queries.
 * `results` maps qid -> ranked ids; a query without results counts as all zeros.
 */
export function evaluate(queries, results) {
  const groups = new Map([['all', []]]);
  for (const q of queries) {
    const ranked = results[q.qid] ?? [];
    const scores = { mrr: reciprocalRank(ranked, q.relevant), recall: recall(ranked, q.relevant), ndcg: ndcg(ranked, q.relevant) };
    if (!groups.has(q.kind)) groups.set(q.kind, []);
    groups.get(q.kind).push(scores);
    groups.get('all').push(scores);
  }
  const out = {};
  for (const [kind, list] of groups) {
    const mean = (key) => list.reduce((s, x) => s + x[key], 0) / list.length;
    out[kind] = { n: list.length, mrr: mean('mrr'), recall: mean('recall'), ndcg: mean('ndcg') };
  }
  return out;
}
