// Fetches the files of one index folder for the engine, and says which URLs are in it. The
// engine fetches through `IndexFiles`, and the page's prefetch (index.js) checks its URLs with
// `inFolder`, so "only from `base`" is enforced here. Errors raised here name their file; the
// prefetch drops its failures, and the engine fetches those files again and reports them.
import { fileError } from './errors.js';

export const MANIFEST = 'helpdex.json';

/** The URL of `name` in the index folder `base`, or null if it points outside. */
export function inFolder(name, base) {
  const url = new URL(name, base);
  return url.href.startsWith(new URL(base).href) ? url : null;
}

export class IndexFiles {
  /**
   * @param {URL} base the index folder, ending in "/"
   * @param {typeof fetch} fetchImpl
   */
  constructor(base, fetchImpl) {
    this.base = base;
    this.fetch = fetchImpl;
    this.manifestUrl = new URL(MANIFEST, base);
  }

  /** Fetches (unless its bytes are given) and checks `helpdex.json`. */
  async manifest(bytes) {
    const url = this.manifestUrl;
    const text = new TextDecoder().decode(bytes ?? (await this.bytes(url, ': is `base` the folder `helpdex build` wrote?')));
    let m;
    try {
      m = JSON.parse(text);
    } catch {
      throw fileError(url, 'not a helpdex manifest (invalid JSON)');
    }
    if (typeof m?.helpdex !== 'number') throw fileError(url, 'not a helpdex manifest (no "helpdex" version field)');
    const names = (v) => Array.isArray(v) && v.every((n) => typeof n === 'string');
    if (typeof m.core !== 'string' || !names(m.vocabulary) || !names(m.postings) || !names(m.fragments)) {
      throw fileError(url, `not a helpdex manifest of a format this helpdex reads (format version ${m.helpdex})`);
    }
    return /** @type {{helpdex: number, build: string, core: string, vocabulary: string[], postings: string[], fragments: string[]}} */ (m);
  }

  /** The URL of a file the manifest names; a name that leaves the folder is refused. */
  url(name) {
    const url = inFolder(name, this.base);
    if (!url) {
      throw fileError(this.manifestUrl, `file name ${JSON.stringify(name)} points outside the index folder`);
    }
    return url;
  }

  /**
   * A file's bytes, gunzipped when the host served the pre-compressed file as is (hosts that
   * add `Content-Encoding: gzip` have the browser decompress it already).
   */
  async bytes(url, hint = '') {
    let body;
    try {
      const response = await this.fetch(url);
      if (!response.ok) throw fileError(url, `HTTP ${response.status}${hint}`);
      body = await response.arrayBuffer();
    } catch (e) {
      throw e.name === 'HelpdexError' ? e : fileError(url, `cannot fetch (${e.message})`);
    }
    return this.decode(url, body);
  }

  /** A downloaded file's bytes, gunzipped if they are still gzip. */
  async decode(url, buffer) {
    const body = new Uint8Array(buffer);
    if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
    try {
      // Written straight into the stream (no Blob in between): each hop costs a task, and
      // the first search waits on three rounds of these.
      const gunzip = new DecompressionStream('gzip');
      const writer = gunzip.writable.getWriter();
      writer.write(body).catch(() => {}); // a damaged file fails the read below
      writer.close().catch(() => {});
      return new Uint8Array(await new Response(gunzip.readable).arrayBuffer());
    } catch {
      throw fileError(url, 'not a valid gzip file (truncated or damaged download?)');
    }
  }
}
