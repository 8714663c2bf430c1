// The search field's listbox (the WAI-ARIA combobox pattern): which option is active, told to
// assistive technology through the field's aria-activedescendant. ↑ ↓ move through the options,
// ↵ or a click chooses one, the pointer makes the option under it active.
import { listMove } from './keyboard.js';

/**
 * @typedef {ReturnType<typeof import('../render.js').renderResults>[number]
 *   | ReturnType<typeof import('../render.js').renderRecent>[number]} Option
 */

export class Listbox {
  /** @type {Option[]} */
  options = [];
  active = -1;

  /**
   * @param {HTMLInputElement} input the combobox field
   * @param {HTMLElement} list the listbox the options are rendered in
   * @param {(i: number) => void} choose called with the number of the option chosen
   */
  constructor(input, list, choose) {
    this.input = input;
    input.addEventListener('keydown', (event) => {
      const move = listMove(event);
      const n = this.options.length;
      if (move === undefined || !n) return;
      event.preventDefault();
      if (move === 0) {
        if (this.active >= 0) choose(this.active);
      } else {
        this.setActive(this.active < 0 ? (move > 0 ? 0 : n - 1) : (this.active + move + n) % n);
      }
    });
    list.addEventListener('pointermove', (e) => {
      const i = this.#indexOf(e.target);
      if (i >= 0 && i !== this.active) this.setActive(i, false);
    });
    list.addEventListener('click', (e) => {
      const i = this.#indexOf(e.target);
      // Modified clicks (new tab, new window) stay the browser's.
      if (i < 0 || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      choose(i);
    });
  }

  /**
   * The options now rendered in the list (none: it is collapsed), the first one active if
   * `first`.
   * @param {Option[]} options
   */
  show(options, first = false) {
    this.options = options;
    this.input.setAttribute('aria-expanded', String(options.length > 0));
    this.setActive(first && options.length ? 0 : -1);
  }

  /** Makes option `i` active (-1: none), scrolled into view if `scroll`. */
  setActive(i, scroll = true) {
    this.options[this.active]?.element.setAttribute('aria-selected', 'false');
    this.active = i;
    const option = this.options[i];
    if (!option) return this.input.removeAttribute('aria-activedescendant');
    option.element.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.element.id);
    if (scroll) option.element.scrollIntoView({ block: 'nearest' });
  }

  #indexOf(target) {
    const option = target instanceof Element ? target.closest('[role="option"]') : null;
    return this.options.findIndex((o) => o.element === option);
  }
}
