import type { HelpdexSearchAttributes, HelpdexSearchElement } from './element.js';

export { HelpdexSearchElement } from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'helpdex-search': HelpdexSearchElement;
  }
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'helpdex-search': HelpdexSearchAttributes;
    }
  }
}
