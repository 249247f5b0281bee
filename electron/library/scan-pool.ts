import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { entryFromKeptBytes, type IndexedArticle } from './article-entry';
import type { ScanBatch, ScanWorkerMessage } from './scan-worker';
import { ScanReader } from './scan-reader';
import { startWorker } from './worker-source';

/** Options of {@link readFilesInParallel}. */
export interface ReadFilesOptions {
  /**
   * Lets other events run between files (the scan's time slicer); worker replies arrive then.
   * `null`: go on at once (no promise per file).
   */
  readonly pause: () => Promise<void> | null;
  /** Worker threads besides this one (default: the machine's parallelism minus one, at most 3). */
  readonly workers?: number;
  /**
   * Fewest files worth using workers for (default 2,000). A worker needs tens of milliseconds
   * to start and load the frontmatter readers (far more from the TypeScript sources, through
   * tsx), in which this thread reads hundreds of small articles itself.
   */
  readonly minFilesForWorkers?: number;
  /** Whether this thread reads too (default true); false leaves every batch to the workers. */
  readonly readHere?: boolean;
  /**
   * Fewest cores the scan must really get (process CPU time over wall time, measured while this
   * thread and the workers all read) to go on handing batches to workers (default 1.4). Below
   * that, the machine's other cores are busy elsewhere (a shared or virtual machine): a worker
   * then only takes turns with this thread on one core, and sending its results costs more than
   * it reads, so this thread reads the rest itself. Only when this thread reads too.
   */
  readonly minCores?: number;
  /** How long (ms) both sides must have been reading before that is judged (default 25). */
  readonly judgeCoresAfterMs?: number;
  /**
   * What reads on this thread (default: a reader of its own for this call). A library index
   * passes its own, so that its scans keep their bytes in the same slabs.
   */
  readonly reader?: ScanReader;
}

/** What {@link readFilesInParallel} read, in the order of the files given. */
export interface ReadFilesResult {
  /** One entry per file; `null` for a file that vanished meanwhile. */
  readonly entries: (IndexedArticle | null)[];
  /** How many of the files workers read (the rest were read on this thread). */
  readonly inWorkers: number;
  /** True when workers were given no more batches, the scan getting too few cores (`minCores`). */
  readonly declined: boolean;
}

/** Worker threads by default: all cores but this thread's, and no more than three. */
function defaultWorkers(): number {
  return Math.max(0, Math.min(3, os.availableParallelism() - 1));
}

/** How long idle workers are kept for the next big scan (a large outside change, a re-open). */
const idleWorkersMs = 30_000;

/** A run of consecutive files, read as one unit by this thread or by a worker. */
interface Batch {
  readonly from: number;
  readonly to: number;
}

/** One call of {@link readFilesInParallel}: its files, its queue of batches and its results. */
interface Run {
  readonly files: readonly (readonly [string, string])[];
  readonly entries: (IndexedArticle | null)[];
  readonly queue: Batch[];
  inWorkers: number;
  /** False once the scan found it gets no more than one core: workers take no more batches. */
  workersWelcome: boolean;
  /** Wakes the run's own loop (a batch came back, or a worker was lost). */
  poke(): void;
}

/** A batch a worker holds, and the run it belongs to. */
interface Held {
  readonly run: Run;
  readonly batch: Batch;
}

/**
 * The scan workers of this process. They are started by the first big scan and kept for a
 * while, so a scan that follows soon (another library, many files changed at once by git)
 * finds them ready; they never keep the process alive (unref'd), and stop after
 * {@link idleWorkersMs} without work.
 */
class ScanWorkers {
  private readonly held = new Map<Worker, Map<number, Held>>();
  private readonly ready = new Set<Worker>();
  private readonly runs = new Set<Run>();
  private nextBatch = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  /** Workers running (started or starting). */
  get size(): number {
    return this.held.size;
  }

