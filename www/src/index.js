// The public API: createSearch() hands out a search handle; the engine runs in a Web Worker,
// or on the main thread when no worker can start. Nothing is fetched until the first
// preload() or search().
import { abortError, HelpdexError } from './errors.js';
import { inFolder, MANIFEST } from './loader.js';

export { Beacon, SearchIntents, trackingRefused } from './analytics.js';
export { HelpdexError } from './errors.js';
export { segments } from './highlight.js';

/**
 * The documented confidence threshold of suggestions (`<helpdex-suggest>`'s default): on the
 * benchmark's ticket texts it keeps most right first suggestions and silences most wrong ones
 * (tests/bench/REPORT.md has the curve).
 */
export const SUGGEST_CONFIDENCE = 0.5;

/**
 * @param {{ base?: string | URL, wasm?: string | URL | BufferSource | WebAssembly.Module,
 *   fetch?: typeof fetch, worker?: boolean }} [options]
 */
export async function createSearch({ base = '/search/', wasm, fetch, worker = true } = {}) {
  const page = globalThis.document?.baseURI ?? globalThis.location?.href;
  let url;
  try {
    url = new URL(base, page);
  } catch {
    throw new HelpdexError(`helpdex: base ${JSON.stringify(String(base))} is not a URL (outside a page, give an absolute one)`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const origin = globalThis.location?.origin;
  if (origin && url.origin !== origin) {
    throw new HelpdexError(
      `helpdex: base ${url.href} is on another origin than this page (${origin}): ` +
        'helpdex fetches index files only from the page’s own origin; serve the index from this site',
    );
  }
  const config = {
    base: url.href,
    wasm: typeof wasm === 'string' || wasm instanceof URL ? new URL(wasm, page).href : wasm,
  };
  // An injected fetch cannot cross into a worker, so it keeps the engine on this thread.
  const useWorker = worker && !fetch && typeof Worker === 'function';
  /** The search backend, and the suggestion one: its module is larger, so only suggest() loads it. */
  const backends = [];
  let firstQuery;
  const firstText = new Promise((resolve) => (firstQuery = resolve));
  // `wasm` names the search module; the suggestion one is always beside the scripts.
  const connect = (suggest = false, c = suggest ? { ...config, wasm: undefined } : config) =>
    (backends[+suggest] ??= useWorker
      ? startWorker(c, suggest ? '' : firstText, suggest).catch(() => inThisThread(c, fetch, suggest))
      : Promise.resolve(inThisThread(c, fetch, suggest)));

  /** Results for `text`, with their scores (and for a suggestion, their confidences). */
  async function ask(text, options, signal) {
    signal?.throwIfAborted();
    if (!options.suggest) firstQuery(String(text));
    const b = await connect(options.suggest);
    signal?.throwIfAborted();
    const { json, scores, confidences } = await b.request({ type: 'search', text: String(text), options }, signal);
    return JSON.parse(json).map((result, i) => {
      result.score = scores[i];
      if (options.suggest) result.confidence = confidences[i];
      return result;
    });
  }

  return {
    /** Loads the manifest, wasm and core file now, so the first search is faster. */
    preload: () => connect().then((b) => b.request({ type: 'load' })),
    /**
     * @param {string} text
     * @param {{ limit?: number, typos?: boolean, signal?: AbortSignal }} [options]
     */
    search: (text, { limit = 10, typos = true, signal } = {}) => ask(text, { limit, typos }, signal),
    /**
     * Articles that answer long text (a ticket, a chat message), each with its confidence.
     * @param {string} text
     * @param {{ limit?: number, minConfidence?: number, typos?: boolean, signal?: AbortSignal }} [options]
     */
    async suggest(text, { limit = 5, minConfidence = 0, typos = true, signal } = {}) {
      const results = await ask(text, { limit, typos, suggest: true }, signal);
      return results.filter((r) => r.confidence >= minConfidence);
    },
    /** Stops the workers; the handle can no longer search. */
    destroy() {
      for (const b of backends) b?.then((b) => b.destroy());
      const gone = Promise.reject(new HelpdexError('helpdex: this search was destroyed'));
      gone.catch(() => {});
      backends[0] = backends[1] = gone;
    },
  };
}

/**
 * Resolves once the worker's module has loaded; rejects if it cannot (CSP, old browser).
 * `firstText` resolves with the first query. The URLs are literals, one per worker, so that
 * bundlers find both.
 */
function startWorker(config, firstText, suggest) {
  return new Promise((resolve, reject) => {
    const worker = suggest
      ? new Worker(new URL('./suggest-worker.js', import.meta.url), { type: 'module' })
      : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    prefetch(config, firstText, (message, transfer) => worker.postMessage(message, transfer), suggest);
    const pending = new Map();
    let next = 1;
    worker.onerror = (event) => {
      event.preventDefault(); // reported here, not as an uncaught error on the console
      const error = new Error(`helpdex: the search worker failed: ${event.message}`);
      reject(error); // before {ready}: the caller falls back to this thread
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.onmessage = ({ data }) => {
      if (!data.ready) return;
      worker.onmessage = ({ data: { id, value, error } }) => {
        const p = pending.get(id);
        pending.delete(id);
        if (!p) return;
        if (error) p.reject(revive(error));
        else p.resolve(value);
      };
      resolve({
        request(message, signal) {
          const id = next++;
          return new Promise((resolve, reject) => {
            pending.set(id, { resolve, reject });
            worker.postMessage({ ...message, id });
            signal?.addEventListener('abort', () => {
              if (!pending.delete(id)) return;
              worker.postMessage({ type: 'cancel', id });
              reject(signal.reason ?? abortError());
            });
          });
        },
        destroy: () => worker.terminate(),
      });
    };
  });
}

/**
 * Downloads the manifest and the core file and compiles the wasm while the worker starts, so
 * the worker's first request does not wait for its own fetches, then posts them as its config.
 * When the first query is one character and comes before that, also the files the manifest
 * lists for it (its vocabulary shards, postings, and the fragments of its results), posted as
 * they arrive: its search then waits for no round trip after the index opens. Anything that fails here is left
 * out: the worker fetches it again and reports the error, naming the file.
 */
async function prefetch(config, firstText, post, suggest) {
  const { base, wasm } = config;
  // Only from the index folder, as the worker's own loader enforces.
  const get = (name, priority) => {
    const url = inFolder(name, base);
    return url ? fetch(url, { priority }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject())) : Promise.reject();
  };
  const manifest = get(MANIFEST);
  const parsed = manifest.then((bytes) => JSON.parse(new TextDecoder().decode(bytes)));
  let chunks = [];
  let posted = false;
  Promise.all([parsed, firstText])
    .then(([m, text]) => {
      text = text.trim().toLowerCase();
      if (posted || text.length !== 1) return;
      const first = m.first?.[text] ?? {};
      for (const kind of ['vocabulary', 'postings', 'fragments']) {
        for (const n of new Set(first[kind])) chunks.push([kind, n, get(m[kind][n], 'low').catch(() => undefined)]);
      }
    })
    .catch(() => {}); // a manifest this cannot read is the worker's to report
  const module =
    wasm !== undefined
      ? undefined
      : WebAssembly.compileStreaming(
          fetch(suggest ? new URL('./helpdex_suggest_bg.wasm', import.meta.url) : new URL('./helpdex_wasm_bg.wasm', import.meta.url)),
        );
  const [manifestBytes, core, compiled] = await Promise.all(
    [manifest, parsed.then((m) => get(m.core)), module].map((p) => p?.catch(() => undefined)),
  );
  posted = true;
  const prefetched = { manifest: manifestBytes, core, wasm: compiled, chunks: chunks.map(([kind, n]) => [kind, n]) };
  post({ type: 'config', config: { ...config, prefetched } }, [manifestBytes, core].filter(Boolean));
  for (const [kind, n, bytes] of chunks) bytes.then((b) => post({ type: 'chunk', kind, n, bytes: b }, b ? [b] : []));
}

/** The fallback: the same engine, on this thread. */
function inThisThread(config, fetch, suggest) {
  let engine;
  const open = () =>
    // @ts-expect-error engine-suggest.js is engine.js bundled with the suggestion module (scripts/build.mjs)
    (engine ??= (suggest ? import('./engine-suggest.js') : import('./engine.js'))
      .then((m) => m.openEngine({ ...config, fetch }))
      .catch((e) => {
        engine = undefined;
        throw e;
      }));
  return {
    async request(message, signal) {
      const e = await open();
      if (message.type !== 'search') return;
      const answer = e.search(message.text, message.options, () => !!signal?.aborted);
      if (!signal) return answer;
      // Settle as soon as the signal fires, not when the stale query's fetches end.
      return Promise.race([
        answer,
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason ?? abortError()))),
      ]);
    },
    destroy() {},
  };
}

/** Errors cross from the worker as plain data; give them back their kind. */
function revive({ name, message, file }) {
  if (name === 'AbortError') return abortError();
  if (name === 'HelpdexError') return new HelpdexError(message, file);
  return new Error(message);
}
