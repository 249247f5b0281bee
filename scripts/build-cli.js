// Bundles the `folio` command and its worker threads into `out/cli/` with esbuild: the bundle
// starts in about 0.2 s, where compiling the TypeScript sources through tsx takes about 1 s.
// `bin/folio.js` runs the bundle while it is current (see cli-bundle.js) and the sources
// otherwise. `npm run build` and `npm run web` run this; `node scripts/build-cli.js [dir]`
// writes elsewhere inside the project (the tests).
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** The bundle's entry files; every other file is a chunk that they (and the chunks) import. */
const entryFiles = ['export-worker.js', 'scan-worker.js', 'folio.js'];

/** How long a chunk no entry names any more is kept for a command still running from it. */
const staleChunkMs = 24 * 60 * 60 * 1000;

/**
 * Builds the bundle into `outDir` (default `out/cli`). It is written beside it first, then put in
 * place file by file with renames: the chunks first (their names hash their code, so a chunk of
 * the same name is the same code), then the entries, the manifest last. A `folio` starting
 * meanwhile finds old or new entries, each with its chunks, or no manifest (and runs the
 * sources); one running meanwhile still finds the chunks it loads when a command needs them.
 * Chunks of earlier builds are removed a day later.
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
  await mkdir(outDir, { recursive: true });
  const built = await readdir(staging);
  const chunks = built.filter((name) => !entryFiles.includes(name) && name !== manifestName);
  for (const name of [...chunks, ...entryFiles, manifestName]) {
    await rename(path.join(staging, name), path.join(outDir, name));
  }
  await rm(staging, { recursive: true, force: true });
  for (const name of await readdir(outDir)) {
    if (built.includes(name)) continue;
    const file = path.join(outDir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > staleChunkMs) await rm(file, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
}
