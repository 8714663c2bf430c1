// <helpdex-search>: a button that opens a search dialog (WAI-ARIA combobox + listbox). This
// module only declares the class; define.js registers it.
import { Beacon, SearchIntents } from '../analytics.js';
import { createSearch } from '../index.js';
import { strings } from '../i18n.js';
import { el, renderRecent, renderResults } from '../render.js';
import { Announcer } from './announcer.js';
import { listMove, opensSearch, shortcutLabel } from './keyboard.js';
import { RecentSearches } from './recent.js';
import { register } from './register.js';
import { adoptStyles } from './styles.js';

/** @typedef {Awaited<ReturnType<typeof createSearch>>} Search */
/** @typedef {ReturnType<typeof renderResults>[number] | ReturnType<typeof renderRecent>[number]} Option */
/**
 * The shadow DOM's parts, made once by `#build`.
 * @typedef {{ trigger: HTMLButtonElement, dialog: HTMLDialogElement, input: HTMLInputElement,
 *   esc: HTMLButtonElement, state: HTMLDivElement, list: HTMLDivElement, footer: HTMLElement,
 *   announcer: Announcer }} Parts
 */

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
  /** @type {Option[]} */
  #options = [];
  #active = -1;
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
    const trigger = el('button', { type: 'button', part: 'button', class: 'trigger', 'aria-haspopup': 'dialog' });
    const input = el('input', {
      type: 'text',
      part: 'input',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'listbox',
      'aria-autocomplete': 'list',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      enterkeyhint: 'go',
    });
    const esc = el('button', { type: 'button', class: 'esc' });
    const state = el('div', { class: 'state', part: 'state' });
    const list = el('div', { role: 'listbox', id: 'listbox', part: 'results' });
    // Keyboard hints, not the page's contentinfo landmark.
    const footer = el('footer', { role: 'none' });
    const dialog = el('dialog', { part: 'dialog' }, el('div', { class: 'bar' }, icon(), input, esc), el('div', { class: 'body' }, state, list), footer);
    const announcer = new Announcer(dialog);
    root.append(trigger, dialog);

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
    input.addEventListener('keydown', (e) => this.#onInputKey(e));
    list.addEventListener('pointermove', (e) => {
      const i = this.#indexOf(e.target);
      if (i >= 0 && i !== this.#active) this.#setActive(i, false);
    });
    list.addEventListener('click', (e) => {
      const i = this.#indexOf(e.target);
      // Modified clicks (new tab, new window) stay the browser's.
      if (i < 0 || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      this.#choose(i);
    });
    return { trigger, dialog, input, esc, state, list, footer, announcer };
  }

  /** The parts, for the methods that run only once `#build` has made them. */
  get #parts() {
    return /** @type {Parts} */ (this.#ui);
  }

  /** Sets every word of the UI in the page's language (it may change while the page lives). */
  #localize() {
    const t = strings(this);
    const { trigger, dialog, input, list, footer, esc } = this.#parts;
    // Buttons are named by what they show ("Search Ctrl K", "Esc" + a hidden "Close search"),
    // so speech input can say what it sees.
    trigger.replaceChildren(icon(), el('span', { class: 'label' }, t.button), el('kbd', {}, shortcutLabel()));
    if (this.hasAttribute('no-shortcuts')) trigger.removeAttribute('aria-keyshortcuts');
    else trigger.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
    dialog.setAttribute('aria-label', t.label);
    input.setAttribute('aria-label', t.label);
    input.placeholder = this.getAttribute('placeholder') || t.placeholder;
    list.setAttribute('aria-label', t.results);
    const hint = (keys, text) => el('span', {}, ...keys.map((k) => el('kbd', {}, k)), text);
    footer.replaceChildren(hint(['↑', '↓'], t.navigate), hint(['↵'], t.select), hint(['Esc'], t.close));
    esc.replaceChildren(el('kbd', {}, 'Esc'), el('span', { class: 'visually-hidden' }, ` ${t.closeButton}`));
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
    const { list, input, announcer } = this.#parts;
    this.#options = renderResults(list, results, t);
    this.#showState(results.length ? '' : t.empty(query));
    input.setAttribute('aria-expanded', String(results.length > 0));
    this.#setActive(results.length ? 0 : -1);
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
      this.#options = [];
      list.replaceChildren();
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
      this.#options = renderRecent(list, queries, 'recent-label');
    }
    input.setAttribute('aria-expanded', String(queries.length > 0));
    this.#setActive(-1);
  }

  #showError(error, t) {
    this.#options = [];
    this.#parts.list.replaceChildren();
    this.#parts.input.setAttribute('aria-expanded', 'false');
    this.#setActive(-1);
    this.#showState(t.error, 'error', el('code', {}, String(error?.message ?? error)));
    this.#parts.announcer.say(t.error);
    this.#emit('helpdex-error', { error });
  }

  #showState(text, kind = '', ...more) {
    const { state } = this.#parts;
    state.className = `state ${kind}`.trim();
    state.replaceChildren(...(text ? [text, ...more] : []));
  }

  #onInputKey(event) {
    const move = listMove(event);
    const n = this.#options.length;
    if (move === undefined || !n) return;
    event.preventDefault();
    if (move === 0) {
      if (this.#active >= 0) this.#choose(this.#active);
    } else {
      this.#setActive(this.#active < 0 ? (move > 0 ? 0 : n - 1) : (this.#active + move + n) % n);
    }
  }

  #setActive(i, scroll = true) {
    this.#options[this.#active]?.element.setAttribute('aria-selected', 'false');
    this.#active = i;
    const option = this.#options[i];
    if (!option) return this.#parts.input.removeAttribute('aria-activedescendant');
    option.element.setAttribute('aria-selected', 'true');
    this.#parts.input.setAttribute('aria-activedescendant', option.element.id);
    if (scroll) option.element.scrollIntoView({ block: 'nearest' });
  }

  #indexOf(target) {
    const option = target instanceof Element ? target.closest('[role="option"]') : null;
    return this.#options.findIndex((o) => o.element === option);
  }

  /** Opens option `i`: a recent search runs again; a result is announced, then navigated to. */
  #choose(i) {
    const option = this.#options[i];
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

function icon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const circle = document.createElementNS(ns, 'circle');
  for (const [k, v] of [['cx', '11'], ['cy', '11'], ['r', '7']]) circle.setAttribute(k, v);
  const line = document.createElementNS(ns, 'path');
  line.setAttribute('d', 'M20 20l-4-4');
  svg.append(circle, line);
  return svg;
}
