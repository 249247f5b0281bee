import { mkdir, realpath } from 'node:fs/promises';
import type { FolioApi, FolioEventSource } from '../../shared/contract';
import { ArticleIndex, maxOpenBytes, type ArticleIndexOptions } from './article-index';
import { articleReadMethods } from './article-reading';
import { composeMethods } from './compose-methods';
import { fileOperationMethods } from './file-operations';
import { createMemoryCredentialStore, lazyGitMethods } from './git';
import { importAssetMethods } from './import-asset';
import type { InterruptedSaveReport } from './interrupted-saves';
import { ioError } from './io-error';
import { Journal } from './journal';
import type { LibraryContext, LibraryHost } from './library-context';
import { createLibraryEvents } from './library-events';
import { libraryMethods } from './library-methods';
import { startLibraryWatching } from './library-watching';
import { lazyExportMethods } from './lazy-export-methods';
import { recordRecentLibrary } from './recent-libraries';
import { recoveryMethods } from './recovery-methods';
import { createRenameDetector } from './rename-detection';
import { saveMethods } from './save-pipeline';
import { schemaMethods } from './schema';
import { SearchIndex } from './search-index';
import { createSnapshotStore, snapshotMethods } from './snapshots';
import { updateCheckMethods } from './update-checks';

export type { LibraryHost } from './library-context';
export { ioError } from './io-error';
export { maxOpenAnywayBytes } from './article-reading';
export { maxOpenBytes };

/** Options of {@link createLibraryService}. */
export interface LibraryServiceOptions {
  /** The library folder; it must exist. */
  readonly root: string;
  readonly host: LibraryHost;
  /** Watch the library for outside changes and push events (default true; the CLI turns it off). */
  readonly watch?: boolean;
  /** Recover or clean up temp files of killed saves, in the background (default: as `watch`). */
  readonly sweepInterruptedSaves?: boolean;
  /** How scans use worker threads (scan-pool.ts; default: for 2,000 articles or more). */
  readonly scan?: ArticleIndexOptions;
  /** The article the window opens when it loads (see `LibraryInfo.startArticle`); default none. */
  readonly startArticle?: string;
}

/** The service: the contract's methods, its events, and a way to stop it. */
export interface LibraryService extends FolioApi, FolioEventSource {
  /** Resolves once the watcher watches the whole tree (at once when not watching). */
  readonly watching: Promise<void>;
  /** Resolves with what the start-up sweep of killed saves' temp files did (empty when off). */
  readonly interruptedSaves: Promise<InterruptedSaveReport>;
  /** Stops watchers and timers. */
  close(): Promise<void>;
}

/**
 * Creates the library service for one folder. Every path it receives is library-relative and
 * confined to the library; every write is atomic and checked against the hash it was based on.
 * The contract's methods come from method groups (`xxxMethods(context)`) sharing one
 * {@link LibraryContext}; each method is defined by exactly one group.
 */
export async function createLibraryService(options: LibraryServiceOptions): Promise<LibraryService> {
  const realRoot = await realpath(options.root).catch((error: NodeJS.ErrnoException) => {
    throw ioError(error, 'the library folder');
  });
  const { host } = options;
  await mkdir(host.appDataDir, { recursive: true });
  const events = createLibraryEvents();
  const index = new ArticleIndex(realRoot, options.scan);
  const journal = new Journal(host.appDataDir, realRoot);
  await recordRecentLibrary(host.appDataDir, realRoot).catch(() => undefined);

  const shared = {
    realRoot,
    host,
    startArticle: options.startArticle,
    index,
    search: new SearchIndex(index),
    journal,
    history: createSnapshotStore({ root: realRoot, appDataDir: host.appDataDir }),
    emit: events.emit,
    libraryChangedSoon: events.libraryChangedSoon,
    savesInFlight: new Set<Promise<unknown>>(),
  };
  const renames = createRenameDetector(shared);
  const watch = options.watch ?? true;
  const watching = startLibraryWatching(shared, {
    watch,
    sweepInterruptedSaves: options.sweepInterruptedSaves ?? watch,
    renames,
  });
  const context: LibraryContext = {
    ...shared,
    ensureScanned: watching.ensureScanned,
    isWatching: watching.isWatching,
  };

  const methods: FolioApi = composeMethods(
    libraryMethods(context),
    articleReadMethods(context),
    saveMethods(context),
    snapshotMethods(context),
    recoveryMethods(context),
    fileOperationMethods(context),
    schemaMethods(context),
    importAssetMethods(context),
    updateCheckMethods(context),
    lazyExportMethods({ root: realRoot, emit: events.emit, ...host, chooseFolder: host.chooseExportFolder }),
    lazyGitMethods({
      root: realRoot,
      credentials: host.gitCredentials ?? createMemoryCredentialStore(),
      progress: (event) => events.emit('gitProgressed', event),
      titleOf: (relative) => index.get(relative)?.summary.title,
    }),
  );

  return {
    ...methods,
    on: events.on,
    watching: watching.watching,
    interruptedSaves: watching.interruptedSaves,
    async close() {
      await Promise.allSettled([...context.savesInFlight, watching.stopSweep()]);
      events.close();
      renames.close();
      await watching.close();
    },
  };
}
