// The query conversation with the wasm index: fetch what a query needs, then answer it. Runs
// in the Web Worker, or on the main thread when there is no worker.
import init, { Index } from '../wasm/helpdex_wasm.js';
import { abortError, fileError, HelpdexError } from './errors.js';
import { IndexFiles } from './loader.js';

/**
 * Opens the index in `base`. The wasm compiles while the manifest and core file download;
 * `prefetched` holds any of them the page already has (raw manifest and core file bytes, the
 * compiled module), and chunks the page is downloading: ["postings" | "fragments", chunk
 * number, promise of its raw bytes, or of undefined if the download failed].
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
  if (index.postingsChunks !== manifest.postings.length || index.fragmentsChunks !== manifest.fragments.length) {
    throw fileError(files.manifestUrl, 'the manifest and the core file disagree on the number of chunks');
  }
  return new Engine(index, files, manifest, prefetched.chunks);
}

class Engine {
  /** Chunk loads, by "postings3"/"fragments0", shared by concurrent queries. */
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
    for (let missing; (this.#calls++, (missing = suggest ? index.missingSuggestPostings(text, typos) : index.missingPostings(text, typos))).length; ) {
      await Promise.all(Array.from(missing, (n) => this.#load('postings', n)));
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
      const chunks = at(1);
      const needed = [...new Set(chunks)].filter((n) => !index.hasFragments(n));
      if (!needed.length) {
        return { json: index.results(), scores: at(2), confidences: at(3) };
      }
      await Promise.all(needed.map((n) => this.#load('fragments', n)));
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
          if (kind === 'postings') this.index.addPostings(n, bytes);
          else this.index.addFragments(n, bytes);
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
