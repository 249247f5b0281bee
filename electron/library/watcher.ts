import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { articleExtension, isIgnoredName } from './article-index';
import { toLibraryPath } from './paths';

/** What the watcher reports, with library-relative paths. */
export interface WatchHandlers {
  /** An article file appeared, changed or disappeared. */
  onArticle(relative: string, absolute: string, kind: 'add' | 'change' | 'unlink'): void;
  /** A folder appeared or disappeared. */
  onFolder(relative: string, kind: 'add' | 'unlink'): void;
  /** When to start watching (default: at once). */
  readonly start?: WatchStart;
}

/** A running watcher. */
export interface LibraryWatcher {
  /** Resolves once the initial tree is being watched (and caught up, see {@link WatchStart}). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** When a watcher starts, and what it does once it watches. */
export interface WatchStart {
  /**
   * Starts watching when this settles (the first listing), or after `startWithinMs` at the
   * latest. Chokidar's own walk of a big library competes with the first scan for the thread:
   * the first rows took seconds instead of half a second.
   */
  readonly after: Promise<unknown>;
  /** Default 1,000 ms. */
  readonly startWithinMs?: number;
  /** Runs once the tree is watched, before `ready`: a re-scan catches what changed before. */
  readonly catchUp: () => Promise<void>;
}

/**
 * Watches the library with chokidar (other editors, git, sync clients). Dot-folders,
 * `node_modules` and Folio's own `.folio` folder are not watched; symlinks are not followed (a
 * link could lead outside the library). Writes are reported once they have settled, so a file
 * copied in slowly is read whole; editors that save by rename appear as one change.
 */
export function watchLibrary(realRoot: string, handlers: WatchHandlers): LibraryWatcher {
  const { start } = handlers;
  if (!start) return startWatching(realRoot, handlers);
  let closed = false;
  let running: LibraryWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  const due = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, start.startWithinMs ?? 1000);
    start.after.then(
      () => resolve(),
      () => resolve(),
    );
  });
  const ready = due.then(async () => {
    if (timer) clearTimeout(timer);
    if (closed) return;
    running = startWatching(realRoot, handlers);
    await running.ready;
    if (!closed) await start.catchUp().catch(() => undefined);
  });
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running?.close();
    },
  };
}

function startWatching(realRoot: string, handlers: WatchHandlers): LibraryWatcher {
  const watcher: FSWatcher = watch(realRoot, {
    ignoreInitial: true,
    followSymlinks: false,
    atomic: true,
    awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 40 },
    ignored: (absolute: string) => {
      const relative = path.relative(realRoot, absolute);
      if (!relative || relative.startsWith('..')) return false;
      return relative.split(path.sep).some(isIgnoredName);
    },
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watcher.on('all', (event, absolute) => {
    const relative = toLibraryPath(realRoot, absolute);
    if (!relative) return;
    if (event === 'addDir' || event === 'unlinkDir') {
      handlers.onFolder(relative, event === 'addDir' ? 'add' : 'unlink');
    } else if (
      (event === 'add' || event === 'change' || event === 'unlink') &&
      articleExtension.test(relative)
    ) {
      handlers.onArticle(relative, absolute, event);
    }
  });
  // A watcher error (e.g. too many watched files) must not crash the app; listing still works
  // on demand, so it is only logged.
  watcher.on('error', (error) => console.warn('Folio could not watch the library:', error));
  return {
    ready,
    async close() {
      await watcher.close();
    },
  };
}
