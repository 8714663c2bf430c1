import type { Plugin } from 'vite';
import type { IndexOptions } from './build.js';

/** Options of the {@link helpdex} Vite plugin: what to index, where, and the flags of `helpdex build`. */
export interface HelpdexViteOptions extends IndexOptions {
  /**
   * The folder to index, relative to Vite's root. By default `vite build` indexes the built
   * site (`build.outDir`) and `vite dev` the root, whose pages it is built from.
   */
  input?: string;
  /** The index folder inside `build.outDir`, and its path under `base` in dev. Default `"search"`. */
  out?: string;
}

/** Indexes on `vite build` (into `outDir/out`) and serves a fresh index in `vite dev`. */
export default function helpdex(options?: HelpdexViteOptions): Plugin;
