import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibraryService } from '../electron/library';
import { generateArticle } from './generate-article';
import { ms, printTable } from './measure';

/** Articles in the generated library (`FOLIO_BENCH_ARTICLES` overrides, in hundreds). */
const articleCount = Math.max(
  100,
  Math.round(Number(process.env.FOLIO_BENCH_ARTICLES ?? 10_000) / 100) * 100,
);

/** Writes a library of `count` articles with frontmatter, 100 per folder, sizes varying. */
async function generateLibrary(root: string, count: number): Promise<void> {
  const statuses = ['draft', 'review', 'published'];
  for (let folder = 0; folder < count / 100; folder++) {
    const dir = path.join(root, `section-${folder}`);
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const n = folder * 100 + i;
        const body = generateArticle(150 + (n % 7) * 120, n + 1).replace(
          /^---\n[\s\S]*?\n---\n/,
          `---\ntitle: Article ${n} about topic${n % 97}\nstatus: ${statuses[n % 3]}\ntags: [bench, t${n % 13}]\ndate: 2024-0${(n % 9) + 1}-1${n % 10}\n---\n`,
        );
        return writeFile(path.join(dir, `article-${n}.md`), body);
      }),
    );
  }
}

/**
 * The peer: a plain loop that only walks the folders and reads every file, with the same
 * number of reads in flight as the scan (32), so the ratio compares work, not scheduling.
 */
async function readEveryFile(root: string): Promise<number> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.push(full);
    }
  };
  await walk(root);
  let bytes = 0;
  const worker = async (): Promise<void> => {
    for (let next = files.pop(); next; next = files.pop()) bytes += (await readFile(next)).length;
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return bytes;
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Resolves when the service reports a change of `relative`, with the time it took. */
function changeLatency(
  service: Awaited<ReturnType<typeof createLibraryService>>,
  relative: string,
): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    const off = service.on('articleChanged', (event) => {
      if (event.path !== relative) return;
      off();
      resolve(performance.now() - start);
    });
  });
}

/**
 * The library on 10,000 generated articles: first scan against a plain read-every-file loop in
 * the same run, the cost of one change (watched, as in the app, and re-scanned, as in the CLI),
 * search latency, and memory.
 */
export async function libraryBench(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  const root = path.join(temp, 'library');
  try {
    await generateLibrary(root, articleCount);
    await readEveryFile(root); // warm the OS cache equally for both sides
    const peerRuns: number[] = [];
    const scanRuns: number[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    for (let run = 0; run < 2; run++) {
      peerRuns.push((await time(() => readEveryFile(root))).ms);
      const service = await createLibraryService({
        root,
        host: { appDataDir: path.join(temp, `cli-${run}`) },
        watch: false,
      });
      const scan = await time(() => service.listArticles({}));
      if (scan.value.length !== articleCount) throw new Error(`listed ${scan.value.length} articles`);
      scanRuns.push(scan.ms);
      await service.close();
    }
    // The CLI and a library without a watcher: a re-scan stats every file, re-reads one.
    const cli = await createLibraryService({
      root,
      host: { appDataDir: path.join(temp, 'cli') },
      watch: false,
    });
    await cli.listArticles({});
    const rescans: number[] = [];
    for (let i = 0; i < 3; i++) {
      const file = path.join(root, 'section-7', `article-${700 + i}.md`);
      await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line ${i}.\n`);
      rescans.push((await time(() => cli.listArticles({}))).ms);
    }
    await cli.close();

    // The app: watched, so one change costs one read; search is indexed in the background.
    const app = await createLibraryService({ root, host: { appDataDir: path.join(temp, 'app') } });
    await app.listArticles({});
    await app.watching;
    const heapAfterScan = process.memoryUsage().heapUsed;
    const build = await time(() => app.searchArticles({ query: 'warmup' }));
    const heapAfterSearch = process.memoryUsage().heapUsed;
    const latencies: number[] = [];
    const listAfterChange: number[] = [];
    for (let i = 0; i < 5; i++) {
      const relative = `section-42/article-${4200 + i}.md`;
      const file = path.join(root, ...relative.split('/'));
      const seen = changeLatency(app, relative);
      await writeFile(file, `${await readFile(file, 'utf8')}\nA watched change ${i}.\n`);
      latencies.push(await seen);
      listAfterChange.push((await time(() => app.listArticles({}))).ms);
    }
    const queries = [
      'river',
      'topic42',
      'evidence chapter',
      'margn',
      'sour',
      'quiet reader',
      'market',
      'ink paper',
    ];
    const searchTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      searchTimes.push((await time(() => app.searchArticles({ query: queries[i % queries.length]! }))).ms);
    }
    await app.close();

    searchTimes.sort((a, b) => a - b);
    rescans.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    listAfterChange.sort((a, b) => a - b);
    const peer = Math.min(...peerRuns);
    const first = Math.min(...scanRuns);
    console.log(`\nLibrary of ${articleCount.toLocaleString('en')} generated articles`);
    printTable([
      ['measure', 'figure', 'peer', 'ratio / target'],
      ['plain loop reading every file (best of 2)', ms(peer), '', ''],
      [
        'first scan: list with metadata (best of 2)',
        ms(first),
        ms(peer),
        `${(first / peer).toFixed(2)}× (target ≤ 3×, ≤ 1 s)`,
      ],
      [
        'app: one outside change → event (p50)',
        ms(percentile(latencies, 0.5)),
        '',
        'includes 120 ms write settling',
      ],
      ['app: listing after that change (p50)', ms(percentile(listAfterChange, 0.5)), '', 'target ≤ 200 ms'],
      ['CLI/no watcher: re-scan after one change (p50)', ms(percentile(rescans, 0.5)), '', 'target ≤ 200 ms'],
      ['search index build (background in the app)', ms(build.ms), '', ''],
      ['search p50', ms(percentile(searchTimes, 0.5)), '', ''],
      ['search p95', ms(percentile(searchTimes, 0.95)), '', 'target ≤ 16 ms'],
      ['heap: listing', mb(heapAfterScan - heapBefore), '', ''],
      ['heap: listing + search index', mb(heapAfterSearch - heapBefore), '', ''],
      ['rss', mb(process.memoryUsage().rss), '', ''],
    ]);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
