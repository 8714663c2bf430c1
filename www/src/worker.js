// The Web Worker: runs the engine off the main thread so typing never waits on a search.
// Protocol (index.js is the other side): the worker says {ready} once its module has run;
// {type: "config"} starts loading the index (it may come after the first requests: the page
// sends it once its prefetch of the first files ends); it may name chunks the page is still
// downloading, whose bytes follow as {type: "chunk", kind, n, bytes}; the worker answers
// {id, type: "load" | "search"} with {id, value} or {id, error}; {id, type: "cancel"} drops a
// superseded search at its next fetch.
import { openEngine } from './engine.js';

let setConfig;
const config = new Promise((resolve) => (setConfig = resolve));
let engine;
let retry = false;
/** Files the page is downloading: "vocabulary1"/"postings3"/"fragments0" → hands over its bytes. */
const fromPage = new Map();
/** Running requests: id → whether they were cancelled. */
const running = new Map();

function open() {
  // A failed open is retried by the next request (the network may be back), fetching every
  // file itself: the first try used up what the page prefetched.
  engine ??= config
    .then((c) => openEngine(retry ? { ...c, prefetched: undefined } : c))
    .catch((e) => {
      retry = true;
      engine = undefined;
      throw e;
    });
  return engine;
}

addEventListener('message', async ({ data }) => {
  const { id, type } = data;
  if (type === 'chunk') return void fromPage.get(data.kind + data.n)?.(data.bytes);
  if (type === 'config') {
    const { prefetched } = data.config;
    if (prefetched) prefetched.chunks = prefetched.chunks.map(([kind, n]) => [kind, n, new Promise((r) => fromPage.set(kind + n, r))]);
    setConfig(data.config);
    return void open().catch(() => {}); // a failure is reported to the request that needs it
  }
  if (type === 'cancel') return void (running.has(id) && running.set(id, true));
  running.set(id, false);
  try {
    const e = await open();
    const value = type === 'search' ? await e.search(data.text, data.options, () => running.get(id)) : undefined;
    postMessage({ id, value });
  } catch (error) {
    postMessage({ id, error: { name: error.name, message: error.message, file: error.file } });
  } finally {
    running.delete(id);
  }
});

postMessage({ ready: true });
