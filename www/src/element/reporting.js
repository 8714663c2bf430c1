// What <helpdex-feedback> and <helpdex-suggest> share: a shadow root with their stylesheet, and
// their events delivered the way the search box delivers its own — a `helpdex-event` DOM event,
// `.onEvent`, and the `analytics` beacon. Not imported by the search box, so its bundle stays
// as it is.
import { Beacon } from '../analytics.js';

export class ReportingElement extends HTMLElement {
  /**
   * Called with each of the element's events; they are also dispatched as `helpdex-event` DOM
   * events and sent to the `analytics` URL when that is set.
   * @type {((event: import('../analytics.js').HelpdexEvent) => void) | null}
   */
  onEvent = null;
  /** @type {Beacon | null} */
  #beacon = null;

  /** Opens the shadow root with `css` as its one (constructed) stylesheet. @param {string} css */
  styledRoot(css) {
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return root;
  }

  disconnectedCallback() {
    this.#beacon?.flush();
  }

  /** Follows the `analytics` attribute; subclasses call it for every attribute change. */
  attributeChangedCallback(name, old, value) {
    if (name !== 'analytics' || old === value) return;
    this.#beacon?.destroy();
    this.#beacon = value ? new Beacon(value) : null;
  }

  /** @param {import('../analytics.js').HelpdexEvent} event */
  record(event) {
    this.dispatchEvent(new CustomEvent('helpdex-event', { detail: event, bubbles: true, composed: true }));
    this.onEvent?.(event);
    this.#beacon?.add(event);
  }
}
