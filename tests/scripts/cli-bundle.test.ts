import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.js';
import { planChunks } from '../../shared/markdown/chunk-plan';
import { renderChunk } from '../../shared/markdown/chunk-render';
import { cliBundleIsCurrent, manifestName } from '../../scripts/cli-bundle.js';
import { useTempDirs, writeFiles } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const root = path.resolve('.');
// Inside the project, as out/cli is: the bundle finds its packages and Folio's files from there.
const bundleDir = path.join(root, 'out', `cli-test-${process.pid}`);

beforeAll(async () => {
  await buildCli(bundleDir);
}, 60_000);
afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

/** Runs `folio` from the bundle (`bundle`) or from the TypeScript sources through bin/folio.js. */
async function folio(from: 'bundle' | 'sources', ...args: string[]): Promise<string> {
  const entry = from === 'bundle' ? path.join(bundleDir, 'folio.js') : path.resolve('bin/folio.js');
  const { stdout } = await promisify(execFile)(process.execPath, [entry, ...args], {
    env: { ...process.env, FOLIO_CLI_FROM: from === 'sources' ? 'sources' : '' },
  });
  return stdout;
}

describe('the bundled folio command', () => {
  it('is current right after its build, and not once a source is newer or missing', async () => {
    expect(cliBundleIsCurrent(root, bundleDir)).toBe(true);
    const manifestFile = path.join(bundleDir, manifestName);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      builtAt: number;
      inputs: string[];
    };
    expect(manifest.inputs).toContain('electron/cli/index.ts');
    expect(manifest.inputs).toContain('shared/markdown/pipeline.ts');
    expect(manifest.inputs).toContain('scripts/build-cli.js');
    expect(
      manifest.inputs.some(
        (file) => file.includes('node_modules/') && file !== 'node_modules/.package-lock.json',
      ),
    ).toBe(false);
    try {
      // A source edited after the build started.
      const edited = (await stat(path.join(root, 'shared/markdown/pipeline.ts'))).mtimeMs;
      await writeFile(manifestFile, JSON.stringify({ ...manifest, builtAt: edited - 1 }));
      expect(cliBundleIsCurrent(root, bundleDir)).toBe(false);
      // A source that is gone.
      await writeFile(
        manifestFile,
        JSON.stringify({ ...manifest, inputs: [...manifest.inputs, 'shared/gone.ts'] }),
      );
      expect(cliBundleIsCurrent(root, bundleDir)).toBe(false);
      // No readable manifest.
      await writeFile(manifestFile, '{"builtAt":');
      expect(cliBundleIsCurrent(root, bundleDir)).toBe(false);
    } finally {
      await writeFile(manifestFile, JSON.stringify(manifest));
    }
    expect(cliBundleIsCurrent(root, bundleDir)).toBe(true);
  });

  it('exports, lists and searches byte for byte as the sources do, with its theme, KaTeX and highlighting', async () => {
    const library = path.join(await tempDir(), 'library');
    const articles: Record<string, string> = {
      'a.md':
        '---\ntitle: Alpha\ndate: 2026-01-02\nstatus: published\n---\n# Alpha\n\nSee [b](b.md) and $x^2$.\n\n```js\nconst a = 1;\n```\n',
      'b.md': '---\ntitle: Beta\n---\n## Beta\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    };
    // Enough articles for the library export's worker threads on a machine with two cores.
    for (let i = 0; i < 70; i++) articles[`many/n-${i}.md`] = `# Note ${i}\n\nText ${i} with *emphasis*.\n`;
    await writeFiles(library, articles);
    const outputs: Record<string, string[]> = {};
    for (const from of ['bundle', 'sources'] as const) {
      const out = path.join(await tempDir(), from);
      await folio(from, 'export', path.join(library, 'a.md'), '--out', path.join(out, 'one'));
      await folio(from, 'export', library, '--out', path.join(out, 'all'), '--include-drafts');
      outputs[from] = [
        await readFile(path.join(out, 'one', 'a.html'), 'utf8'),
        await readFile(path.join(out, 'all', 'index.html'), 'utf8'),
        await readFile(path.join(out, 'all', 'b.html'), 'utf8'),
        await readFile(path.join(out, 'all', 'many', 'n-69.html'), 'utf8'),
        await folio(from, 'list', library, '--json'),
        await folio(from, 'search', library, 'emphasis', '--json', '--limit', '3'),
      ];
    }
    expect(outputs.bundle).toEqual(outputs.sources);
    const [single] = outputs.bundle!;
    expect(single).toContain('class="katex"');
    expect(single).toContain('hljs-keyword');
    expect(single).toMatch(/<style>[^<]*--article-text/);
    // Twelve commands, half of them run from the sources through tsx: minutes on a loaded machine.
  }, 180_000);

  it('lists a library without loading the service, its index, the export’s code, zod or a Markdown parser, which other commands then load', async () => {
    const dir = await tempDir();
    const library = path.join(dir, 'library');
    await writeFiles(library, { 'a.md': '---\ntitle: Alpha\n---\n# Alpha\n\nText with $x$.\n' });
    const withSchema = path.join(dir, 'with-schema');
    await writeFiles(withSchema, {
      'a.md': '---\ntitle: Alpha\n---\nText.\n',
      '.folio/schema.yaml': 'fields:\n  author: { required: true }\n',
    });
    // A module hook that notes every file of the bundle the command loads.
    const log = path.join(dir, 'loaded.txt');
    await writeFile(
      path.join(dir, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\n" +
        'export async function load(url, context, next) {\n' +
        `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');\n` +
        '  return next(url, context);\n}\n',
    );
    await writeFile(
      path.join(dir, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${path.join(dir, 'hooks.mjs')}`)});\n`,
    );
    const loadedBy = async (...args: string[]): Promise<string> => {
      await writeFile(log, '');
      const entry = path.join(bundleDir, 'folio.js');
      const register = path.join(dir, 'register.mjs');
      await promisify(execFile)(process.execPath, ['--import', register, entry, ...args]);
      const files = (await readFile(log, 'utf8')).split('\n').filter((url) => url.includes(bundleDir));
      expect(files.length, args[0]).toBeGreaterThan(0);
      return (await Promise.all(files.map((url) => readFile(new URL(url), 'utf8')))).join('\n');
    };
    const listing = await loadedBy('list', library, '--json');
    const exporting = await loadedBy('export', path.join(library, 'a.md'), '--out', path.join(dir, 'out'));
    // KaTeX's renderer and the pipeline's processor, by names the bundle keeps.
    for (const code of ['renderToString', 'unsafeTreeProcessor']) {
      expect(exporting, code).toContain(code);
      expect(listing, code).not.toContain(code);
    }
    // Packages, by the comment esbuild puts before each of their files in a bundle.
    const packagesIn = (code: string): Set<string> =>
      new Set([...code.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!));
    const listed = packagesIn(listing);
    expect(listed).toContain('yaml'); // (the frontmatter reader: the comments are there to find)
    // Nor the service (its watcher, search index and safe writes): `folio list` only scans.
    const notForListing = ['zod', 'unified', 'micromark', 'remark-parse', 'isomorphic-git', 'katex'];
    // Nor commander: the plain `folio list <library> [--json]` needs no parser for the rest.
    for (const name of [...notForListing, 'chokidar', 'minisearch', 'write-file-atomic', 'commander']) {
      expect(listed, name).not.toContain(name);
    }
    expect(packagesIn(exporting)).toContain('unified');
    expect(packagesIn(exporting)).toContain('commander');
    // Nor the library index and its scan pool (worker threads): the listing reads each article
    // and keeps its summary alone. `folio search` needs the index, and loads them.
    const searching = await loadedBy('search', library, 'alpha', '--json');
    for (const code of ['ArticleIndex', 'readFilesInParallel', 'node:worker_threads']) {
      expect(searching, code).toContain(code);
      expect(listing, code).not.toContain(code);
    }
    // A library with a schema file: its checks need zod, loaded then, and they run.
    const schemaListing = await loadedBy('list', withSchema, '--json');
    expect(packagesIn(schemaListing)).toContain('zod');
    expect(JSON.parse(await folio('bundle', 'list', withSchema, '--json'))).toMatchObject([
      { path: 'a.md', problems: ['Author is required.'] },
    ]);
  }, 60_000);

  it('starts its export and scan workers from beside the bundle, and they do their work', async () => {
    /** Starts a bundled worker, sends it `messages` in turn and gathers one answer each. */
    const exchange = async (name: string, messages: unknown[], skipFirst: boolean): Promise<unknown[]> => {
      const worker = new Worker(new URL(`file://${path.join(bundleDir, name)}`));
      const answers: unknown[] = [];
      try {
        const next = (): Promise<unknown> =>
          new Promise((resolve, reject) => {
            worker.once('error', reject);
            worker.once('message', resolve);
          });
        if (skipFirst) await next();
        for (const message of messages) {
          const answer = next();
          worker.postMessage(message);
          answers.push(await answer);
        }
      } finally {
        await worker.terminate();
      }
      return answers;
    };

    // The export worker answers split-render's ping, then renders a chunk as this thread does.
    const article = ['# One', '', 'Some *text* and $x$.', '', '# Two', '', 'More text.', '']
      .join('\n')
      .repeat(40);
    const plan = planChunks(article, { chunkSize: 200 })!;
    expect(plan.chunks.length).toBeGreaterThan(2);
    const [pong, rendered] = await exchange(
      'export-worker.js',
      [
        { id: -1, ping: true },
        { id: 1, chunk: plan.chunks[1] },
      ],
      false,
    );
    expect(pong).toEqual({ id: -1, pong: true });
    expect(rendered).toEqual({ id: 1, chunk: renderChunk(plan.chunks[1]!) });

    // The scan worker says it is ready, then reads a batch of articles.
    const library = await tempDir();
    await writeFiles(library, { 'a.md': '---\ntitle: Alpha\n---\nSome words here.\n' });
    const [read] = await exchange(
      'scan-worker.js',
      [{ batch: 7, files: [['a.md', path.join(library, 'a.md')]] }],
      true,
    );
    expect(read).toMatchObject({
      kind: 'read',
      batch: 7,
      files: [{ fields: { summary: { title: 'Alpha', words: 3 } } }],
    });
  });

  it('keeps an earlier build’s chunks a day for commands still running from it', async () => {
    const before = await readdir(bundleDir);
    const recent = path.join(bundleDir, 'chunk-EARLIER.js');
    const ancient = path.join(bundleDir, 'chunk-ANCIENT.js');
    await writeFile(recent, '');
    await writeFile(ancient, '');
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await utimes(ancient, dayAgo, dayAgo);
    await buildCli(bundleDir);
    const after = await readdir(bundleDir);
    expect(after).toContain('chunk-EARLIER.js');
    expect(after).not.toContain('chunk-ANCIENT.js');
    expect(after.filter((name) => name !== 'chunk-EARLIER.js').sort()).toEqual(before.sort());
    expect(cliBundleIsCurrent(root, bundleDir)).toBe(true);
    // The rebuilt command runs, loading its chunks.
    expect(JSON.parse(await folio('bundle', 'list', await tempDir(), '--json'))).toEqual([]);
  }, 120_000);
});
