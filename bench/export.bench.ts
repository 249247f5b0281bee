import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportArticleFile, exportLibraryFolder } from '../electron/library/export';
import { renderArticleTree, splitWorkersReady } from '../electron/library/export/split-render';
import { build } from 'esbuild';
import { buildCli, nodeBundleOptions } from '../scripts/build-cli.js';
import { renderMarkdown, renderMarkdownTree, wholeRenderCount } from '../shared/markdown';
import { generateArticle } from './generate-article';
import { benchBook, describeBook } from './bench-book';
import { unifiedStackPage } from './peers/unified-stack';
import { ms, printTable } from './measure';

/** Articles in the generated library, and how many of them Pandoc converts (one process each). */
const libraryArticles = 1_000;
const pandocSample = Number(process.env.FOLIO_BENCH_PANDOC_SAMPLE ?? 50);

function pandocAvailable(): boolean {
  return spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Runs `command` to its exit, throwing with what it wrote to stderr when it fails. */
function run(command: string, args: readonly string[]): void {
  // (The command lists every problem its checks find on stderr: room for a book's worth.)
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${args[0]} failed: ${result.stderr?.toString()}`);
}

/** The whole `folio export` command, process start to exit, from its bundle (as `bin/folio.js` runs it). */
function folioCommand(input: string, outDir: string): void {
  run(process.execPath, ['out/cli/folio.js', 'export', input, '--out', outDir]);
}

/** Bundles the unified peer (peers/unified-stack.ts) as the command is bundled, for its one-off runs. */
async function buildUnifiedPeer(): Promise<string> {
  const outfile = path.resolve('out/bench-peers/unified-stack.js');
  await build({ entryPoints: ['bench/peers/unified-stack.ts'], outfile, ...nodeBundleOptions });
  return outfile;
}

/** One run of the unified peer's command: process start to exit. */
function unifiedCommand(peer: string, input: string, output: string): void {
  run(process.execPath, [peer, input, output]);
}

/** Pandoc's standalone HTML of one file (`markdown` reader, `html5` writer, self-contained CSS). */
function pandoc(input: string, output: string): void {
  run('pandoc', [
    '-s',
    '-f',
    'markdown',
    '-t',
    'html5',
    '--metadata',
    'pagetitle=bench',
    input,
    '-o',
    output,
  ]);
}

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function median(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(work));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A generated library: folders of 50 articles of 300–1,500 words that link to each other. */
async function generateLibrary(root: string): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < libraryArticles; i++) {
    const folder = `section-${Math.floor(i / 50)}`;
    const file = `${folder}/article-${i}.md`;
    const body = generateArticle(300 + ((i * 37) % 1200), i + 1).replace(
      'title: Generated article\nstatus: draft',
      `title: Article ${i}\ndate: 2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    const next = `../section-${Math.floor(((i + 1) % libraryArticles) / 50)}/article-${(i + 1) % libraryArticles}.md`;
    await mkdir(path.join(root, folder), { recursive: true });
    await writeFile(path.join(root, file), `${body}\nNext: [the next article](${next}#section-1).\n`);
    paths.push(file);
  }
  return paths;
}

/**
 * Export of the 100k-word article and of a 1,000-article library, against Pandoc (markdown →
 * standalone HTML) on the same files in the same run when Pandoc is installed. Pandoc has no
 * library mode, so it runs once per article, on a sample (`FOLIO_BENCH_PANDOC_SAMPLE`).
 */
