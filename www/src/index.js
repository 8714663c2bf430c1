// The public API: createSearch() hands out a search handle; the engine runs in a Web Worker,
// or on the main thread when no worker can start. Nothing is fetched until the first
// preload() or search().
import { abortError, HelpdexError } from './errors.js';
import { inFolder, MANIFEST } from './loader.js';

export { HelpdexError } from './errors.js';
export { segments } from './highlight.js';

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
  let backend;
  const connect = () =>
    (backend ??= useWorker
      ? startWorker(config).catch(() => inThisThread(config))
      : Promise.resolve(inThisThread(config, fetch)));

  return {
    /** Loads the manifest, wasm and core file now, so the first search is faster. */
    preload: () => connect().then((b) => b.request({ type: 'load' })),
    /**
     * @param {string} text
     * @param {{ limit?: number, typos?: boolean, signal?: AbortSignal }} [options]
     */
    async search(text, { limit = 10, typos = true, signal } = {}) {
      signal?.throwIfAborted();
      const b = await connect();
      signal?.throwIfAborted();
      return b.request({ type: 'search', text: String(text), options: { limit, typos } }, signal);
    },
    /** Stops the worker; the handle can no longer search. */
    destroy() {
      backend?.then((b) => b.destroy());
      backend = Promise.reject(new HelpdexError('helpdex: this search was destroyed'));
      backend.catch(() => {});
    },
  };
}

/** Resolves once the worker's module has loaded; rejects if it cannot (CSP, old browser). */
function startWorker(config) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    // Read once the worker's module has run; by then the files it needs first are here.
    prefetch(config).then(([prefetched, transfer]) =>
      worker.postMessage({ type: 'config', config: { ...config, prefetched } }, transfer),
    );
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
 * the worker's first request does not wait for its own fetches. Anything that fails here is
 * left out: the worker fetches it again and reports the error, naming the file.
 */
async function prefetch({ base, wasm }) {
  const get = (url) => fetch(url).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject()));
  const index = get(new URL(MANIFEST, base)).then(async (manifest) => {
    // Only from the index folder, as the worker's own loader enforces.
    const core = inFolder(JSON.parse(new TextDecoder().decode(manifest)).core, base);
    return { manifest, core: core ? await get(core) : undefined };
  });
  const module = wasm === undefined ? WebAssembly.compileStreaming(fetch(new URL('./helpdex_wasm_bg.wasm', import.meta.url))) : undefined;
  const [files, compiled] = await Promise.all([index.catch(() => ({})), module?.catch(() => undefined)]);
  const prefetched = { ...files, wasm: compiled };
  return [prefetched, [files.manifest, files.core].filter(Boolean)];
}

/** The fallback: the same engine, on this thread. */
function inThisThread(config, fetch) {
  let engine;
  const open = () =>
    (engine ??= import('./engine.js')
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