  /** Starts workers until `count` run. */
  ensure(count: number): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    while (this.held.size < count) {
      let worker: Worker;
      try {
        worker = startWorker(import.meta.url, 'scan-worker');
      } catch {
        return; // the scanning thread reads what no worker takes
      }
      this.held.set(worker, new Map());
      worker.on('message', (message: ScanWorkerMessage) => this.onMessage(worker, message));
      worker.on('error', () => this.lose(worker));
      worker.on('exit', () => this.lose(worker));
    }
  }

  /** Lets ready workers take batches of `run` until it is {@link leave}n. */
  join(run: Run): void {
    this.runs.add(run);
    // While a run waits for them, workers keep the process alive (else it could exit mid-scan).
    for (const worker of this.held.keys()) worker.ref();
    for (const worker of this.ready) this.handOut(worker);
  }

  /** Ends a run's use of the workers; idle workers stop after a while. */
  leave(run: Run): void {
    this.runs.delete(run);
    if (this.runs.size > 0 || this.held.size === 0) return;
    for (const worker of this.held.keys()) worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), idleWorkersMs);
    this.idleTimer.unref();
  }

  /** How many batches of `run` workers hold now. */
  holding(run: Run): number {
    let count = 0;
    for (const batches of this.held.values()) {
      for (const held of batches.values()) if (held.run === run) count++;
    }
    return count;
  }

  /** Stops every worker (their batches go back to their runs). */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const worker of [...this.held.keys()]) {
      this.lose(worker);
      void worker.terminate();
    }
  }

  private onMessage(worker: Worker, message: ScanWorkerMessage): void {
    const batches = this.held.get(worker);
    if (!batches) return;
    if (message.kind === 'ready') {
      this.ready.add(worker);
    } else {
      const held = batches.get(message.batch);
      batches.delete(message.batch);
      if (held && message.kind === 'read') {
        const { run, batch } = held;
        const slab = new Uint8Array(message.slab);
        message.files.forEach((file, k) => {
          const kept = file && file.from >= 0 ? slab : null;
          run.entries[batch.from + k] =
            file && entryFromKeptBytes(file.fields, file.bodyFrom, kept, file.from, file.to);
        });
        run.inWorkers += batch.to - batch.from;
        run.poke();
      } else if (held) {
        // The worker could not read it: the scanning thread does (and reports any problem).
        held.run.queue.unshift(held.batch);
        held.run.poke();
      }
    }
    this.handOut(worker);
  }

  /** Gives a ready worker up to two batches, so it never waits for the next one. */
  private handOut(worker: Worker): void {
    const batches = this.held.get(worker);
    if (!batches || !this.ready.has(worker)) return;
    for (const run of this.runs) {
      while (batches.size < 2 && run.queue.length > 0 && run.workersWelcome) {
        const batch = run.queue.shift()!;
        const id = this.nextBatch++;
        batches.set(id, { run, batch });
        worker.postMessage({ batch: id, files: run.files.slice(batch.from, batch.to) } satisfies ScanBatch);
      }
    }
  }

  /** A worker that stops takes nothing with it: its batches are read again. */
  private lose(worker: Worker): void {
    const batches = this.held.get(worker);
    if (!batches) return;
    this.held.delete(worker);
    this.ready.delete(worker);
    for (const { run, batch } of batches.values()) run.queue.unshift(batch);
    // Every run hears of it: one left waiting for workers may have to read by itself now.
    for (const run of this.runs) run.poke();
  }
}

const scanWorkers = new ScanWorkers();

/** Stops the scan workers now (tests, and a process that wants to exit at once). */
export function stopScanWorkers(): void {
  scanWorkers.stop();
}

/**
 * Reads articles on this thread and, for a big library, in worker threads too: the files are cut
 * into batches that shrink towards the end (so every thread finishes at about the same time);
 * this thread and each ready worker take the next batch from one queue. Both read with the same
 * code (read-article.ts), so an entry is the same whoever read it; a worker that fails or dies
 * hands its batches back. Workers start with the first big scan and are kept for a while.
 */
export async function readFilesInParallel(
  files: readonly (readonly [string, string])[],
  options: ReadFilesOptions,
): Promise<ReadFilesResult> {
  const entries: (IndexedArticle | null)[] = new Array<IndexedArticle | null>(files.length).fill(null);
  const workerCount =
    files.length >= (options.minFilesForWorkers ?? 2000) ? (options.workers ?? defaultWorkers()) : 0;
  const reader = options.reader ?? new ScanReader();
  const readBatchHere = async ({ from, to }: Batch): Promise<void> => {
    for (let i = from; i < to; i++) {
      entries[i] = reader.read(files[i]![0], files[i]![1]);
      const wait = options.pause();
      if (wait) await wait;
    }
  };
  if (workerCount === 0) {
    await readBatchHere({ from: 0, to: files.length });
    return { entries, inWorkers: 0, declined: false };
  }

  const queue: Batch[] = [];
  for (let from = 0; from < files.length;) {
    const size = Math.min(256, Math.max(16, Math.ceil((files.length - from) / ((workerCount + 1) * 4))));
    queue.push({ from, to: Math.min(files.length, from + size) });
    from += size;
  }
  let wake: (() => void) | null = null;
  const run: Run = {
    files,
    entries,
    queue,
    inWorkers: 0,
    workersWelcome: true,
    poke() {
      wake?.();
      wake = null;
    },
  };
  const readHere = options.readHere ?? true;
  scanWorkers.ensure(workerCount);
  scanWorkers.join(run);
  // From the first batch a worker returns on, both sides read: then the cores really used tell
  // whether workers help (see `minCores`).
  let sharing: { readonly wall: number; readonly cpu: NodeJS.CpuUsage } | null = null;
  try {
    for (;;) {
      if (queue.length > 0 && (readHere || scanWorkers.size === 0)) {
        await readBatchHere(queue.shift()!);
        if (!readHere || !run.workersWelcome || run.inWorkers === 0) continue;
        sharing ??= { wall: performance.now(), cpu: process.cpuUsage() };
        const wall = performance.now() - sharing.wall;
        if (wall <= 0 || wall < (options.judgeCoresAfterMs ?? 25)) continue;
        const used = process.cpuUsage(sharing.cpu);
        run.workersWelcome = (used.user + used.system) / 1000 / wall >= (options.minCores ?? 1.4);
        sharing = { wall: performance.now(), cpu: process.cpuUsage() };
        continue;
      }
      if (queue.length === 0 && scanWorkers.holding(run) === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    scanWorkers.leave(run);
  }
  return { entries, inWorkers: run.inWorkers, declined: !run.workersWelcome };
}
