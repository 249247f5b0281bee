import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { joinChunks, renderFootnotesGuess } from '../../../shared/markdown/chunk-join';
import { planChunks, type ChunkInput } from '../../../shared/markdown/chunk-plan';
import { renderChunk, type ChunkResult } from '../../../shared/markdown/chunk-render';
import { repairCuts } from '../../../shared/markdown/chunk-repair';
import type { RootContent } from 'hast';
import { renderMarkdownTree, type RenderedTree } from '../../../shared/markdown';
import { startWorker as startWorkerFrom } from '../worker-source';

/**
 * How long a worker stays loaded after a long article: loading the pipeline in a new thread
 * costs as much CPU as rendering half of a 100k-word article (from the sources, through tsx),
 * and authors tend to export again soon after (fix, export, look). Idle workers do not keep
 * the process alive.
 */
const keepWarmMs = 60_000;
const warmWorkers: Worker[] = [];
/** Kept workers still loading the pipeline, until they answer a first message. */
const loading = new Map<Worker, Promise<void>>();
let coolDown: NodeJS.Timeout | null = null;

function takeWorker(cold: boolean): { worker: Worker; warm: boolean } | null {
  const index = warmWorkers.findIndex((worker) => !loading.has(worker));
  if (index !== -1) {
    const [kept] = warmWorkers.splice(index, 1);
    kept!.ref();
    return { worker: kept!, warm: true };
  }
  return cold ? startWorker() : null;
}

function startWorker(): { worker: Worker; warm: false } | null {
  try {
    const worker = startWorkerFrom(import.meta.url, 'export-worker');
    // While it waits warm, nobody else listens: an error then must not crash the process.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      const index = warmWorkers.indexOf(worker);
      if (index !== -1) warmWorkers.splice(index, 1);
      loading.delete(worker);
    });
    return { worker, warm: false };
  } catch {
    return null;
  }
}

function keepWorker(worker: Worker): void {
  worker.unref();
  warmWorkers.push(worker);
  if (coolDown) clearTimeout(coolDown);
  coolDown = setTimeout(() => void releaseSplitWorkers(), keepWarmMs);
  coolDown.unref();
}

/**
 * Starts workers in the background, up to `count` kept ones, for the next long article; they
 * count as loaded once they answer a ping. A worker loading while this thread renders competes
 * with it for the cores (and its loading makes garbage): on two cores a first split render
 * took longer than one thread alone, so only loaded workers are used.
 */
function warmUp(count: number): void {
  for (let i = warmWorkers.length; i < count; i++) {
    const started = startWorker();
    if (!started) return;
    const worker = started.worker;
    keepWorker(worker);
    loading.set(
      worker,
      new Promise<void>((resolve) => {
        worker.once('message', () => {
          loading.delete(worker);
          resolve();
        });
        worker.once('exit', () => resolve());
      }),
    );
    worker.postMessage({ id: -1, ping: true });
  }
}

/**
 * Loads the workers a split render of `markdown` would use, in the background, if it would use
 * any (a long article that can be cut): called when the author opens the export dialog, so that
 * even the first export of a long article finds them loaded.
 */
export function prepareSplitRender(markdown: string, options: SplitRenderOptions = {}): void {
  const threads = splitThreads(markdown.length, options);
  if (threads >= 2 && planChunks(markdown, { chunkSize: options.chunkSize ?? defaultChunkSize })) {
    warmUp(threads - 1);
  }
}

/**
 * Resolves when the workers loading in the background are ready (the bench waits for it
 * between exports, as an author's pause between two exports would).
 */
export async function splitWorkersReady(): Promise<void> {
  await Promise.all(loading.values());
}

/** Stops the workers kept warm between split renders (tests; an app closing its library). */
export async function releaseSplitWorkers(): Promise<void> {
  if (coolDown) clearTimeout(coolDown);
  coolDown = null;
  loading.clear();
  await Promise.all(warmWorkers.splice(0).map((worker) => worker.terminate()));
}

