// Bundles the `folio` command and its worker threads into `out/cli/` with esbuild: the bundle
// starts in about 0.2 s, where compiling the TypeScript sources through tsx takes about 1 s.
// `bin/folio.js` runs the bundle while it is current (see cli-bundle.js) and the sources
// otherwise. `npm run build` and `npm run web` run this; `node scripts/build-cli.js [dir]`
// writes elsewhere inside the project (the tests).
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { manifestName } from './cli-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * esbuild's options for code that Node runs as an ES module from a bundle (the command here, the
 * export bench's unified peer).
 */
export const nodeBundleOptions = /** @type {const} */ ({
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Packages written as CommonJS use `require` and `__filename` (write-file-atomic names its
  // temporary files with it), which an ES module does not have.
  banner: {
    js: [
      "import { createRequire as folioCreateRequire } from 'node:module';",
      "import { fileURLToPath as folioFileURLToPath } from 'node:url';",
      'const require = folioCreateRequire(import.meta.url);',
      'const __filename = folioFileURLToPath(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});

/**
 * Builds the bundle into `outDir` (default `out/cli`). It is written beside it first and put in
 * place with a rename, so that a `folio` starting meanwhile finds either no bundle (and runs the
 * sources) or a whole one.
 *
 * @param {string} [outDir]
 */
export async function buildCli(outDir = path.join(root, 'out', 'cli')) {
  const builtAt = Date.now();
  const staging = `${outDir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      folio: 'electron/cli/index.ts',
      // Loaded beside the bundle by worker-source.ts, as in electron-vite's build of the app.
      'export-worker': 'electron/library/export/export-worker.ts',
      'scan-worker': 'electron/library/scan-worker.ts',
    },
    outdir: staging,
    ...nodeBundleOptions,
    // Each command loads its own code when it runs (dynamic imports become files of their own):
    // `folio list` starts without the export's pipeline, KaTeX, highlight.js and parse5.
    splitting: true,
    metafile: true,
  });
  // The project's own sources, each checked by bin/folio.js; packages are covered by npm's lock,
  // and how the bundle is made by this script.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((file) => !file.includes('node_modules/'))
    .concat('package-lock.json', 'node_modules/.package-lock.json', 'scripts/build-cli.js');
  await writeFile(path.join(staging, manifestName), `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  const old = `${outDir}.old-${process.pid}`;
  await rename(outDir, old).catch(() => undefined);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
