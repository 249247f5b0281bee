import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-source';
import {
  renderExportItem,
  type ExportItemInput,
  type ExportItemResult,
  type ExportItemShared,
} from './export-item';

/** Renders the articles of one export run, in worker threads when that pays. */
export interface ExportRenderPool {
  /** Renders one article; results may arrive in any order. */
  render(item: ExportItemInput): Promise<ExportItemResult>;
  /** Stops the workers (pending renders are rejected). */
  close(): Promise<void>;
  /** How many threads render (1: the calling thread only). */
  readonly threads: number;
  /** Articles rendered so far by workers and by the calling thread. */
  readonly rendered: { inWorkers: number; inThread: number };
}

/** Options of {@link createExportRenderPool}. */
export interface ExportRenderPoolOptions {
  /** Articles the run will render: below `minArticles` no worker is started. */
  readonly articles: number;
  /** Fewest articles worth starting workers for (default 64: a worker takes about a second to load the pipeline). */
  readonly minArticles?: number;
  /** Worker threads (default: the machine's parallelism, at most 4). */
  readonly threads?: number;
  /**
   * The process exits after this run (a one-off `folio export`): a long article rendered in
   * the calling thread loads no worker for a later one. Default false.
   */
  readonly oneOff?: boolean;
}

/**
 * Starts the render pool of an export run. Each worker gets the run's shared data once and then
 * one article per message; the calling thread only reads, writes and reports progress. Small
 * runs, one-core machines and failures to start a worker render in the calling thread instead,
 * with the same code and so the same bytes.
 */
export function createExportRenderPool(
  shared: ExportItemShared,
  options: ExportRenderPoolOptions,
): ExportRenderPool {
  const wanted = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), 4, options.articles));
  if (wanted < 2 || options.articles < (options.minArticles ?? 64)) {
    return inThread(shared, options.threads, options.oneOff);
  }

  interface Pending {
    readonly item: ExportItemInput;
    readonly resolve: (result: ExportItemResult) => void;
    readonly reject: (error: unknown) => void;
  }
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Map<number, Pending>>();
  let nextId = 1;
  let closed = false;
  let failed = false;
  const fallback = inThread(shared, 1);
  const rendered = fallback.rendered;

  const dispatch = (): void => {
    while (queue.length > 0) {
      if (failed || busy.size === 0) {
        // No worker runs (none could start, or all died): render in this thread.
        const pending = queue.shift()!;
        fallback.render(pending.item).then(pending.resolve, pending.reject);
        continue;
      }
      const worker = idle.shift();
      if (!worker) return;
      const pending = queue.shift()!;
      const id = nextId++;
      busy.get(worker)!.set(id, pending);
      worker.postMessage({ id, item: pending.item });
    }
  };

  for (let i = 0; i < wanted; i++) {
    let worker: Worker;
    try {
      worker = startWorker(import.meta.url, 'export-worker', { workerData: shared });
    } catch {
      failed = true;
      break;
    }
    busy.set(worker, new Map());
    idle.push(worker);
    worker.on('message', (message: { id: number; result?: ExportItemResult; error?: string }) => {
      const jobs = busy.get(worker)!;
      const pending = jobs.get(message.id);
      jobs.delete(message.id);
      idle.push(worker);
      if (message.result) rendered.inWorkers++;
      if (message.result) pending?.resolve(message.result);
      else pending?.reject(new Error(message.error ?? 'The export worker failed.'));
      dispatch();
    });
    const lost = (): void => {
      const jobs = busy.get(worker);
      if (!jobs) return;
      busy.delete(worker);
      const index = idle.indexOf(worker);
      if (index !== -1) idle.splice(index, 1);
      if (closed) {
        for (const pending of jobs.values()) pending.reject(new Error('The export was stopped.'));
        return;
      }
      // A worker that dies takes nothing with it: its articles are rendered again elsewhere.
      queue.unshift(...jobs.values());
      if (busy.size === 0) failed = true;
      dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
  }

  return {
    threads: failed ? 1 : busy.size,
    rendered,
    render(item) {
      return new Promise<ExportItemResult>((resolve, reject) => {
        if (closed) {
          reject(new Error('The export was stopped.'));
          return;
        }
        queue.push({ item, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('The export was stopped.'));
      await Promise.all([...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}

/**
 * Renders in the calling thread, one article at a time (so that progress is reported and a
 * cancel is seen between articles), giving the event loop a turn before each. A long article
 * is split across `splitThreads` threads (default: split-render's choice); `oneOff` loads no
 * worker for a later export.
 */
function inThread(shared: ExportItemShared, splitThreads?: number, oneOff = false): ExportRenderPool {
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const rendered = { inWorkers: 0, inThread: 0 };
  return {
    threads: 1,
    rendered,
    render(item) {
      const run = chain.then(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) throw new Error('The export was stopped.');
        rendered.inThread++;
        return renderExportItem(shared, item, { splitLong: true, splitThreads, warmUp: !oneOff });
      });
      chain = run.catch(() => undefined);
      return run;
    },
    async close() {
      closed = true;
    },
  };
}
