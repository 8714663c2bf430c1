import type { SuggestEvent, SuggestSelectEvent, SuggestDismissedEvent, Suggestion } from './index.js';

/**
 * `<helpdex-suggest for="ID">`: articles that may answer what a customer is writing into the
 * textarea or input with that id (a contact form, a chat box), shown after a pause in typing.
 * It never handles keys, moves focus or blocks the form. Attributes: `for`, `base` (the index
 * folder, default `/search/`), `limit` (default 3), `min-confidence` (default
 * `SUGGEST_CONFIDENCE`, 0.5), `pause` (ms, default 700), `min-length` (characters, default 12),
 * `analytics` (a same-origin URL for the events), `lang`. Choosing an article dispatches a
 * cancelable `helpdex-suggest-select` (`detail: { result, rank, href }`); cancelled, the link
 * (a new tab) is not followed.
 */
export class HelpdexSuggestElement extends HTMLElement {
  static observedAttributes: string[];
  static define(tag?: string, registry?: CustomElementRegistry): typeof HelpdexSuggestElement;
  readonly base: string;
  onEvent: ((event: SuggestEvent | SuggestSelectEvent | SuggestDismissedEvent) => void) | null;
}

/** What `helpdex-suggest-select` carries. */
export interface SuggestSelectDetail {
  result: Suggestion;
  /** 1-based. */
  rank: number;
  /** The link followed unless the event is cancelled; null for a URL that is not http(s). */
  href: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'helpdex-suggest': HelpdexSuggestElement;
  }
  interface HTMLElementEventMap {
    'helpdex-suggest-select': CustomEvent<SuggestSelectDetail>;
  }
}
