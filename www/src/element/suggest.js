// <helpdex-suggest for="ID">: articles that may answer what a customer is writing to support,
// shown under a contact form's message field or a chat box as they type. It only listens: it
// never handles a key, never moves focus, never delays or blocks the form's submission.
//
// After a pause in typing, the field's text goes to hx.suggest() (long text: greetings,
// signatures and context weigh little) and the suggestions at or above `min-confidence` are
// shown as links; with none, it shows nothing. Each intent (from the first suggestions shown
// until one is chosen, they are hidden, or the form is sent) gives one `suggest` event, one
// `suggest-select` per article opened, and `suggest-dismissed` when they are hidden or the form
// is sent anyway (`submitted`): what a deflection rate is made of (`helpdex gaps`).
import { newIntent } from '../analytics.js';
import { inLanguage } from '../i18n.js';
import { createSearch, SUGGEST_CONFIDENCE } from '../index.js';
import { el, highlighted, resultHref } from '../render.js';
import { register } from './register.js';
import { ReportingElement } from './reporting.js';

/**
 * @typedef {Awaited<ReturnType<typeof createSearch>>} Search
 * @typedef {{ id: string, url: string, title: string, titleHighlights: ArrayLike<number>,
 *   anchor: string | null, excerpt: { text: string, highlights: ArrayLike<number> },
 *   confidence: number, matched: string[] }} Suggestion
 */

/** Typing pauses this long before the text is looked at (attribute `pause`). */
const PAUSE_MS = 700;
/** Characters the text needs before anything is suggested (attribute `min-length`). */
const MIN_LENGTH = 12;
/** Article ids kept in a `suggest` event. */
const TOP = 5;

const EN = {
  title: 'These articles may answer your question',
  hide: 'Hide suggestions',
  found: (n) => (n === 1 ? '1 article may answer your question.' : `${n} articles may answer your question.`),
  newTab: '(opens in a new tab)',
};

const ZH = {
  title: '这些文章也许能解答您的问题',
  hide: '隐藏建议',
  found: (n) => `${n} 篇文章也许能解答您的问题。`,
  newTab: '（在新标签页打开）',
};

