// Browser bundles: each engine's client module with its library, bundled and
// minified by esbuild into one ES module — the JS a site would ship.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { WORK_DIR } from './paths.mjs';

export const BUNDLE_DIR = resolve(WORK_DIR, 'bundles');

/** Bundles `engine.browser.client`; returns the bundle's path. */
export async function bundleClient(engine) {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const outfile = resolve(BUNDLE_DIR, `${engine.name}.js`);
  await build({
    entryPoints: [engine.browser.client],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'error',
  });
  return outfile;
}
