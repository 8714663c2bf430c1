// <helpdex-feedback>: "Was this article helpful?" on an article page, yes or no, and after a
// no, an optional reason from a fixed list (free text could carry an address or a name; a code
// cannot). The answer is a `feedback` search event, delivered like the search box's.
import { inLanguage } from '../i18n.js';
import { el } from '../render.js';
import { register } from './register.js';
import { ReportingElement } from './reporting.js';

/** The reasons a "no" may give, as sent; their words are below. */
export const REASONS = ['inaccurate', 'unclear', 'incomplete', 'unsolved'];

const EN = {
  question: 'Was this article helpful?',
  yes: 'Yes',
  no: 'No',
  why: 'What was wrong? (optional)',
  reasons: { inaccurate: 'It is wrong or out of date', unclear: 'It is hard to understand', incomplete: 'Something is missing', unsolved: 'It did not solve my problem' },
  send: 'Send',
  thanks: 'Thank you for your feedback.',
};

const ZH = {
  question: '这篇文章有帮助吗？',
  yes: '有帮助',
  no: '没有帮助',
  why: '哪里有问题？（可选）',
  reasons: { inaccurate: '内容有误或已过时', unclear: '不容易看懂', incomplete: '缺少内容', unsolved: '没有解决我的问题' },
  send: '提交',
  thanks: '感谢您的反馈。',
};

const CSS = `
:host { display: block; font: var(--helpdex-font, inherit); color: var(--helpdex-text, inherit); }
:host([hidden]) { display: none; }
fieldset { border: 1px solid var(--helpdex-border, #d1d5db); border-radius: var(--helpdex-radius, 8px); padding: 0.75rem 1rem; margin: 0; }
legend { padding: 0 0.25rem; font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
button {
  font: inherit; color: inherit; cursor: pointer; padding: 0.35rem 0.9rem;
  border: 1px solid var(--helpdex-border, #d1d5db); border-radius: var(--helpdex-radius, 8px);
  background: var(--helpdex-background, transparent);
}
button[aria-pressed="true"], button.send { border-color: var(--helpdex-accent, #2563eb); color: var(--helpdex-accent, #2563eb); }
button:focus-visible { outline: 2px solid var(--helpdex-accent, #2563eb); outline-offset: 2px; }
.reasons { margin-top: 0.75rem; }
.reasons label { display: block; margin: 0.2rem 0; }
.thanks { margin: 0; color: var(--helpdex-muted, #4b5563); }
`;

export class HelpdexFeedbackElement extends ReportingElement {
  static observedAttributes = ['analytics', 'lang'];

  /** Registers the element as `tag` (default `helpdex-feedback`); again is a no-op. */
  static define(tag = 'helpdex-feedback', registry = customElements) {
    return register(this, tag, registry);
  }

  /** @type {ShadowRoot | null} */
  #root = null;
  /** @type {boolean | null} */
  #helpful = null;

  /** The article's id in the index (attribute `article`), else the page's path. */
  get article() {
    return this.getAttribute('article') || location.pathname;
  }

  connectedCallback() {
    this.#root ??= this.styledRoot(CSS);
    this.#render();
  }

  attributeChangedCallback(name, old, value) {
    super.attributeChangedCallback(name, old, value);
    if (old !== value && name !== 'analytics' && this.#root) this.#render();
  }

  /** The question, or the reasons after a "no", or the thanks once answered. */
  #render(stage = 'ask') {
    const t = inLanguage(this, EN, ZH);
    const root = /** @type {ShadowRoot} */ (this.#root);
    const status = el('p', { role: 'status', class: 'thanks', part: 'status' });
    if (stage === 'done') {
      const box = el('fieldset', { part: 'box', tabindex: '-1' }, el('legend', {}, t.question), status);
      root.replaceChildren(box);
      // The buttons that had focus are gone: keep it in the element, on the answer.
      box.focus();
      // Set after insertion, so screen readers announce it.
      requestAnimationFrame(() => (status.textContent = t.thanks));
      return;
    }
    const yes = el('button', { type: 'button', part: 'button', 'aria-pressed': String(this.#helpful === true) }, t.yes);
    const no = el('button', { type: 'button', part: 'button', 'aria-pressed': String(this.#helpful === false) }, t.no);
    yes.addEventListener('click', () => this.#answer(true));
    no.addEventListener('click', () => {
      this.#helpful = false;
      this.#render('why');
    });
    const box = el('fieldset', { part: 'box' }, el('legend', {}, t.question), el('div', { class: 'row' }, yes, no));
    if (stage === 'why') {
      const choices = REASONS.map((r) => el('label', {}, el('input', { type: 'radio', name: 'reason', value: r }), ` ${t.reasons[r]}`));
      const send = el('button', { type: 'button', class: 'send', part: 'button' }, t.send);
      send.addEventListener('click', () => {
        const picked = /** @type {HTMLInputElement | null} */ (root.querySelector('input[name="reason"]:checked'));
        this.#answer(false, picked?.value);
      });
      box.append(el('div', { class: 'reasons', role: 'radiogroup', 'aria-label': t.why }, el('p', {}, t.why), ...choices, el('div', { class: 'row' }, send)));
    }
    root.replaceChildren(box);
    if (stage === 'why') /** @type {HTMLElement} */ (root.querySelector('input'))?.focus();
  }

  /** @param {boolean} helpful  @param {string} [reason] */
  #answer(helpful, reason) {
    this.#helpful = helpful;
    /** @type {import('../analytics.js').FeedbackEvent} */
    const event = { type: 'feedback', time: new Date().toISOString(), article: this.article, helpful };
    if (reason && REASONS.includes(reason)) event.reason = reason;
    this.record(event);
    this.#render('done');
  }
}