/** Threads a split render of `chars` characters uses: 1 for an article too short to split. */
function splitThreads(chars: number, options: SplitRenderOptions): number {
  if (chars < (options.minChars ?? 300_000)) return 1;
  return Math.max(1, Math.min(options.threads ?? defaultThreads(), 4));
}

function defaultThreads(): number {
  const cores = os.availableParallelism();
  // This process's own render counts about one in the load average, and so does whatever ran
  // just before it (the one-minute average lags): busy means more than that on every core.
  return os.loadavg()[0]! > cores + 1 ? 1 : cores;
}

/** Options of {@link renderArticleTree}. */
export interface SplitRenderOptions {
  /**
   * Threads to render on, this one included. Default: the machine's parallelism (at most 4),
   * or 1 when the machine is already busy (a one-minute load average above its core count
   * plus one, the render's own share):
   * then a worker only adds the cost of splitting and joining, and the export got slower.
   */
  readonly threads?: number;
  /**
   * Shortest article (in characters) worth a worker. Default 300,000 (about 40k words): loading
   * the pipeline in a new worker costs a second of CPU or more, during which this thread renders
   * alone, so below that a first export would gain little for the CPU it spends.
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
  /**
   * Start workers for this very render when none is loaded (default false: the article is then
   * rendered in this thread, and workers are loaded in the background for the next one).
   */
  readonly coldStart?: boolean;
  /**
   * Load workers in the background for the next long article when none is loaded (default true).
   * False in a process that exits after this render (a one-off `folio export`): there the
   * workers would only take CPU from this render.
   */
  readonly warmUp?: boolean;
}

/** Characters per chunk to aim for by default (see {@link SplitRenderOptions.chunkSize}). */
const defaultChunkSize = 24_000;

/** What {@link renderArticleTree} did, for the bench and the tests. */
export interface SplitRenderResult extends RenderedTree {
  /** Worker threads that rendered with this thread (0: the article was rendered here only). */
  readonly workers: number;
  /** How many of them were kept from an earlier render (already loaded), not started for it. */
  readonly warmWorkers: number;
  /** Chunks the article was cut into (1: not cut). */
  readonly chunks: number;
  /** Chunks rendered by workers. */
  readonly inWorkers: number;
  /** Cuts found not clean after rendering, whose two chunks were rendered again as one. */
  readonly repairedCuts: number;
  /** True when the chunks could not be joined and the article was rendered again in one piece. */
  readonly fellBack: boolean;
}

/**
 * `renderMarkdownTree` for one long article on several cores, with the same result: the article
 * is cut before headings ({@link planChunks}), this thread renders chunks from the start while
 * worker threads render chunks from the end, and the chunks are joined with the article's
 * heading ids, footnote numbers and footnotes section ({@link joinChunks}). An article the text
 * shows cannot be cut exactly (no heading to cut before outside raw HTML left open) is rendered
 * once, in this thread, before any chunk is rendered and without loading a worker; a cut that
 * parsing shows is not clean (raw HTML the text did not show open) is mended by rendering its two
 * chunks again as one, and what else only parsing reveals (a definition stub that does not match)
 * is rendered again in one piece. Only loaded workers
 * are used: the first long article renders in this thread and loads them in the background
 * for the next (see `coldStart` and `warmUp`). Short articles, one-core machines and
 * `threads: 1` render in this thread.
 */
