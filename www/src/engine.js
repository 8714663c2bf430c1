// The query conversation with the wasm index: fetch what a query needs, then answer it. Runs
// in the Web Worker, or on the main thread when there is no worker.
import init, { Index } from '../wasm/helpdex_wasm.js';
import { abortError, fileError, HelpdexError } from './errors.js';
import { IndexFiles } from './loader.js';

/** The kinds of index file, in the order the wasm numbers them. */
const KINDS = ['vocabulary', 'postings', 'fragments'];

/**
 * Opens the index in `base`. The wasm compiles while the manifest and core file download;
 * `prefetched` holds any of them the page already has (raw manifest and core file bytes, the
 * compiled module), and files the page is downloading: ["vocabulary" | "postings" |
 * "fragments", number, promise of its raw bytes, or of undefined if the download failed].
 * @param {{ base: string, wasm?: any, fetch?: typeof fetch,
 *   prefetched?: { manifest?: ArrayBuffer, core?: ArrayBuffer, wasm?: WebAssembly.Module,
 *   chunks?: [string, number, Promise<ArrayBuffer | undefined>][] } }} options
 */
export async function openEngine({ base, wasm, fetch: fetchImpl, prefetched = {} }) {
  const files = new IndexFiles(new URL(base), fetchImpl ?? ((url) => fetch(url)));
  wasm = prefetched.wasm ?? wasm;
  const started = init(wasm === undefined ? undefined : { module_or_path: wasm }).catch((e) => {
    throw new HelpdexError(`helpdex: cannot start the search module (helpdex_wasm_bg.wasm): ${e.message}`);
  });
  const [[manifest, core]] = await Promise.all([
    files.manifest(prefetched.manifest).then(async (m) => {
      const url = files.url(m.core);
      const core = await (prefetched.core ? files.decode(url, prefetched.core) : files.bytes(url));
      return /** @type {const} */ ([m, core]);
    }),
    started,
  ]);
  const coreUrl = files.url(manifest.core);
  let index;
  try {
    // The wasm checks the core's format version (and everything else) against its own.
    index = new Index(core);
  } catch (e) {
    throw fileError(coreUrl, e.message);
  }
  // The version field sits at bytes 4–5 of every index file's header, in all versions.
  const version = core[4] | (core[5] << 8);
  if (manifest.helpdex !== version) {
    throw fileError(files.manifestUrl, `says index format version ${manifest.helpdex}, but its core file is version ${version}: rebuild the index`);
  }
  if (index.buildId !== manifest.build) {
    throw fileError(coreUrl, `belongs to build ${index.buildId}, but ${files.manifestUrl} names build ${manifest.build}: the files come from different builds`);
  }
  if (index.files().some((count, kind) => count !== manifest[KINDS[kind]].length)) {
    throw fileError(files.manifestUrl, 'the manifest and the core file disagree on the number of chunks');
  }
  return new Engine(index, files, manifest, prefetched.chunks);
}

class Engine {
  /** File loads, by "vocabulary1"/"postings3"/"fragments0", shared by concurrent queries. */
  #loads = new Map();
  /** Calls that plan or search: `result` presents the last one's hits. */
  #calls = 0;

  constructor(index, files, manifest, downloads = []) {
    this.index = index;
    this.files = files;
    this.manifest = manifest;
    for (const [kind, n, bytes] of downloads) this.#load(kind, n, bytes);
  }

  /**
   * Ranked results for `text`, as `{ json, scores }` (index.js parses them): one string crosses
   * from the worker to the page more cheaply than the objects it holds. Fetching happens
   * first; `results` then presents the index's last search, so no other query may have used
   * the index between it and `search`.
   * With `suggest`, `text` is long text (a ticket, a chat message) and the answer also holds
   * each result's `confidences`.
   * @param {string} text
   * @param {{ limit?: number, typos?: boolean, suggest?: boolean }} [options]
   * @param {() => boolean} [superseded] checked after each fetch, to drop a stale query early
   */
  async search(text, { limit = 10, typos = true, suggest = false } = {}, superseded = () => false) {
    if (!text.trim()) return { json: '[]', scores: [], confidences: [] };
    const index = this.index;
    const stride = suggest ? 4 : 3;
    // Vocabulary shards until the plan is complete, then the postings chunks it reads.
    for (let missing; (this.#calls++, (missing = suggest ? index.missingSuggest(text, typos) : index.missing(text, typos))).length; ) {
      const loads = [];
      for (let i = 0; i < missing.length; i += 2) loads.push(this.#load(KINDS[missing[i]], missing[i + 1]));
      await Promise.all(loads);
      if (superseded()) throw abortError();
    }
    for (let flat, call; ; ) {
      // Searched again only if another query used the index while this one waited.
      if (call !== this.#calls) {
        // [doc, fragments chunk, score, (confidence,) …]
        flat = suggest ? index.suggest(text, limit, typos) : index.search(text, limit, typos);
        call = ++this.#calls;
      }
      // Triples, or quadruples with each suggestion's confidence.
      const at = (k) => flat.filter((_, i) => i % stride === k);
      // Undefined while a hit's fragments chunk is missing; loaded chunks load at once.
      const json = index.results();
      if (json !== undefined) return { json, scores: at(2), confidences: at(3) };
      await Promise.all([...new Set(at(1))].map((n) => this.#load('fragments', n)));
      if (superseded()) throw abortError();
    }
  }

  /** Loads chunk `n`: from `download` (the page's, may be undefined) or else fetched here. */
  #load(kind, n, download) {
    const key = kind + n;
    let load = this.#loads.get(key);
    if (!load) {
      const url = this.files.url(this.manifest[kind][n]);
      const raw = Promise.resolve(download).then((b) => (b ? this.files.decode(url, b) : this.files.bytes(url)));
      load = raw.then((bytes) => {
        try {
          this.index.add(KINDS.indexOf(kind), n, bytes);
        } catch (e) {
          throw fileError(url, e.message);
        }
      });
      // A failed chunk is fetched again by the next query that needs it.
      load.catch(() => this.#loads.delete(key));
      this.#loads.set(key, load);
    }
    return load;
  }
}
