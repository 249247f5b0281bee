import type { InterruptedSaveReport } from './interrupted-saves';
import { sweepInterruptedSaves } from './interrupted-saves';
import type { LibraryContext } from './library-context';
import type { RenameDetector } from './rename-detection';
import { watchLibrary, type LibraryWatcher } from './watcher';

/** Options of {@link startLibraryWatching}. */
export interface LibraryWatchingOptions {
  /** Watch the library for outside changes. */
  readonly watch: boolean;
  /** Recover or clean up temp files of killed saves, once the watcher watches. */
  readonly sweepInterruptedSaves: boolean;
  /** Where the watcher's article events go. */
  readonly renames: RenameDetector;
}

/** The watcher and the start-up work around it. */
export interface LibraryWatching {
  /** Resolves once the watcher watches the whole tree (at once when not watching). */
  readonly watching: Promise<void>;
  /** Resolves with what the start-up sweep of killed saves' temp files did (empty when off). */
  readonly interruptedSaves: Promise<InterruptedSaveReport>;
  /**
   * Brings the index up to date before a listing: while the watcher runs, the index follows
   * every change and needs no walk; without it (CLI, or a watcher that failed) each listing
   * re-scans, reading only what changed. The first call also lets the watcher start.
   */
  ensureScanned(): Promise<void>;
  /** True while a watcher keeps the index current. */
  isWatching(): boolean;
  /** Keeps the sweep from starting; resolves once a running sweep has ended. */
  stopSweep(): Promise<void>;
  /** Stops the watcher. */
  close(): Promise<void>;
}

const noSweep: InterruptedSaveReport = { recovered: [], removed: [], trashed: [] };

/**
 * Starts the library's watcher after the first listing (the two walks of a big library would
 * otherwise compete for the thread; watcher.ts), catching up on what changed meanwhile, and
 * then the sweep of killed saves' temp files, so that the watcher sees what the sweep restores.
 */
export function startLibraryWatching(
  context: Pick<LibraryContext, 'realRoot' | 'host' | 'index' | 'emit' | 'libraryChangedSoon'>,
  options: LibraryWatchingOptions,
): LibraryWatching {
  const { index } = context;
  let listed: () => void = () => undefined;
  const firstListing = new Promise<void>((resolve) => (listed = resolve));

  const catchUp = async (): Promise<void> => {
    if (!index.ready) return; // nothing listed yet: the first listing scans
    const changed = await index.scan();
    for (const relative of changed) {
      context.emit('articleChanged', { path: relative, hash: index.get(relative)?.hash ?? null });
    }
    if (changed.length > 0) context.libraryChangedSoon();
  };

  let watcher: LibraryWatcher | null = null;
  if (options.watch) {
    watcher = watchLibrary(context.realRoot, {
      start: { after: firstListing, catchUp },
      onArticle: (relative, absolute, kind) => {
        options.renames.onArticle(relative, absolute, kind).catch(() => undefined);
      },
      onFolder: (relative, kind) => {
        if (kind === 'add') index.addFolderChain(relative);
        else index.removeFolder(relative);
        context.libraryChangedSoon();
      },
    });
  }

  let stopped = false;
  let sweeping: Promise<unknown> = Promise.resolve();
  const interruptedSaves: Promise<InterruptedSaveReport> = options.sweepInterruptedSaves
    ? (watcher?.ready ?? Promise.resolve())
        .then(() => {
          if (stopped) return noSweep;
          const run = sweepInterruptedSaves(context.realRoot, { trashItem: context.host.trashItem });
          sweeping = run.catch(() => undefined);
          return run;
        })
        .then((report) => {
          if (report.recovered.length + report.trashed.length > 0) context.libraryChangedSoon();
          return report;
        })
    : Promise.resolve(noSweep);
  interruptedSaves.catch(() => undefined);

  return {
    watching: watcher ? watcher.ready : Promise.resolve(),
    interruptedSaves,
    async ensureScanned() {
      if (!index.ready || !watcher) await index.scan();
      listed();
    },
    isWatching: () => watcher !== null,
    async stopSweep() {
      stopped = true;
      await sweeping;
    },
    async close() {
      await watcher?.close();
    },
  };
}
