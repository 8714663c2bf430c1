// <helpdex-search>: a button that opens a search dialog (search-dialog.js makes its DOM,
// listbox.js runs its results list). This module runs the searches as the query changes and
// shows what they give; it only declares the class, define.js registers it.
import { Beacon, SearchIntents } from '../analytics.js';
import { createSearch } from '../index.js';
import { strings } from '../i18n.js';
import { el, renderRecent, renderResults } from '../render.js';
import { opensSearch } from './keyboard.js';
import { Listbox } from './listbox.js';
import { RecentSearches } from './recent.js';
import { register } from './register.js';
import { buildDialog, labelDialog } from './search-dialog.js';
import { adoptStyles } from './styles.js';

/** @typedef {Awaited<ReturnType<typeof createSearch>>} Search */
/** @typedef {import('./search-dialog.js').Parts & { listbox: Listbox }} Parts the dialog's parts and its results list */

const DEFAULT_BASE = '/search/';
const DEFAULT_LIMIT = 8;

export class HelpdexSearchElement extends HTMLElement {
  /** Every documented attribute. */
  static observedAttributes = ['base', 'limit', 'placeholder', 'lang', 'no-shortcuts', 'analytics'];

  /**
   * Registers the element as `tag` in `registry`. Registering again is a no-op, and a second
   * tag gets a subclass (one class cannot be defined twice).
   */
  static define(tag = 'helpdex-search', registry = customElements) {
    return register(this, tag, registry);
  }

  /** @type {Search | null} */
  #searcher = null;
  /** @type {Promise<Search> | null} */
  #handle = null;
  /** @type {Parts | null} */
  #ui = null;
  /** Bumped by every query: an answer whose number is not the latest is stale. */
  #seq = 0;
  /** @type {AbortController | null} */
  #abort = null;
  #loaded = false;
  /** @type {Beacon | null} */
  #beacon = null;
  #intents = new SearchIntents((event) => this.#record(event));

  /**
   * Called with every search event (see analytics.js): one `search` or `no-results` per
   * search intent, one `select` per chosen result. They are also dispatched as
   * `helpdex-event` DOM events, and sent to the `analytics` URL when it is set.
   * @type {((event: import('../analytics.js').HelpdexEvent) => void) | null}
   */
  onEvent = null;

