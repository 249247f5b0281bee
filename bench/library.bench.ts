import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { createLibraryService } from '../electron/library';
import { stopScanWorkers } from '../electron/library/scan-pool';
import { generateLibrary } from './generate-library';
import { listCommandTimes } from './list-command.bench';
import { ms, printTable } from './measure';

/** Articles in the generated library (`FOLIO_BENCH_ARTICLES` overrides; rounded to hundreds). */
const articleCount = Math.max(
  100,
  Math.round(Number(process.env.FOLIO_BENCH_ARTICLES ?? 10_000) / 100) * 100,
);

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

/** Wall time and this process's CPU time of `work`: on a busy machine the CPU time is steadier. */
async function time<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

/** The 1, 5 and 15 minute load averages: the others' work on this machine, as `uptime` shows it. */
function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/**
 * How many cores two busy threads of this process get right now: this thread and a worker each
 * spin for `spinMs`, and the process's CPU time is divided by the wall time. About 2 on an idle
 * two-core machine; on a shared or virtual machine whose cores are busy elsewhere it can be near
 * 1, and then scan workers cannot help (they only add the cost of sending their results).
 */
async function coresAvailable(spinMs = 300): Promise<number> {
  const worker = new Worker(
    `const end = Date.now() + ${spinMs}; while (Date.now() < end); require('node:worker_threads').parentPort.postMessage(0);`,
    { eval: true },
  );
  const done = new Promise((resolve) => worker.once('message', resolve));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = Date.now() + spinMs;
  while (Date.now() < end);
  await done;
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - start;
  await worker.terminate();
  return (used.user + used.system) / 1000 / wall;
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

/** The garbage collector, exposed at run time, so that heap figures count live data only. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Live memory after a full collection: the JS heap plus array buffers (search postings). */
function liveHeap(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The other peer: the plainest loop there is, synchronous, walking and reading every file. */
function readEveryFileSync(root: string): number {
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else bytes += readFileSync(full).length;
    }
  };
  walk(root);
  return bytes;
}

function timeSync(work: () => unknown): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * The library on 10,000 generated articles (see generate-library.ts): first scan against plain
 * read-every-file loops in the same run, the cost of one change (watched, as in the app, and
 * re-scanned, as in the CLI), the search index build, search latency on what an author types,
 * and memory.
 */
