// `helpdex/vite`: a Vite plugin. On `vite build` it indexes a folder, or by default the built
// site itself, into `outDir/<out>/` once the bundle is written. In `vite dev` it serves an index
// of the same folder (by default the project root, whose pages the built site is made of) from
// memory at `<base><out>/`, rebuilt on the first request after a file in that folder changes.
// Both go through the build API (build.js), so they are `helpdex build`.
import { relative, resolve, sep } from 'node:path';
import { createIndex } from './build.js';

/**
 * @typedef {import('../types/vite.js').HelpdexViteOptions} HelpdexViteOptions
 * @typedef {import('../types/build.js').BuildReport} BuildReport
 * @typedef {import('../types/build.js').IndexFile} IndexFile
 * @typedef {{ warn(message: string): void, info(message: string): void }} Logger
 */

/** The types a dev server sends index files with. */
const TYPES = { json: 'application/json', hdx: 'application/octet-stream' };

/**
 * @param {HelpdexViteOptions} [options]
 * @returns {any} a Vite plugin (typed in types/vite.d.ts, so this file needs no Vite types)
 */
export default function helpdex(options = {}) {
  const { input, out = 'search', ...indexOptions } = options;
  /** @type {{ root: string, base: string, command: string, build: { outDir: string, ssr: unknown }, logger: Logger }} */
  let config;
  /** @param {string} dir @param {string[]} [exclude] */
  const index = (dir, exclude = indexOptions.exclude) => {
    const hx = createIndex({ ...indexOptions, exclude });
    hx.addDirectory(dir);
    return hx;
  };
  /** @param {BuildReport} report */
  const log = (report) => {
    for (const r of [...report.problems, ...report.warnings]) {
      config.logger.warn(`helpdex: ${r.path}${r.line === null ? '' : `:${r.line}`}: ${r.reason}`);
    }
  };

  return {
    name: 'helpdex',
    /** @param {typeof config} resolved */
    configResolved(resolved) {
      config = resolved;
    },

    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr) return;
      const outDir = resolve(config.root, config.build.outDir);
      const target = resolve(outDir, out);
      const report = await index(input ? resolve(config.root, input) : outDir).writeFiles(target);
      log(report);
      config.logger.info(`helpdex: indexed ${report.articles} articles into ${relative(config.root, target)}/`);
    },

    /** @param {{ middlewares: { use(f: (req: any, res: any, next: () => void) => void): void }, watcher: { add(path: string): void, on(event: 'all', f: (event: string, path: string) => void): void } }} server */
    configureServer(server) {
      const dir = resolve(config.root, input ?? '.');
      // The root holds the last build's output too: leave its copies of the pages out.
      const built = relative(dir, resolve(config.root, config.build.outDir)).split(sep).join('/');
      const exclude = input || built.startsWith('..') ? indexOptions.exclude : [...(indexOptions.exclude ?? []), `${built}/**`];
      const prefix = `${config.base}${out}/`;
      /** @type {Promise<Map<string, Uint8Array>> | null} */
      let files = null;
      server.watcher.add(dir);
      server.watcher.on('all', (_, path) => {
        const rel = relative(dir, path);
        if (rel && !rel.startsWith(`..${sep}`) && rel !== '..') files = null;
      });
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://dev').pathname;
        if (!path.startsWith(prefix)) return next();
        files ??= index(dir, exclude)
          .getFiles()
          .then((built) => {
            log(built);
            return new Map(built.files.map((f) => [f.path, f.contents]));
          });
        files.then(
          (map) => {
            const bytes = map.get(path.slice(prefix.length));
            if (!bytes) return next();
            const ext = /** @type {keyof typeof TYPES} */ (path.split('.').pop());
            res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(bytes);
          },
          (error) => {
            files = null;
            config.logger.warn(String(error.message));
            res.statusCode = 500;
            res.end(String(error.message));
          },
        );
      });
    },
  };
}
