import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Where the worker's code is: beside this module as TypeScript when running from the sources
 * (CLI through tsx, tests, bench), or the bundled `export-worker.js` beside the main bundle.
 * From the sources, tsx is registered inside the worker first, as `bin/folio.js` does. Also
 * used by split-render.ts, whose workers render chunks of one long article.
 */
export function workerSource(): { code: string; eval: true } | { url: URL; eval: false } {
  const self = import.meta.url;
  if (!/\.ts$/.test(new URL(self).pathname)) return { url: new URL('./export-worker.js', self), eval: false };
  // The ESM entry of tsx's API (`require.resolve` would give the CommonJS one).
  const tsx = pathToFileURL(createRequire(self).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const worker = new URL('./export-worker.ts', self).href;
  return {
    eval: true,
    code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`,
  };
}
