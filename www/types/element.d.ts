import type { Search, SearchEvent, SearchResult, SelectEvent } from './index.js';

/** `detail` of the `helpdex-results` event: the results now shown. */
export interface HelpdexResultsDetail {
  query: string;
  results: SearchResult[];
}

/** `detail` of the cancelable `helpdex-select` event; cancel it to navigate yourself. */
export interface HelpdexSelectDetail {
  query: string;
  result: SearchResult;
  /** The heading chosen, or null for the top of the article. */
  anchor: string | null;
  /** Where the box would go: `url#anchor`, or null if the url is not http(s) or relative. */
  href: string | null;
}

export interface HelpdexSearchEventMap extends HTMLElementEventMap {
  'helpdex-open': CustomEvent<null>;
  'helpdex-close': CustomEvent<null>;
  'helpdex-results': CustomEvent<HelpdexResultsDetail>;
  'helpdex-select': CustomEvent<HelpdexSelectDetail>;
  'helpdex-error': CustomEvent<{ error: Error }>;
  /** One per search intent (`search`, `no-results`) and per chosen result (`select`). */
  'helpdex-event': CustomEvent<SearchEvent | SelectEvent>;
}

/**
 * `<helpdex-search>`: a button that opens a search dialog. Attributes: `base` (index folder,
 * default "/search/"), `limit` (default 8), `placeholder`, `no-shortcuts` (no Ctrl/⌘+K or "/"),
 * `lang` (else the page's), `analytics` (a same-origin URL that receives the search events in
 * batches; off by default, never when DNT or GPC is set).
 */
export class HelpdexSearchElement extends HTMLElement {
  static observedAttributes: string[];
  /** Registers the element (default tag `helpdex-search`); registering again is a no-op. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof HelpdexSearchElement;
  base: string;
  limit: number;
  /** A same-origin URL for the search events, or null (attribute `analytics`). */
  analytics: string | null;
  /** Called with every search event, like the `helpdex-event` DOM event. */
  onEvent: ((event: SearchEvent | SelectEvent) => void) | null;
  /** A handle from createSearch() to use instead of one made from `base`. */
  searcher: Search | null;
  readonly open: boolean;
  show(): void;
  close(): void;
  addEventListener<K extends keyof HelpdexSearchEventMap>(
    type: K,
    listener: (this: HelpdexSearchElement, ev: HelpdexSearchEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HelpdexSearchEventMap>(
    type: K,
    listener: (this: HelpdexSearchElement, ev: HelpdexSearchEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Attributes as JSX (React, Preact, Solid) sees the element. */
export interface HelpdexSearchAttributes {
  base?: string;
  limit?: number | string;
  placeholder?: string;
  lang?: string;
  'no-shortcuts'?: boolean;
  analytics?: string;
  class?: string;
  className?: string;
  id?: string;
  ref?: unknown;
  children?: never;
}
