// Every engine the harness knows, in report order.
import helpdex from './helpdex/index.mjs';
import pagefind from './pagefind/index.mjs';
import tinysearch from './tinysearch/index.mjs';
import minisearch from './minisearch/index.mjs';
import flexsearch from './flexsearch/index.mjs';
import lunr from './lunr/index.mjs';
import fuse from './fuse/index.mjs';

export const ENGINES = [helpdex, pagefind, tinysearch, minisearch, flexsearch, lunr, fuse];
export const engineByName = (name) => ENGINES.find((e) => e.name === name);
