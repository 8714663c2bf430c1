// Registers <helpdex-suggest>: import this module for its side effect. Registering twice is
// harmless.
import { HelpdexSuggestElement } from './suggest.js';

HelpdexSuggestElement.define();

export { HelpdexSuggestElement };