export async function renderArticleTree(
  markdown: string,
  options: SplitRenderOptions = {},
): Promise<SplitRenderResult> {
  const threads = splitThreads(markdown.length, options);
  const single = (): SplitRenderResult => ({
    ...renderMarkdownTree(markdown),
    workers: 0,
    warmWorkers: 0,
    chunks: 1,
    inWorkers: 0,
    repairedCuts: 0,
    fellBack: false,
  });
  if (threads < 2) return single();
  // Without a loaded worker, the plan only decides whether to load some for the next article: a
  // process that exits after this render (a one-off command) need not read the article for it.
  const loaded = warmWorkers.some((worker) => !loading.has(worker));
  if (!loaded && !options.coldStart && !(options.warmUp ?? true)) return single();
  const plan = planChunks(markdown, { chunkSize: options.chunkSize ?? defaultChunkSize });
  if (!plan) return single();
  if (!loaded && !options.coldStart) {
    const result = single();
    if (options.warmUp ?? true) warmUp(threads - 1);
    return result;
  }

  const chunks = plan.chunks;
  const results: (ChunkResult | undefined)[] = new Array<ChunkResult | undefined>(chunks.length);
  // This thread takes chunks from the front, workers from the back; `retry` holds the chunks of
  // a worker that failed, which this thread renders.
  // One more job after the chunks when the plan guessed the footnotes section: rendering it
  // alongside them takes it off the end (see joinChunks).
  let footnotes: RootContent[] | null = null;
  const jobs = chunks.length + (plan.footnotes ? 1 : 0);
  const render = (index: number): void => {
    if (index < chunks.length) results[index] = renderChunk(chunks[index]!);
    else footnotes = renderFootnotesGuess(plan.footnotes);
  };
  let front = 0;
  let back = jobs - 1;
  const retry: number[] = [];
  let inWorkers = 0;
  let warmWorkersUsed = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };

  interface Helper {
    readonly worker: Worker;
    readonly inFlight: Set<number>;
    /** Whether the worker answered (once it has, it gets two chunks at a time). */
    answered: boolean;
    alive: boolean;
    readonly detach: () => void;
  }
  const helpers: Helper[] = [];
  const feed = (helper: Helper): void => {
    // One chunk at a time until the worker has answered once (it may be slow to load), then two,
    // so that it never waits for this thread to finish a chunk before getting the next.
    const depth = helper.answered ? 2 : 1;
    while (helper.alive && helper.inFlight.size < depth && front <= back) {
      const index = back--;
      helper.inFlight.add(index);
      helper.worker.postMessage(
        index < chunks.length
          ? { id: index, chunk: chunks[index] satisfies ChunkInput }
          : { id: index, footnotes: plan.footnotes },
      );
    }
  };
  for (let i = 0; i < threads - 1; i++) {
    const taken = takeWorker(options.coldStart ?? false);
    if (!taken) break;
    const { worker, warm } = taken;
    const onMessage = (message: {
      id: number;
      chunk?: ChunkResult;
      footnotes?: RootContent[] | null;
      error?: string;
    }): void => {
      helper.inFlight.delete(message.id);
      helper.answered = true;
      if (message.chunk) {
        results[message.id] = message.chunk;
        inWorkers++;
      } else if (message.footnotes !== undefined) footnotes = message.footnotes;
      else retry.push(message.id);
      feed(helper);
      notify();
    };
    const lost = (): void => {
      if (!helper.alive) return;
      helper.alive = false;
      retry.push(...helper.inFlight);
      helper.inFlight.clear();
      notify();
    };
    const helper: Helper = {
      worker,
      inFlight: new Set(),
      answered: warm,
      alive: true,
      detach: () => {
        worker.off('message', onMessage);
        worker.off('error', lost);
        worker.off('exit', lost);
      },
    };
    helpers.push(helper);
    if (warm) warmWorkersUsed++;
    worker.on('message', onMessage);
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
        render(index);
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
      helper.detach();
      // A worker that failed is dropped; the others wait, warm, for the next long article.
      if (helper.alive && helper.inFlight.size === 0) keepWorker(helper.worker);
      else void helper.worker.terminate();
      helper.alive = false;
    }
  }

  // A cut the chunks found not clean is mended here, by rendering its two chunks as one.
  const repaired = repairCuts(plan, results as ChunkResult[]);
  const joined = repaired && joinChunks(repaired.plan, repaired.results, footnotes);
  const stats = {
    workers: helpers.length,
    warmWorkers: warmWorkersUsed,
    chunks: chunks.length,
    inWorkers,
    repairedCuts: repaired ? chunks.length - repaired.plan.chunks.length : 0,
  };
  if (joined) return { ...joined, ...stats, fellBack: false };
  return { ...renderMarkdownTree(markdown), ...stats, fellBack: true };
}