  #onPageKey = (event) => {
    if (this.hasAttribute('no-shortcuts') || !opensSearch(event)) return;
    event.preventDefault();
    if (this.open) this.close();
    else this.show();
  };

  /** The index folder (attribute `base`), default "/search/". */
  get base() {
    return this.getAttribute('base') || DEFAULT_BASE;
  }
  set base(value) {
    this.setAttribute('base', value);
  }

  /** Results shown at most (attribute `limit`), default 8. */
  get limit() {
    return Number(this.getAttribute('limit')) || DEFAULT_LIMIT;
  }
  set limit(value) {
    this.setAttribute('limit', String(value));
  }

  /**
   * A same-origin URL that receives the search events in batches (attribute `analytics`),
   * off by default; nothing is sent when the visitor asks not to be tracked (DNT, GPC).
   */
  get analytics() {
    return this.getAttribute('analytics');
  }
  set analytics(value) {
    if (value) this.setAttribute('analytics', value);
    else this.removeAttribute('analytics');
  }

  /** A search handle from createSearch() to use instead of one made from `base`. */
  get searcher() {
    return this.#searcher;
  }
  set searcher(value) {
    this.#forget();
    this.#searcher = value;
  }

  /** Whether the search dialog is open. */
  get open() {
    return !!this.#ui?.dialog.open;
  }

  connectedCallback() {
    this.#ui ??= this.#build();
    this.#localize();
    document.addEventListener('keydown', this.#onPageKey);
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onPageKey);
    this.#intents.end();
    // Moved, not removed, if it is back within the same task: keep the loaded index then.
    queueMicrotask(() => this.isConnected || this.#forget());
  }

  /**
   * A new `base` drops the loaded index (the next search opens the new one). A new `lang`,
   * `placeholder` or `no-shortcuts` relabels the box (`no-shortcuts` itself is read at each key
   * press); while it is open, a new `limit`, `lang` or `placeholder` shows the query again.
   */
  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'base') return this.#forget();
    if (name === 'analytics') {
      this.#beacon?.destroy();
      this.#beacon = value ? new Beacon(value) : null;
      return;
    }
    if (!this.#ui) return; // not built yet: connectedCallback labels it
    if (name !== 'limit') this.#localize();
    if (this.open && name !== 'no-shortcuts') this.#update();
  }

  /** Opens the search dialog. */
  show() {
    const ui = this.#ui;
    if (!ui || ui.dialog.open || !this.isConnected) return;
    this.#preload(); // first: the worker and the fetches start before the dialog renders
    this.#localize();
    ui.dialog.showModal();
    ui.input.select();
    this.#update();
    this.#emit('helpdex-open');
  }

  /** Closes the search dialog. */
  close() {
    this.#ui?.input.blur();
    this.#ui?.dialog.close();
  }

  /** @returns {Parts} */
  #build() {
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    const ui = buildDialog(root);
    const { trigger, dialog, input, esc, list, announcer } = ui;
    trigger.addEventListener('click', () => this.show());
    // The first sign of interest starts loading, so the index is there by the first keystroke.
    trigger.addEventListener('pointerenter', () => this.#preload());
    trigger.addEventListener('focus', () => this.#preload());
    esc.addEventListener('click', () => this.close());
    dialog.addEventListener('click', (e) => e.target === dialog && this.close()); // the backdrop
    // Focus leaves the field before the dialog hides (Esc): Chromium would move it only at its
    // next update, and a "/" pressed until then would count as typing in the hidden field.
    dialog.addEventListener('cancel', () => input.blur());
    dialog.addEventListener('close', () => {
      this.#abort?.abort();
      this.#seq++;
      announcer.stop();
      this.#intents.end();
      this.#emit('helpdex-close');
    });
    input.addEventListener('input', (e) => {
      // An IME composing Chinese searches once the characters are chosen (compositionend).
      if (!(/** @type {InputEvent} */ (e).isComposing)) this.#update();
    });
    input.addEventListener('compositionend', () => this.#update());
    return { ...ui, listbox: new Listbox(input, list, (i) => this.#choose(i)) };
  }

  /** The parts, for the methods that run only once `#build` has made them. */
  get #parts() {
    return /** @type {Parts} */ (this.#ui);
  }

  /** Sets every word of the UI in the page's language (it may change while the page lives). */
  #localize() {
    const shortcuts = !this.hasAttribute('no-shortcuts');
    labelDialog(this.#parts, strings(this), { shortcuts, placeholder: this.getAttribute('placeholder') });
  }

  #search() {
    this.#handle ??= this.#searcher ? Promise.resolve(this.#searcher) : createSearch({ base: this.base });
    return this.#handle;
  }

  #preload() {
    // Errors show when a search runs; preloading is only a head start.
    this.#search()
      .then((s) => s.preload())
      .catch(() => {});
  }

  /** Drops the search handle (the base or searcher changed, or the element left the page). */
  #forget() {
    this.#abort?.abort();
    const handle = this.#handle;
    this.#handle = null;
    this.#loaded = false;
    // A handle the page gave us is the page's to destroy.
    if (!this.#searcher) handle?.then((s) => s.destroy(), () => {});
  }

  async #update() {
    const query = this.#parts.input.value;
    const t = strings(this);
    this.#abort?.abort();
    const seq = ++this.#seq;
    if (!query.trim()) {
      this.#intents.end();
      return this.#showRecent(t);
    }
    const abort = (this.#abort = new AbortController());
    if (!this.#loaded) this.#showState(t.loading);
    try {
      const searcher = await this.#search();
      const results = await searcher.search(query, { limit: this.limit, signal: abort.signal });
      if (seq !== this.#seq) return; // a newer keystroke owns the list
      this.#loaded = true;
      this.#showResults(query, results, t);
    } catch (error) {
      if (seq !== this.#seq || error?.name === 'AbortError') return;
      this.#showError(error, t);
    }
  }

  #showResults(query, results, t) {
    const { list, announcer } = this.#parts;
    const options = renderResults(list, results, t);
    this.#showState(results.length ? '' : t.empty(query));
    this.#parts.listbox.show(options, true);
    announcer.say(results.length ? t.count(results.length) : t.empty(query));
    this.#intents.searched(query, results);
    this.#emit('helpdex-results', { query, results });
  }

  #showRecent(t) {
    const { list, state, input, announcer } = this.#parts;
    announcer.stop();
    const recent = this.#recent();
    const queries = recent.list();
    if (!queries.length) {
      list.replaceChildren();
      this.#parts.listbox.show([]);
      this.#showState(t.start);
    } else {
      const clear = el('button', { type: 'button', class: 'clear' }, t.clear);
      clear.addEventListener('click', () => {
        recent.clear();
        this.#showRecent(t);
        input.focus();
      });
      state.className = 'state recent';
      state.replaceChildren(el('span', { id: 'recent-label' }, t.recent), clear);
      this.#parts.listbox.show(renderRecent(list, queries, 'recent-label'));
    }
  }

  #showError(error, t) {
    this.#parts.list.replaceChildren();
    this.#parts.listbox.show([]);
    this.#showState(t.error, 'error', el('code', {}, String(error?.message ?? error)));
    this.#parts.announcer.say(t.error);
    this.#emit('helpdex-error', { error });
  }

  #showState(text, kind = '', ...more) {
    const { state } = this.#parts;
    state.className = `state ${kind}`.trim();
    state.replaceChildren(...(text ? [text, ...more] : []));
  }

  /** Opens option `i`: a recent search runs again; a result is announced, then navigated to. */
  #choose(i) {
    const option = this.#parts.listbox.options[i];
    const input = this.#parts.input;
    if ('query' in option) {
      input.value = option.query;
      this.#update();
      return;
    }
    const query = input.value;
    this.#recent().add(query);
    const { result, anchor, href } = option;
    this.#intents.selected(result.id, i + 1);
    // Cancelable, so an app with its own router can navigate instead.
    const proceed = this.#emit('helpdex-select', { query, result, anchor, href }, true);
    this.close();
    if (proceed && href) location.assign(href);
  }

  #recent() {
    return new RecentSearches(new URL(this.base, document.baseURI).href);
  }

  /** @param {import('../analytics.js').HelpdexEvent} event */
  #record(event) {
    this.#emit('helpdex-event', event);
    this.onEvent?.(event);
    this.#beacon?.add(event);
  }

  /** @param {string} type @param {unknown} [detail] */
  #emit(type, detail = null, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
