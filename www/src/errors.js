/**
 * Why search cannot run: a missing, corrupt or mismatched index file, or a refused `base`.
 * `file` is the URL of the file at fault, so the message can say which one to fix.
 */
export class HelpdexError extends Error {
  /**
   * @param {string} message
   * @param {string} [file]
   */
  constructor(message, file) {
    super(message);
    this.name = 'HelpdexError';
    this.file = file;
  }
}

/** An error about `url`: every message names the file, whatever failed inside. */
export function fileError(url, reason) {
  return new HelpdexError(`helpdex: ${url}: ${reason}`, String(url));
}

/** What `AbortSignal` users expect when a search is superseded. */
export function abortError() {
  return new DOMException('search superseded', 'AbortError');
}
