// Search events for the knowledge-gap loop: one `search` (or `no-results`) event per search
// intent, not per keystroke, and one `select` per chosen result; optionally sent in batches to
// a same-origin URL the site names. The fields are exactly those `helpdex gaps` reads (README,
// "Knowledge gaps"): nothing about the person, no page address, no cookie.

/** A pause in typing this long ends a search intent. */
export const PAUSE_MS = 2000;
/** Result ids kept in a `search` event. */
const TOP = 5;
/** Events sent in one beacon at most; more wait for the next. */
const BATCH = 20;

/**
 * @typedef {{ type: 'search' | 'no-results', time: string, query: string, lang: string,
 *   results: number, top: string[], intent: string }} SearchEvent
 * @typedef {{ type: 'select', time: string, query: string, id: string, rank: number,
 *   intent: string }} SelectEvent
 * @typedef {{ type: 'feedback', time: string, article: string, helpful: boolean,
 *   reason?: string }} FeedbackEvent
 * @typedef {{ type: 'suggest', time: string, lang: string, results: number, top: string[],
 *   intent: string }} SuggestEvent
 * @typedef {{ type: 'suggest-select', time: string, id: string, rank: number, intent: string }} SuggestSelectEvent
 * @typedef {{ type: 'suggest-dismissed', time: string, intent: string, submitted: boolean }} SuggestDismissedEvent
 * @typedef {SearchEvent | SelectEvent | FeedbackEvent | SuggestEvent | SuggestSelectEvent
 *   | SuggestDismissedEvent} HelpdexEvent
 */

/**
 * Collapses the searches of one intent (the keystrokes of one query) into one event. Feed it
 * every answered search with `searched`, a choice with `selected`, and call `end` when the
 * intent ends otherwise (the box closed); it calls `emit` with each event.
 */
export class SearchIntents {
  /** @param {(event: HelpdexEvent) => void} emit  @param {{ pause?: number, lang?: () => string }} [options] */
  constructor(emit, { pause = PAUSE_MS, lang = () => document.documentElement.lang || '' } = {}) {
    this.emit = emit;
    this.pause = pause;
    this.lang = lang;
    /** @type {{ query: string, results: { id: string }[], intent: string, sent: boolean } | null} */
    this.current = null;
    /** The intent `end` closed last. */
    this.ended = null;
    this.timer = 0;
  }

  /** A search for `query` answered with `results` (each with an `id`). */
  searched(query, results) {
    clearTimeout(this.timer);
    const q = query.trim();
    if (!q) return this.end();
    // The box reopened on the query it showed last: the same intent, already reported.
    if (!this.current && this.ended?.query === q) this.current = this.ended;
    if (this.current && this.current.query === q) {
      this.current.results = results;
    } else {
      // A query that is not a continuation of the last one starts a new intent.
      if (this.current && !continues(this.current.query, q)) this.end();
      this.current = { query: q, results, intent: this.current && !this.current.sent ? this.current.intent : newIntent(), sent: false };
    }
    this.timer = setTimeout(() => this.#flush(), this.pause);
  }

  /** The result `id` at 1-based `rank` was chosen for the current query. */
  selected(id, rank) {
    clearTimeout(this.timer);
    const c = this.current;
    if (!c) return;
    this.#flush();
    this.emit({ type: 'select', time: new Date().toISOString(), query: c.query, id, rank, intent: c.intent });
    this.current = null;
    this.ended = null;
  }

  /** The intent ended without a choice (the box closed, the field was cleared). */
  end() {
    clearTimeout(this.timer);
    this.#flush();
    this.ended = this.current ?? this.ended;
    this.current = null;
  }

  #flush() {
    const c = this.current;
    if (!c || c.sent) return;
    c.sent = true;
    this.emit({
      type: c.results.length ? 'search' : 'no-results',
      time: new Date().toISOString(),
      query: c.query,
      lang: this.lang(),
      results: c.results.length,
      top: c.results.slice(0, TOP).map((r) => r.id),
      intent: c.intent,
    });
  }
}

/** Whether `next` goes on typing `previous` (or erasing back into it): the same intent. */
function continues(previous, next) {
  return next.startsWith(previous) || previous.startsWith(next);
}

/** A random intent id: ties the events of one intent together, says nothing about the person. */
export function newIntent() {
  return crypto.randomUUID?.() ?? Math.random().toString(36).slice(2);
}

/** Whether the visitor asked sites not to track them (Do Not Track, Global Privacy Control). */
export function trackingRefused(nav = navigator) {
  return nav.doNotTrack === '1' || /** @type {any} */ (nav).globalPrivacyControl === true;
}

/**
 * Sends events in batches with `navigator.sendBeacon`, as JSON Lines, to `url` — only if it is
 * on the page's own origin and the visitor has not refused tracking. Batches go when full and
 * when the page is hidden (the last chance a page has to send).
 */
export class Beacon {
  /** @param {string} url */
  constructor(url) {
    const target = new URL(url, document.baseURI);
    this.url = target.origin === location.origin ? target.href : null;
    if (!this.url) console.warn(`helpdex: analytics URL ${target.href} is not on this site's origin; nothing will be sent`);
    this.refused = trackingRefused();
    /** @type {HelpdexEvent[]} */
    this.queue = [];
    this.onHidden = () => document.visibilityState === 'hidden' && this.flush();
    this.onLeave = () => this.flush();
    document.addEventListener('visibilitychange', this.onHidden);
    addEventListener('pagehide', this.onLeave);
  }

  /** @param {HelpdexEvent} event */
  add(event) {
    if (!this.url || this.refused) return;
    this.queue.push(event);
    if (this.queue.length >= BATCH) this.flush();
  }

  flush() {
    if (!this.queue.length || !this.url) return;
    const batch = this.queue.splice(0, BATCH);
    const body = new Blob([batch.map((e) => JSON.stringify(e)).join('\n') + '\n'], { type: 'text/plain' });
    navigator.sendBeacon(this.url, body);
    if (this.queue.length) this.flush();
  }

  destroy() {
    this.flush();
    document.removeEventListener('visibilitychange', this.onHidden);
    removeEventListener('pagehide', this.onLeave);
  }
}
