// Order statistics used to summarise repeated measurements.

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median of repeated runs plus the spread, so the report can say what varied. */
export function summarize(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/**
 * Latency passes (arrays of per-search milliseconds) -> median over passes of each
 * pass's p50 and p95, with their spread.
 */
export function summarizePasses(passes) {
  return {
    p50: summarize(passes.map((d) => percentile(d, 50))),
    p95: summarize(passes.map((d) => percentile(d, 95))),
    searches: passes.reduce((n, d) => n + d.length, 0),
  };
}
