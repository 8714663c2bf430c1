// The latency page: records when the first key of the session (and the first letter) was pressed and when the first
// results were on screen (the frame after the box rendered them); bench.typeAll() types
// queries one keystroke at a time through the API.
import '/helpdex/define.js';
import { createSearch } from '/helpdex/helpdex.js';

const marks = (window.marks = {});
document.addEventListener(
  'keydown',
  (e) => {
    marks.firstKey ??= performance.now();
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) marks.firstLetter ??= performance.now();
  },
  { capture: true },
);
document.addEventListener('helpdex-error', (e) => (marks.error = e.detail.error.message));
document.addEventListener('helpdex-results', (e) => {
  if (marks.firstResults || !e.detail.results.length) return;
  requestAnimationFrame(() => setTimeout(() => (marks.firstResults = performance.now())));
});

let hx;
window.bench = {
  /** A fresh search handle: in a worker, or the engine alone on this thread. */
  async open(worker) {
    hx?.destroy();
    hx = await createSearch({ base: '/search/', worker });
  },
  /**
   * Searches every prefix of every query, in order: [characters typed, milliseconds] per call,
   * timed as the page sees each answer.
   */
  async typeAll(queries) {
    const times = [];
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const t = performance.now();
        await hx.search(q.slice(0, i), { limit: 10 });
        times.push([i, performance.now() - t]);
      }
    }
    return times;
  },
};
