// A polite live region: screen readers hear how many results there are without leaving the
// search field. It waits for typing to pause, so each keystroke is not read out.
import { el } from '../render.js';

const PAUSE_MS = 500;

export class Announcer {
  /** @param {Node} parent */
  constructor(parent) {
    this.region = el('div', { role: 'status', class: 'visually-hidden' });
    parent.appendChild(this.region);
  }

  say(text) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.region.textContent = text), PAUSE_MS);
  }

  stop() {
    clearTimeout(this.timer);
    this.region.textContent = '';
  }
}
