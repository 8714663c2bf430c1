// Registers <helpdex-search>: import this module for its side effect. Registering twice (two
// bundles, hot reload) is harmless.
import { HelpdexSearchElement } from './search-box.js';

HelpdexSearchElement.define();

export { HelpdexSearchElement };
