/** Options of {@link createSearch}. */
export interface SearchOptions {
  /**
   * The index folder `helpdex build --out` wrote, as served: relative to the page or absolute
   * on the page's own origin. Default `"/search/"`. Another origin is refused.
   */
  base?: string | URL;
  /** The wasm module, if not beside the package's scripts: a URL, its bytes or a compiled module. */
  wasm?: string | URL | BufferSource | WebAssembly.Module;
  /** A fetch to read index files with (tests, custom caching). Keeps the engine on the main thread. */
  fetch?: (url: URL) => Promise<Response>;
  /** Run the engine in a Web Worker (default true); without one, or if it cannot start, it runs on the main thread. */
  worker?: boolean;
}

/** Options of one {@link Search.search} call. */
export interface QueryOptions {
  /** Results at most (default 10). */
  limit?: number;
  /** Typo tolerance (default true). */
  typos?: boolean;
  /** Abort a search superseded by a newer keystroke: it rejects with an `AbortError` at once. */
  signal?: AbortSignal;
}

/** Options of one {@link Search.suggest} call. */
export interface SuggestOptions {
  /** Suggestions at most (default 5). */
  limit?: number;
  /**
   * Leave out results less likely than this to answer the text (0 to 1, default 0: keep all).
   * {@link SUGGEST_CONFIDENCE} is the documented threshold.
   */
  minConfidence?: number;
  /** Typo tolerance (default true). */
  typos?: boolean;
  /** Abort a suggestion superseded by newer text. */
  signal?: AbortSignal;
}

/** A result of {@link Search.suggest}. */
export interface Suggestion extends SearchResult {
  /** How likely it answers the text, 0 to 1. */
  confidence: number;
  /** The text's words it matched (folded; Chinese as character pairs). */
  matched: string[];
}

/** Text with matched ranges: flat `[start, end, start, end, …]` UTF-16 offsets, for `String.prototype.slice`. */
export interface Excerpt {
  text: string;
  highlights: Uint32Array;
}

/** A heading of the article that matches the query. */
export interface SubResult {
  heading: string;
  /** The heading's id on the article page: link to `url#anchor`. */
  anchor: string;
  excerpt: Excerpt;
}

/** One ranked article. Its fields are the article's own text: render them as text, never as HTML. */
export interface SearchResult {
  /** The article's id (its path, or the record id of JSON input). */
  id: string;
  /** The article's URL as indexed; check its scheme before making it a link. */
  url: string;
  title: string;
  titleHighlights: Uint32Array;
  section: string | null;
  lang: string | null;
  /** The best-matching heading's anchor, or null when the best match is not under a heading. */
  anchor: string | null;
  excerpt: Excerpt;
  /** Up to three matching headings, best first. */
  subResults: SubResult[];
  score: number;
}

/** The documented confidence threshold of suggestions (0.5), `<helpdex-suggest>`'s default. */
export const SUGGEST_CONFIDENCE: number;

/** A search over one index. Nothing is fetched until {@link Search.preload} or the first search. */
export interface Search {
  /** Loads the manifest, the wasm module and the core file now. */
  preload(): Promise<void>;
  /**
   * Ranked results for `text`, fetching only the index chunks the query needs. Rejects with a
   * {@link HelpdexError} naming the file when the index is missing, corrupt or of another version.
   */
  search(text: string, options?: QueryOptions): Promise<SearchResult[]>;
  /**
   * Articles that answer long text: what a customer writes into a contact form or a chat box.
   * Greetings, signatures and quoted lines weigh nothing and context sentences less than the
   * question; each result says how likely it answers the text.
   */
  suggest(text: string, options?: SuggestOptions): Promise<Suggestion[]>;
  /** Stops the worker; later searches reject. */
  destroy(): void;
}

/** Creates a search over the index in `options.base`. Rejects if `base` is on another origin. */
export function createSearch(options?: SearchOptions): Promise<Search>;

/** Splits `text` at highlight ranges into pieces to render as text, with `match` ones marked. */
export function segments(text: string, ranges: ArrayLike<number>): { text: string; match: boolean }[];

/** Why search cannot run; `file` is the URL of the index file at fault, when one is. */
export class HelpdexError extends Error {
  name: 'HelpdexError';
  file?: string;
  constructor(message: string, file?: string);
}

/** A search intent's outcome: one per query typed, not per keystroke (`helpdex gaps` reads these). */
export interface SearchEvent {
  type: 'search' | 'no-results';
  /** RFC 3339. */
  time: string;
  query: string;
  /** The page's language. */
  lang: string;
  results: number;
  /** Ids of the first results (up to 5). */
  top: string[];
  /** Random id shared with the `select` that follows; says nothing about the person. */
  intent: string;
}

/** A result chosen. */
export interface SelectEvent {
  type: 'select';
  time: string;
  query: string;
  /** The chosen article's id. */
  id: string;
  /** 1-based. */
  rank: number;
  intent: string;
}

/** An answer of `<helpdex-feedback>`. */
export interface FeedbackEvent {
  type: 'feedback';
  time: string;
  /** The article's id (the element's `article`), else the page's path. */
  article: string;
  helpful: boolean;
  /** After a no, if one was picked: `inaccurate`, `unclear`, `incomplete` or `unsolved`. */
  reason?: string;
}

/** Suggestions shown for a message being written: one per intent (`<helpdex-suggest>`). */
export interface SuggestEvent {
  type: 'suggest';
  time: string;
  /** The page's language. */
  lang: string;
  results: number;
  /** Ids of the suggested articles (up to 5). */
  top: string[];
  intent: string;
}

/** A suggested article opened. */
export interface SuggestSelectEvent {
  type: 'suggest-select';
  time: string;
  id: string;
  /** 1-based. */
  rank: number;
  intent: string;
}

/** Suggestions hidden by the customer, or the form sent anyway (`submitted`). */
export interface SuggestDismissedEvent {
  type: 'suggest-dismissed';
  time: string;
  intent: string;
  submitted: boolean;
}

export type HelpdexEvent = SearchEvent | SelectEvent | FeedbackEvent | SuggestEvent | SuggestSelectEvent | SuggestDismissedEvent;

/**
 * Collapses the searches of one intent into one event: call `searched` with every answer,
 * `selected` when a result is chosen, `end` when the search is abandoned.
 */
export class SearchIntents {
  constructor(emit: (event: HelpdexEvent) => void, options?: { pause?: number; lang?: () => string });
  searched(query: string, results: { id: string }[]): void;
  selected(id: string, rank: number): void;
  end(): void;
}

/** Sends events in batches with `navigator.sendBeacon` to a same-origin URL, unless DNT or GPC is set. */
export class Beacon {
  constructor(url: string);
  add(event: HelpdexEvent): void;
  flush(): void;
  destroy(): void;
}

/** Whether the visitor asked not to be tracked (Do Not Track, Global Privacy Control). */
export function trackingRefused(nav?: Navigator): boolean;
