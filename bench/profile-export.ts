/**
 * Where the one-thread export of a long article spends its time, step by step: run it with
 * `node --import tsx bench/profile-export.ts [file.md]` (the 100k-word generated article by
 * default), or under `node --cpu-prof --cpu-prof-dir=prof --import tsx …` for a CPU profile of
 * the same work. Not part of `npm run bench`: it prints a breakdown, not a comparison.
 * `FOLIO_PROFILE_RUNS` sets the runs (default 5; the first warms the JIT and is not counted).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { exportArticleFile } from '../electron/library/export';
import { buildHtmlDocument, prepareArticle } from '../shared/export';
import { capNesting, renderMarkdownTree } from '../shared/markdown';
import { plainFenceSource } from '../shared/markdown/frontmatter-fence';
import { processor } from '../shared/markdown/pipeline';
import { generateArticle } from './generate-article';
import { printTable } from './measure';

const runs = Number(process.env.FOLIO_PROFILE_RUNS ?? 5);
const times = new Map<string, number[]>();
const record = (step: string, ms: number): void => {
  const list = times.get(step) ?? [];
  list.push(ms);
  times.set(step, list);
};

/** The pipeline rebuilt with a clock between every transformer: each step's time is its own. */
let lap = 0;
const timed = unified();
for (const [plugin, ...options] of processor.attachers) {
  timed.use(plugin as never, ...(options as never[]));
  const name = plugin.name || 'anonymous';
  timed.use(() => () => {
    const now = performance.now();
    record(`  ${name}`, now - lap);
    lap = now;
  });
}
timed.freeze();

async function main(): Promise<void> {
  const file = process.argv[2];
  const markdown = file ? await readFile(file, 'utf8') : generateArticle(100_000);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-profile-export-'));
  try {
    await writeFile(path.join(temp, 'article.md'), markdown);
    for (let run = 0; run < runs; run++) {
      const counted = run > 0;
      let start = performance.now();
      await exportArticleFile({ root: temp, outDir: path.join(temp, 'out'), threads: 1 }, 'article.md');
      const whole = performance.now() - start;

      start = performance.now();
      const source = plainFenceSource(capNesting(markdown));
      const mdast = timed.parse(source);
      lap = performance.now();
      const parse = lap - start;
      timed.runSync(mdast, source);
      const pipeline = performance.now() - start;

      start = performance.now();
      const article = prepareArticle('article.md', markdown);
      const prepare = performance.now() - start;
      // What prepareArticle adds to the render, and the whole re-parse it avoids (a fresh render
      // each, untimed: both change the tree they are given).
      const rendered = renderMarkdownTree(markdown);
      start = performance.now();
      prepareArticle('article.md', markdown, { rendered });
      const analysis = performance.now() - start;
      const again = renderMarkdownTree(markdown).tree;
      start = performance.now();
      fromHtml(toHtml(again), { fragment: true });
      const wholeReparse = performance.now() - start;
      start = performance.now();
      buildHtmlDocument(article, { css: '', images: new Map() });
      const build = performance.now() - start;
      if (!counted) {
        times.clear();
        continue;
      }
      record('export, one thread (exportArticleFile)', whole);
      record('  parse (micromark, mdast)', parse);
      record('pipeline to a safe tree', pipeline);
      record('prepareArticle (pipeline + analysis)', prepare);
      record('  analysis and read-back of a rendered tree', analysis);
      record('  (avoided: the whole body written and parsed again)', wholeReparse);
      record('buildHtmlDocument (body, head, toHtml)', build);
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const steps = [
    'export, one thread (exportArticleFile)',
    'prepareArticle (pipeline + analysis)',
    '  analysis and read-back of a rendered tree',
    '  (avoided: the whole body written and parsed again)',
    'buildHtmlDocument (body, head, toHtml)',
    'pipeline to a safe tree',
    '  parse (micromark, mdast)',
  ];
  // Then each transformer of the pipeline, in its order.
  const order = [
    ...steps,
    ...[...times.keys()].filter((key) => key.startsWith('  ') && !steps.includes(key)),
  ];
  const median = (list: number[]): number => [...list].sort((a, b) => a - b)[list.length >> 1]!;
  console.log(
    `${(markdown.length / 1000).toFixed(0)}k characters, ${runs - 1} runs, load ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  printTable([
    ['step', 'median', 'min'],
    ...order
      // Plugins that only register syntax have no transformer: nothing to show.
      .filter((key) => times.has(key) && Math.max(...times.get(key)!) >= 0.5)
      .map((key) => [
        key,
        `${median(times.get(key)!).toFixed(0)} ms`,
        `${Math.min(...times.get(key)!).toFixed(0)} ms`,
      ]),
  ]);
}

void main();