export async function exportBench(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-export-'));
  const hasPandoc = pandocAvailable();
  try {
    const single = path.join(temp, 'single');
    await mkdir(single);
    const big = generateArticle(100_000);
    await writeFile(path.join(single, 'big.md'), big);
    const runs = 3;
    // One untimed export first, so that the first timed row does not pay for warming up the JIT.
    await exportArticleFile({ root: single, outDir: path.join(temp, 'out-warm-up'), threads: 1 }, 'big.md');
    // The first export renders on this thread and loads a worker in the background; the next
    // ones find it loaded (it stays a minute) and split the article with it.
    const bigTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      // An author's pause between two exports: the worker loading in the background is ready.
      await splitWorkersReady();
      bigTimes.push(
        await time(() => exportArticleFile({ root: single, outDir: path.join(temp, 'out-big') }, 'big.md')),
      );
    }
    const folioBigFirst = bigTimes[0]!;
    const folioBig = [...bigTimes].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    // The same export on one thread, and what the split render did (the export uses it).
    const folioBigOneThread = await median(runs, () =>
      exportArticleFile({ root: single, outDir: path.join(temp, 'out-big-1'), threads: 1 }, 'big.md'),
    );
    // Split on two threads whatever the load (the default declines on a busy machine): the
    // first of these loads the worker, the next ones use it.
    const folioBigTwo = await median(runs, () =>
      exportArticleFile({ root: single, outDir: path.join(temp, 'out-big-2'), threads: 2 }, 'big.md'),
    );
    const split = await renderArticleTree(big);
    const forced = await renderArticleTree(big, { threads: 2 });
    const renderBig = await median(runs, () => renderMarkdown(big));
    // What an author waits for at a terminal: a new process that loads Folio, renders the article
    // with its code not yet optimised by the JIT, writes it and exits, as Pandoc's runs do.
    await buildCli();
    const commandBig = await median(runs, () =>
      folioCommand(path.join(single, 'big.md'), path.join(temp, 'out-command')),
    );
    // The floor of any export on this stack: the bare unified stack, warmed up and one-off.
    unifiedStackPage(big);
    const bareBig = await median(runs, () => unifiedStackPage(big));
    const peer = await buildUnifiedPeer();
    const bareCommandBig = await median(runs, () =>
      unifiedCommand(peer, path.join(single, 'big.md'), path.join(temp, 'unified-big.html')),
    );
    const pandocBig = hasPandoc
      ? await median(runs, () => pandoc(path.join(single, 'big.md'), path.join(temp, 'pandoc-big.html')))
      : null;

    // The book (`FOLIO_BENCH_BOOK`, else bench/real-documents.ts: 180,000 words of package
    // READMEs with raw HTML, duplicate labels and about 1,100 fences), exported from the file as it
    // is on disk. It is cut for threads where its raw HTML is closed.
    const measured = benchBook();
    const book = measured.text;
    const bookDir = path.join(temp, 'book');
    await mkdir(bookDir);
    const bookFile = path.join(bookDir, 'book.md');
    await writeFile(bookFile, measured.bytes);
    const bookCommandTimes: number[] = [];
    const bookPandocTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      bookCommandTimes.push(await time(() => folioCommand(bookFile, path.join(temp, 'out-book-command'))));
      if (hasPandoc)
        bookPandocTimes.push(await time(() => pandoc(bookFile, path.join(temp, 'pandoc-book.html'))));
    }
    // In the running app, warm: an earlier export of the same book ran the code first.
    await exportArticleFile({ root: bookDir, outDir: path.join(temp, 'out-book-warm-up') }, 'book.md');
    const bookAppTimes: number[] = [];
    const rendersBefore = wholeRenderCount();
    for (let i = 0; i < runs; i++) {
      await splitWorkersReady();
      bookAppTimes.push(
        await time(() =>
          exportArticleFile({ root: bookDir, outDir: path.join(temp, 'out-book') }, 'book.md'),
        ),
      );
    }
    const bookRendersPerExport = (wholeRenderCount() - rendersBefore) / runs;
    // The same on two threads whatever the load (the default declines on a busy machine): an
    // untimed export first loads the worker, as the export dialog does when it opens.
    const bookTwo = { root: bookDir, outDir: path.join(temp, 'out-book-2'), threads: 2 };
    await exportArticleFile(bookTwo, 'book.md');
    const bookTwoTimes: number[] = [];
    const rendersBeforeTwo = wholeRenderCount();
    for (let i = 0; i < runs; i++) {
      await splitWorkersReady();
      bookTwoTimes.push(await time(() => exportArticleFile(bookTwo, 'book.md')));
    }
    const bookTwoRendersPerExport = (wholeRenderCount() - rendersBeforeTwo) / runs;
    await splitWorkersReady();
    const bookSplit = await renderArticleTree(book, { threads: 2 });
    const bookRender = await median(runs, () => renderMarkdownTree(book));
    const middle = (times: number[]): number | null =>
      times.length ? [...times].sort((a, b) => a - b)[times.length >> 1]! : null;
    const bookCommand = middle(bookCommandTimes)!;
    const bookApp = middle(bookAppTimes)!;
    const bookAppTwo = middle(bookTwoTimes)!;
    const bookPandoc = middle(bookPandocTimes);

    const library = path.join(temp, 'library');
    const paths = await generateLibrary(library);
    const out = path.join(temp, 'out-library');
    const full = await time(() =>
      exportLibraryFolder({ root: library, outDir: out }, '', { includeDrafts: true }),
    );
    // The same export in one thread (no workers), to show what the worker threads bring.
    const oneThread = await time(() =>
      exportLibraryFolder({ root: library, outDir: path.join(temp, 'out-one-thread'), threads: 1 }, '', {
        includeDrafts: true,
      }),
    );
    const again = await time(() =>
      exportLibraryFolder({ root: library, outDir: out }, '', { includeDrafts: true }),
    );
    let pandocPerArticle: number | null = null;
    if (hasPandoc) {
      const sample = paths.slice(0, Math.min(pandocSample, paths.length));
      const pandocOut = path.join(temp, 'pandoc-library');
      await mkdir(pandocOut);
      const total = await time(() => {
        for (const [i, file] of sample.entries())
          pandoc(path.join(library, file), path.join(pandocOut, `${i}.html`));
      });
      pandocPerArticle = total / sample.length;
    }
    const folioPerArticle = full / paths.length;
    // The same articles exported one by one with a one-off command each, as Pandoc ran.
    const commandSample = paths.slice(0, Math.min(pandocSample, paths.length));
    const commandPerArticle =
      (await time(() => {
        for (const file of commandSample)
          folioCommand(path.join(library, file), path.join(temp, 'out-command-library'));
      })) / commandSample.length;
    const bareCommandPerArticle =
      (await time(() => {
        for (const [i, file] of commandSample.entries())
          unifiedCommand(peer, path.join(library, file), path.join(temp, `unified-${i}.html`));
      })) / commandSample.length;

    const ratio = (a: number, b: number | null): string => (b === null ? 'n/a' : `${(a / b).toFixed(2)}×`);
    console.log('\nHTML export against Pandoc (markdown → standalone HTML), same inputs, same run');
    console.log(
      `${os.availableParallelism()} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (1, 5, 15 min) at the end of the run`,
    );
    console.log(describeBook(measured));
    if (!hasPandoc) console.log('Pandoc is not installed (apt-get install pandoc): peer figures skipped.');
    printTable([
      ['work', 'Folio', 'Pandoc', 'Folio / Pandoc'],
      [
        '100k-word article, export (p50 of 3)',
        ms(folioBig),
        pandocBig === null ? 'n/a' : ms(pandocBig),
        ratio(folioBig, pandocBig),
      ],
      [
        split.workers > 0
          ? `  threads: this one + ${split.workers} worker (${split.chunks} chunks, ${split.inWorkers} rendered in the worker${split.fellBack ? ', fell back to one piece' : ''})`
          : `  threads: this one only (no loaded worker, or load ${os.loadavg()[0]!.toFixed(1)} > ${os.availableParallelism()} cores + 1)`,
        '',
        '',
        '',
      ],
      [
        '  first of the 3 (one thread; loads the worker for the next)',
        ms(folioBigFirst),
        '',
        ratio(folioBigFirst, pandocBig),
      ],
      [
        '100k-word article, export on 2 threads whatever the load (p50 of 3)',
        ms(folioBigTwo),
        '',
        ratio(folioBigTwo, pandocBig),
      ],
      [
        `  threads: this one + ${forced.workers} worker (${forced.chunks} chunks, ${forced.inWorkers} rendered in the worker${forced.fellBack ? ', fell back to one piece' : ''})`,
        '',
        '',
        '',
      ],
      [
        '100k-word article, export on one thread',
        ms(folioBigOneThread),
        '',
        ratio(folioBigOneThread, pandocBig),
      ],
      ['  the preview render of it (one thread)', ms(renderBig), '', ''],
      [
        '100k-word article, one-off `folio export` command (process start to exit, p50 of 3)',
        ms(commandBig),
        '',
        ratio(commandBig, pandocBig),
      ],
      [
        '  peer: the bare unified stack (remark-parse, -gfm, -frontmatter, -math, -rehype, rehype-stringify), one thread',
        ms(bareBig),
        '',
        ratio(bareBig, pandocBig),
      ],
      [
        '  peer: the same as a one-off command (bundled too)',
        ms(bareCommandBig),
        '',
        ratio(bareCommandBig, pandocBig),
      ],
      [
        `book (${(book.length / 1e6).toFixed(2)}M characters), one-off \`folio export\` command (p50 of 3; target ≤ 1.0×)`,
        ms(bookCommand),
        bookPandoc === null ? 'n/a' : ms(bookPandoc),
        ratio(bookCommand, bookPandoc),
      ],
      [
        'book, export in the running app, warm (p50 of 3; target ≤ 0.5×)',
        ms(bookApp),
        '',
        ratio(bookApp, bookPandoc),
      ],
      [`  whole-article renders per export: ${bookRendersPerExport}`, '', '', ''],
      [
        'book, export in the running app, warm, on 2 threads whatever the load (p50 of 3; target ≤ 0.5×)',
        ms(bookAppTwo),
        '',
        ratio(bookAppTwo, bookPandoc),
      ],
      [
        `  whole-article renders per export: ${bookTwoRendersPerExport}; ${bookSplit.chunks} chunks, ${bookSplit.inWorkers} rendered in the worker, ${bookSplit.repairedCuts} cuts mended${bookSplit.fellBack ? ', fell back to one piece' : ''}`,
        '',
        '',
        '',
      ],
      [
        '  the preview render of it (one thread, p50 of 3)',
        ms(bookRender),
        '',
        ratio(bookRender, bookPandoc),
      ],
      [
        `library of ${paths.length}, per article`,
        ms(folioPerArticle),
        pandocPerArticle === null
          ? 'n/a'
          : `${ms(pandocPerArticle)} (${Math.min(pandocSample, paths.length)} runs)`,
        ratio(folioPerArticle, pandocPerArticle),
      ],
      [
        `library of ${paths.length}, whole export`,
        `${(full / 1000).toFixed(1)} s`,
        pandocPerArticle === null ? 'n/a' : `≈${((pandocPerArticle * paths.length) / 1000).toFixed(1)} s`,
        '',
      ],
      [
        '  articles per second',
        (paths.length / (full / 1000)).toFixed(0),
        pandocPerArticle === null ? 'n/a' : (1000 / pandocPerArticle).toFixed(0),
        '',
      ],
      [
        `library of ${paths.length}, one thread, per article`,
        ms(oneThread / paths.length),
        '',
        ratio(oneThread / paths.length, pandocPerArticle),
      ],
      [
        `library article, one-off \`folio export\` command each (${commandSample.length} runs, as Pandoc's)`,
        ms(commandPerArticle),
        '',
        ratio(commandPerArticle, pandocPerArticle),
      ],
      [
        '  peer: the bare unified stack, a one-off command each',
        ms(bareCommandPerArticle),
        '',
        ratio(bareCommandPerArticle, pandocPerArticle),
      ],
      ['library re-export, nothing changed', ms(again), '', ''],
    ]);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