export async function libraryBench(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'));
  const root = path.join(temp, 'library');
  try {
    const library = await generateLibrary(root, articleCount);
    const loadAtStart = loadAverage();
    const coresAtStart = await coresAvailable();
    await readEveryFile(root); // warm the OS cache equally for every side
    const listCommand = await listCommandTimes(root, temp);
    if (listCommand.articles !== articleCount) throw new Error(`folio list gave ${listCommand.articles}`);
    const peerRuns: { ms: number; cpuMs: number }[] = [];
    const syncPeerRuns: { ms: number; cpuMs: number }[] = [];
    const scanRuns: { ms: number; cpuMs: number }[] = [];
    const oneThreadRuns: { ms: number; cpuMs: number }[] = [];
    // Scan workers start with the first big scan and stay a while (scan-pool.ts): the first run
    // pays their start-up (from the TypeScript sources, through tsx, far more than the bundled
    // app's), the next runs find them ready, as a second library or a big outside change would.
    stopScanWorkers();
    for (let run = 0; run < 3; run++) {
      peerRuns.push(await time(() => readEveryFile(root)));
      syncPeerRuns.push(timeSync(() => readEveryFileSync(root)));
      // One thread and workers take turns going first, so neither always meets the other's garbage.
      const sides = [
        async () => {
          const alone = await createLibraryService({
            root,
            host: { appDataDir: path.join(temp, `alone-${run}`) },
            watch: false,
            scan: { workers: 0 },
          });
          oneThreadRuns.push(await time(() => alone.listArticles({})));
          await alone.close();
        },
        async () => {
          const service = await createLibraryService({
            root,
            host: { appDataDir: path.join(temp, `cli-${run}`) },
            watch: false,
          });
          const scan = await time(() => service.listArticles({}));
          if (scan.value.length !== articleCount) throw new Error(`listed ${scan.value.length} articles`);
          scanRuns.push(scan);
          await service.close();
        },
      ];
      for (const side of run % 2 === 0 ? sides : sides.reverse()) await side();
    }
    // The CLI and a library without a watcher: a re-scan stats every file, re-reads one.
    const cli = await createLibraryService({
      root,
      host: { appDataDir: path.join(temp, 'cli') },
      watch: false,
    });
    await cli.listArticles({});
    const rescans: number[] = [];
    const rescanCpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const file = path.join(root, ...library.paths[Math.floor(articleCount * 0.07) + i]!.split('/'));
      await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line ${i}.\n`);
      const rescan = await time(() => cli.listArticles({}));
      rescans.push(rescan.ms);
      rescanCpu.push(rescan.cpuMs);
    }
    await cli.close();

    // The app: watched, so one change costs one read; search is indexed in the background.
    const heapBefore = liveHeap();
    const app = await createLibraryService({ root, host: { appDataDir: path.join(temp, 'app') } });
    const appList = await time(() => app.listArticles({}));
    const heapAfterList = liveHeap();
    // The first search, as soon as the list shows: it must wait for nothing but its own answer.
    const firstSearch = await time(() =>
      app.searchArticles({ query: library.queries.at(-1)!.query, limit: 50 }),
    );
    const build = await time(() => app.searchArticles({ query: 'warmup', limit: 50 }));
    await app.watching;
    const heapAfterSearch = liveHeap();
    const latencies: number[] = [];
    const listAfterChange: number[] = [];
    for (let i = 0; i < 5; i++) {
      const relative = library.paths[Math.floor(articleCount * 0.42) + i]!;
      const file = path.join(root, ...relative.split('/'));
      const seen = changeLatency(app, relative);
      await writeFile(file, `${await readFile(file, 'utf8')}\nA watched change ${i}.\n`);
      latencies.push(await seen);
      listAfterChange.push((await time(() => app.listArticles({}))).ms);
    }
    const searchTimes: number[] = [];
    const searchCpuTimes: number[] = [];
    const byKind = new Map<string, { worst: number; hits: number }>();
    for (let round = 0; round < 10; round++) {
      for (const { kind, query } of library.queries) {
        const search = await time(() => app.searchArticles({ query, limit: 50 }));
        searchTimes.push(search.ms);
        searchCpuTimes.push(search.cpuMs);
        const seen = byKind.get(kind) ?? { worst: 0, hits: 0 };
        byKind.set(kind, {
          worst: Math.max(seen.worst, search.ms),
          hits: Math.max(seen.hits, search.value.length),
        });
      }
    }
    await app.close();

    searchTimes.sort((a, b) => a - b);
    searchCpuTimes.sort((a, b) => a - b);
    rescans.sort((a, b) => a - b);
    rescanCpu.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    listAfterChange.sort((a, b) => a - b);
    const best = (runs: readonly { ms: number; cpuMs: number }[]) => ({
      ms: Math.min(...runs.map((run) => run.ms)),
      cpuMs: Math.min(...runs.map((run) => run.cpuMs)),
    });
    const peer = best(peerRuns).ms;
    const syncPeer = best(syncPeerRuns);
    const first = best(scanRuns);
    const oneThread = best(oneThreadRuns);
    const ratios = (scan: number) =>
      `${(scan / syncPeer.ms).toFixed(2)}× sync loop, ${(scan / peer).toFixed(2)}× async loop`;
    console.log(
      `\nLibrary of ${articleCount.toLocaleString('en')} generated articles, ${mb(library.bytes)}, ` +
        `${library.queries.length} queries × 10 (load average at the start ${loadAtStart}, at the end ${loadAverage()}; ` +
        `two busy threads got ${coresAtStart.toFixed(1)} of ${os.availableParallelism()} cores at the start)`,
    );
    printTable([
      ['measure', 'figure', 'peer', 'ratio / target'],
      ['peer: async loop reading every file, 32 in flight (best of 3)', ms(peer), '', ''],
      ['peer: synchronous loop reading every file (best of 3)', ms(syncPeer.ms), '', ''],
      [
        `first scan: list with metadata, ${os.availableParallelism()} cores (best of 3)`,
        ms(first.ms),
        ms(syncPeer.ms),
        `${ratios(first.ms)} (target ≤ 3×, ≤ 1 s)`,
      ],
      [
        'first scan, first run (workers starting)',
        ms(scanRuns[0]!.ms),
        ms(syncPeer.ms),
        ratios(scanRuns[0]!.ms),
      ],
      [
        'first scan on one thread: the same listing (best of 3)',
        ms(oneThread.ms),
        ms(syncPeer.ms),
        ratios(oneThread.ms),
      ],
      [
        'first scan, CPU time of all threads (best of 3)',
        ms(first.cpuMs),
        ms(syncPeer.cpuMs),
        `${(first.cpuMs / syncPeer.cpuMs).toFixed(2)}× sync loop's CPU time`,
      ],
      [
        'first scan on one thread, CPU time (best of 3)',
        ms(oneThread.cpuMs),
        ms(syncPeer.cpuMs),
        `${(oneThread.cpuMs / syncPeer.cpuMs).toFixed(2)}× sync loop's CPU time`,
      ],
      [
        '`folio list --json` command, whole process from its bundle (median of 5)',
        ms(listCommand.command),
        ms(listCommand.peer),
        `${(listCommand.command / listCommand.peer).toFixed(2)}× a node process's sync read loop (target ≤ 3×)`,
      ],
      ['app: first listing (watched)', ms(appList.ms), '', ''],
      [
        'app: first search right after the listing',
        ms(firstSearch.ms),
        '',
        'the index may still be building',
      ],
      ['app: search index ready (from the listing on)', ms(appList.ms + firstSearch.ms + build.ms), '', ''],
      [
        'app: one outside change → event (p50)',
        ms(percentile(latencies, 0.5)),
        '',
        'includes 120 ms write settling',
      ],
      ['app: listing after that change (p50)', ms(percentile(listAfterChange, 0.5)), '', 'target ≤ 200 ms'],
      ['CLI/no watcher: re-scan after one change (p50)', ms(percentile(rescans, 0.5)), '', 'target ≤ 200 ms'],
      ['CLI/no watcher: re-scan after one change (worst)', ms(rescans.at(-1)!), '', 'target ≤ 200 ms'],
      ['CLI/no watcher: re-scan after one change, CPU time (p50)', ms(percentile(rescanCpu, 0.5)), '', ''],
      ['search p50', ms(percentile(searchTimes, 0.5)), '', ''],
      ['search p95', ms(percentile(searchTimes, 0.95)), '', 'target ≤ 16 ms'],
      ['search p95, CPU time', ms(percentile(searchCpuTimes, 0.95)), '', 'steadier on a busy machine'],
      ...[...byKind].map(([kind, { worst, hits }]) => [
        `  search worst: ${kind}`,
        ms(worst),
        '',
        `${hits} hits max`,
      ]),
      [
        'memory: the listing (summaries and texts)',
        mb(heapAfterList - heapBefore),
        '',
        'live, after a full GC',
      ],
      ['memory: the search index', mb(heapAfterSearch - heapAfterList), '', 'live, after a full GC'],
      ['rss', mb(process.memoryUsage().rss), '', ''],
    ]);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
