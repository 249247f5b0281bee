import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  joinChunks,
  planChunks,
  renderChunk,
  type ChunkInput,
  type ChunkResult,
} from '../../../shared/markdown/chunk-render';
import { renderMarkdownTree, type RenderedTree } from '../../../shared/markdown';
import { workerSource } from './worker-source';

/** Options of {@link renderArticleTree}. */
export interface SplitRenderOptions {
  /** Threads to render on, this one included (default: the machine's parallelism, at most 4). */
  readonly threads?: number;
  /**
   * Shortest article (in characters) worth starting a worker for. Default 200,000 (about 30k
   * words): loading the pipeline in a worker takes about half a second, and this thread renders
   * while the worker loads, so below that the worker has little left to do when it is ready.
   */
  readonly minChars?: number;
  /** Characters per chunk to aim for (default 24,000: small enough to share the tail evenly). */
  readonly chunkSize?: number;
  /**
   * Whether this thread renders chunks too (default true). `false` leaves them to the workers
   * (this thread renders only what a failed worker leaves): the tests' way to make sure the
   * workers' chunks are used.
   */
  readonly renderHere?: boolean;
}

/** What {@link renderArticleTree} did, for the bench and the tests. */
export interface SplitRenderResult extends RenderedTree {
  /** Worker threads started (0: the article was rendered in this thread only). */
  readonly workers: number;
  /** Chunks the article was cut into (1: not cut). */
  readonly chunks: number;
  /** Chunks rendered by workers. */
  readonly inWorkers: number;
  /** True when the chunks could not be joined and the article was rendered again in one piece. */
  readonly fellBack: boolean;
}

/**
 * `renderMarkdownTree` for one long article on several cores, with the same result: the article
 * is cut before headings ({@link planChunks}), this thread renders chunks from the start while
 * worker threads load and then render chunks from the end, and the chunks are joined with the
 * article's heading ids, footnote numbers and footnotes section ({@link joinChunks}). Whatever
 * the cut cannot reproduce exactly (raw HTML, an unclosed fence across a cut, a definition
 * stub that does not match) is rendered again in one piece. Short articles, one-core machines
 * and `threads: 1` render in this thread as before.
 */
export async function renderArticleTree(
  markdown: string,
  options: SplitRenderOptions = {},
): Promise<SplitRenderResult> {
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), 4));
  const single = (): SplitRenderResult => ({
    ...renderMarkdownTree(markdown),
    workers: 0,
    chunks: 1,
    inWorkers: 0,
    fellBack: false,
  });
  if (threads < 2 || markdown.length < (options.minChars ?? 200_000)) return single();
  const plan = planChunks(markdown, { chunkSize: options.chunkSize ?? 24_000 });
  if (!plan) return single();

  const chunks = plan.chunks;
  const results: (ChunkResult | undefined)[] = new Array<ChunkResult | undefined>(chunks.length);
  // This thread takes chunks from the front, workers from the back; `retry` holds the chunks of
  // a worker that failed, which this thread renders.
  let front = 0;
  let back = chunks.length - 1;
  const retry: number[] = [];
  let inWorkers = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };

  interface Helper {
    readonly worker: Worker;
    readonly inFlight: Set<number>;
    answered: boolean;
    alive: boolean;
  }
  const helpers: Helper[] = [];
  const feed = (helper: Helper): void => {
    // One chunk at a time until the worker has answered once (it may be slow to load), then two,
    // so that it never waits for this thread to finish a chunk before getting the next.
    const depth = helper.answered ? 2 : 1;
    while (helper.alive && helper.inFlight.size < depth && front <= back) {
      const index = back--;
      helper.inFlight.add(index);
      helper.worker.postMessage({ id: index, chunk: chunks[index] satisfies ChunkInput });
    }
  };
  const source = workerSource();
  for (let i = 0; i < threads - 1; i++) {
    let worker: Worker;
    try {
      worker = source.eval ? new Worker(source.code, { eval: true }) : new Worker(source.url);
    } catch {
      break;
    }
    const helper: Helper = { worker, inFlight: new Set(), answered: false, alive: true };
    helpers.push(helper);
    worker.on('message', (message: { id: number; chunk?: ChunkResult; error?: string }) => {
      helper.inFlight.delete(message.id);
      helper.answered = true;
      if (message.chunk) {
        results[message.id] = message.chunk;
        inWorkers++;
      } else retry.push(message.id);
      feed(helper);
      notify();
    });
    const lost = (): void => {
      if (!helper.alive) return;
      helper.alive = false;
      retry.push(...helper.inFlight);
      helper.inFlight.clear();
      notify();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    feed(helper);
  }

  try {
    for (;;) {
      let index: number | undefined = retry.shift();
      const here = (options.renderHere ?? true) || helpers.every((helper) => !helper.alive);
      if (index === undefined && front <= back && here) {
        index = front++;
      }
      if (index !== undefined) {
        results[index] = renderChunk(chunks[index]!);
        // Let the workers' answers in (and hand them more) between chunks.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (helpers.every((helper) => helper.inFlight.size === 0)) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const helper of helpers) {
      helper.alive = false;
      void helper.worker.terminate();
    }
  }

  const joined = joinChunks(plan, results as ChunkResult[]);
  const stats = { workers: helpers.length, chunks: chunks.length, inWorkers };
  if (joined) return { ...joined, ...stats, fellBack: false };
  return { ...renderMarkdownTree(markdown), ...stats, fellBack: true };
}
