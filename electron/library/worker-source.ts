import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Worker, WorkerOptions } from 'node:worker_threads';

/** How to start a worker: the bundled file's URL, or code that loads the TypeScript source. */
type WorkerSource = { code: string; eval: true } | { url: URL; eval: false };

/**
 * Where the code of worker `name` is, for a module at `callerUrl` (its `import.meta.url`): beside
 * the caller as `name.ts` when running from the sources (CLI through tsx, tests, bench), or the
 * bundled `name.js` beside the main bundle (electron.vite.config.ts lists each worker as an
 * entry), which is one folder above a split-off chunk. From the sources, tsx is registered inside the worker first, as `bin/folio.js` does.
 */
function workerSource(callerUrl: string, name: string): WorkerSource {
  if (!/\.ts$/.test(new URL(callerUrl).pathname)) {
    // Beside the caller, or one folder up when the caller was split into a chunk of its own
    // (electron-vite writes those to `chunks/`; the command's bundle keeps them beside).
    const beside = new URL(`./${name}.js`, callerUrl);
    return { url: existsSync(beside) ? beside : new URL(`../${name}.js`, callerUrl), eval: false };
  }
  // The ESM entry of tsx's API (`require.resolve` would give the CommonJS one).
  const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const worker = new URL(`./${name}.ts`, callerUrl).href;
  return {
    eval: true,
    code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`,
  };
}

/**
 * Starts worker `name` for the module at `callerUrl` from wherever its code is (see
 * `workerSource`), with `options` (e.g. `workerData`). Throws as `new Worker` does.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const source = workerSource(callerUrl, name);
  // Loaded when a worker starts, not with this module: a scan on one thread needs none of it.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  return source.eval ? new Worker(source.code, { ...options, eval: true }) : new Worker(source.url, options);
}
