import type { FeedbackEvent } from './index.js';

/**
 * `<helpdex-feedback article="ID">`: "Was this article helpful?" with yes / no and, after a no,
 * an optional reason from a fixed list. Attributes: `article` (the article's id in the index;
 * default the page's path), `analytics` (a same-origin URL for the event, as on the search
 * box), `lang`. The answer is dispatched as a `helpdex-event` DOM event and passed to `onEvent`.
 */
export class HelpdexFeedbackElement extends HTMLElement {
  static observedAttributes: string[];
  static define(tag?: string, registry?: CustomElementRegistry): typeof HelpdexFeedbackElement;
  readonly article: string;
  onEvent: ((event: FeedbackEvent) => void) | null;
}

/** The reasons a "no" may give, as sent. */
export const REASONS: readonly ['inaccurate', 'unclear', 'incomplete', 'unsolved'];

declare global {
  interface HTMLElementTagNameMap {
    'helpdex-feedback': HelpdexFeedbackElement;
  }
}