const CSS = `
:host { display: block; font: var(--helpdex-font, inherit); color: var(--helpdex-text, inherit); }
:host([hidden]) { display: none; }
section { border: 1px solid var(--helpdex-border, #d1d5db); border-radius: var(--helpdex-radius, 8px); padding: 0.75rem 1rem; margin: 0.5rem 0; background: var(--helpdex-background, transparent); }
.title { margin: 0 0 0.5rem; font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; }
li + li { margin-top: 0.5rem; }
a { display: block; color: inherit; text-decoration: none; border-radius: 4px; padding: 0.25rem; }
a:hover .name, a:focus-visible .name { text-decoration: underline; }
a:focus-visible, button:focus-visible { outline: 2px solid var(--helpdex-accent, #2563eb); outline-offset: 2px; }
.name { display: block; color: var(--helpdex-accent, #2563eb); font-weight: 600; }
.excerpt { display: block; color: var(--helpdex-muted, #4b5563); font-size: 0.9em; }
mark { background: var(--helpdex-mark-background, #fde68a); color: var(--helpdex-mark-text, #111827); }
button { margin-top: 0.75rem; font: inherit; color: inherit; cursor: pointer; padding: 0.25rem 0.75rem; border: 1px solid var(--helpdex-border, #d1d5db); border-radius: var(--helpdex-radius, 8px); background: transparent; }
.hidden-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

export class HelpdexSuggestElement extends ReportingElement {
  static observedAttributes = ['for', 'base', 'analytics', 'lang'];

  /** Registers the element as `tag` (default `helpdex-suggest`); again is a no-op. */
  static define(tag = 'helpdex-suggest', registry = customElements) {
    return register(this, tag, registry);
  }

  /** @type {ShadowRoot | null} */
  #root = null;
  /** @type {HTMLElement | null} */
  #status = null;
  /** @type {HTMLInputElement | HTMLTextAreaElement | null} */
  #field = null;
  /** @type {Promise<Search> | null} */
  #search = null;
  /** @type {AbortController | null} */
  #pending = null;
  #timer = 0;
  /** The current intent: its id, whether suggestions are reported shown, whether hidden. */
  #intent = { id: '', shown: false, dismissed: false };
  /** The text last looked at. */
  #looked = '';
  #onInput = () => this.#schedule();
  #onSubmit = () => this.#end('submitted');

  /** The index folder (attribute `base`), default "/search/". */
  get base() {
    return this.getAttribute('base') || '/search/';
  }

  connectedCallback() {
    if (!this.#root) {
      this.#root = this.styledRoot(CSS);
      // Present from the start, so that screen readers announce what is put in it later.
      this.#status = el('p', { role: 'status', class: 'hidden-text' });
    }
    this.#clear();
    this.#attach();
  }

  disconnectedCallback() {
    this.#detach();
    super.disconnectedCallback();
  }

  attributeChangedCallback(name, old, value) {
    super.attributeChangedCallback(name, old, value);
    if (old === value) return;
    if (name === 'base') {
      this.#search?.then((s) => s.destroy());
      this.#search = null;
    } else if (name === 'for' && this.isConnected) {
      this.#detach();
      this.#attach();
    }
  }

  /** Listens to the field named by `for` (an id in the same document or shadow root). */
  #attach() {
    const id = this.getAttribute('for');
    const root = /** @type {Document | ShadowRoot} */ (this.getRootNode());
    const field = id ? root.getElementById?.(id) : null;
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) {
      if (id) console.warn(`helpdex: <helpdex-suggest for="${id}">: no textarea or input with that id`);
      return;
    }
    this.#field = field;
    field.addEventListener('input', this.#onInput, { passive: true });
    field.form?.addEventListener('submit', this.#onSubmit);
  }

  #detach() {
    clearTimeout(this.#timer);
    this.#pending?.abort();
    this.#field?.removeEventListener('input', this.#onInput);
    this.#field?.form?.removeEventListener('submit', this.#onSubmit);
    this.#field = null;
  }

  /** Looks at the text once typing pauses. */
  #schedule() {
    clearTimeout(this.#timer);
    const pause = Number(this.getAttribute('pause')) || PAUSE_MS;
    this.#timer = setTimeout(() => this.#look(), pause);
  }

  async #look() {
    const text = this.#field?.value.trim() ?? '';
    if (text === this.#looked) return;
    this.#looked = text;
    this.#pending?.abort();
    if (text.length < (Number(this.getAttribute('min-length')) || MIN_LENGTH)) {
      // Cleared (a new message starts a new intent) or not yet worth a suggestion.
      if (!text) this.#end('cleared');
      return this.#clear();
    }
    if (this.#intent.dismissed) return;
    const pending = (this.#pending = new AbortController());
    const limit = Number(this.getAttribute('limit')) || 3;
    const attribute = this.getAttribute('min-confidence');
    const minConfidence = attribute === null ? SUGGEST_CONFIDENCE : Number(attribute);
    try {
      this.#search ??= createSearch({ base: this.base });
      const found = await (await this.#search).suggest(text, { limit, minConfidence, signal: pending.signal });
      if (!pending.signal.aborted) this.#show(found);
    } catch (e) {
      // Suggestions are a help, never in the way: a failure only leaves them out.
      if (/** @type {Error} */ (e).name !== 'AbortError') console.warn('helpdex: suggestions are unavailable:', e);
    }
  }

  /** @param {Suggestion[]} found */
  #show(found) {
    if (!found.length) return this.#clear();
    const t = inLanguage(this, EN, ZH);
    const intent = this.#intent;
    if (!intent.shown) {
      intent.id ||= newIntent();
      intent.shown = true;
      this.record({
        type: 'suggest',
        time: new Date().toISOString(),
        lang: document.documentElement.lang || '',
        results: found.length,
        top: found.slice(0, TOP).map((r) => r.id),
        intent: intent.id,
      });
    }
    const items = found.map((result, i) => {
      const href = resultHref(result.url, result.anchor);
      const content = [
        el('span', { class: 'name' }, highlighted(result.title, result.titleHighlights)),
        el('span', { class: 'excerpt' }, highlighted(result.excerpt.text, result.excerpt.highlights)),
        el('span', { class: 'hidden-text' }, t.newTab),
      ];
      // The article opens in a new tab: what the customer typed stays in the form.
      const link = href ? el('a', { href, target: '_blank', rel: 'noopener', part: 'suggestion' }, ...content) : el('div', { part: 'suggestion' }, ...content);
      link.addEventListener('click', (event) => this.#choose(event, result, i + 1, href));
      return el('li', {}, link);
    });
    const hide = el('button', { type: 'button', part: 'button' }, t.hide);
    hide.addEventListener('click', () => {
      this.#end('hidden');
      this.#clear();
      this.#field?.focus();
    });
    const title = el('p', { class: 'title', id: 'title', part: 'title' }, t.title);
    const box = el('section', { 'aria-labelledby': 'title', part: 'box' }, title, el('ul', { part: 'list' }, ...items), hide);
    /** @type {ShadowRoot} */ (this.#root).replaceChildren(box, /** @type {HTMLElement} */ (this.#status));
    this.#announce(t.found(found.length));
  }

  /**
   * An article was chosen: `helpdex-suggest-select` (cancelable: a page that shows the article
   * itself calls `preventDefault()`, and the link is not followed), then the event.
   * @param {Event} event  @param {Suggestion} result  @param {number} rank  @param {string | null} href
   */
  #choose(event, result, rank, href) {
    const detail = { result, rank, href };
    const proceed = this.dispatchEvent(new CustomEvent('helpdex-suggest-select', { detail, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) event.preventDefault();
    this.record({ type: 'suggest-select', time: new Date().toISOString(), id: result.id, rank, intent: this.#intent.id });
  }

  /**
   * Ends the intent: `hidden` (the Hide button), `submitted` (the form was sent) or `cleared`
   * (the field was emptied: what follows is a new message). Suggestions shown and then hidden,
   * or the form sent anyway, give `suggest-dismissed`.
   * @param {'hidden' | 'submitted' | 'cleared'} how
   */
  #end(how) {
    const intent = this.#intent;
    if (intent.shown && how !== 'cleared') {
      this.record({ type: 'suggest-dismissed', time: new Date().toISOString(), intent: intent.id, submitted: how === 'submitted' });
    }
    if (how === 'hidden') {
      intent.dismissed = true;
      intent.shown = false;
    } else {
      this.#intent = { id: '', shown: false, dismissed: false };
      this.#looked = '';
    }
  }

  #clear() {
    /** @type {ShadowRoot} */ (this.#root).replaceChildren(/** @type {HTMLElement} */ (this.#status));
  }

  /** Says `text` politely: set after a frame, so that the change is announced. */
  #announce(text) {
    const status = /** @type {HTMLElement} */ (this.#status);
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = text));
  }
}
