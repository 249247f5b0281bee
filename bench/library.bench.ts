import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibraryService } from '../electron/library';
import { generateArticle } from './generate-article';
import { ms, printTable } from './measure';

const articleCount = 10_000;

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

/**
 * The library on 10,000 generated articles: first scan against a plain read-every-file loop in
 * the same run, a re-scan after one change, search latency, and memory.
 */
export async function libraryBench(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  const root = path.join(temp, 'library');
  try {
    await generateLibrary(root, articleCount);
    await readEveryFile(root); // warm the OS cache equally for both sides
    const peerRuns: number[] = [];
    const scanRuns: number[] = [];
    let heapAfterScan = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    for (let run = 0; run < 3; run++) {
      peerRuns.push((await time(() => readEveryFile(root))).ms);
      const service = await createLibraryService({
        root,
        host: { appDataDir: path.join(temp, `data-${run}`) },
        watch: false,
      });
      const scan = await time(() => service.listArticles({}));
      if (scan.value.length !== articleCount) throw new Error(`listed ${scan.value.length} articles`);
      scanRuns.push(scan.ms);
      if (run === 2) {
        globalThis.gc?.();
        heapAfterScan = process.memoryUsage().heapUsed;
        const rescans: number[] = [];
        for (let i = 0; i < 5; i++) {
          const file = path.join(root, 'section-42', `article-${4200 + i}.md`);
          await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line ${i}.\n`);
          rescans.push((await time(() => service.listArticles({}))).ms);
        }
        const build = await time(async () => service.searchArticles({ query: 'warmup' }));
        const heapAfterSearch = process.memoryUsage().heapUsed;
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
          searchTimes.push(
            (await time(() => service.searchArticles({ query: queries[i % queries.length]! }))).ms,
          );
        }
        searchTimes.sort((a, b) => a - b);
        rescans.sort((a, b) => a - b);
        const peer = Math.min(...peerRuns);
        const first = Math.min(...scanRuns);
        console.log(`\nLibrary of ${articleCount.toLocaleString('en')} generated articles (best of 3 runs)`);
        printTable([
          ['measure', 'figure', 'against', 'ratio / target'],
          ['plain loop reading every file', ms(peer), '', ''],
          [
            'first scan (list with metadata)',
            ms(first),
            ms(peer),
            `${(first / peer).toFixed(2)}× (target ≤ 3×, ≤ 1 s)`,
          ],
          ['first scan, coldest run', ms(Math.max(...scanRuns)), '', ''],
          ['re-scan after one change, p50', ms(rescans[2]!), '', 'target ≤ 200 ms'],
          ['search index build (first search)', ms(build.ms), '', ''],
          ['search p50', ms(percentile(searchTimes, 0.5)), '', ''],
          ['search p95', ms(percentile(searchTimes, 0.95)), '', 'target ≤ 16 ms'],
          ['heap: listing', mb(heapAfterScan - heapBefore), '', ''],
          ['heap: listing + search index', mb(heapAfterSearch - heapBefore), '', ''],
          ['rss', mb(process.memoryUsage().rss), '', ''],
        ]);
      }
      await service.close();
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
