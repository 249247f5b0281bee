import { EventEmitter } from 'node:events';
import { lstat, mkdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type {
  ArticleDocument,
  ArticleSummary,
  EventName,
  FolioApi,
  FolioEvents,
  FolioEventSource,
  LibraryInfo,
  MethodInputs,
  SaveResult,
  SpellcheckState,
} from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import { decodeArticle, encodeArticle, hashBytes } from './article-codec';
import { ArticleIndex, articleExtension, maxOpenBytes, type ArticleIndexOptions } from './article-index';
import { assetImporter } from './import-asset';
import { updateCheckMethods, type UpdateHost } from './update-checks';
import { lazyExportMethods } from './lazy-export-methods';
import { loadLibrarySchema, schemaMethods } from './schema';
import { createSchemaMarks } from './schema-marks';
import { withSnapshots, type SnapshotMethodName } from './snapshots';
import { createFileOperations } from './file-operations';
import { Journal } from './journal';
import { readRecentLibraries, recordRecentLibrary } from './recent-libraries';
import { SearchIndex } from './search-index';
import { watchLibrary, type LibraryWatcher } from './watcher';
import { checkLibraryFolder } from './library-folder';
import { sweepInterruptedSaves, type InterruptedSaveReport } from './interrupted-saves';
import { resolveInLibrary, splitLibraryPath, validateName } from './paths';
import { createMemoryCredentialStore, lazyGitMethods, type GitCredentialStore } from './git';

/** The few OS-specific needs of the service, passed in so it never imports Electron. */
export interface LibraryHost {
  /** Folder for Folio's own data (journal, snapshots, settings). */
  readonly appDataDir: string;
  /** Moves a file to the OS trash; browser mode and the CLI use a library-local trash. */
  readonly trashItem?: (absolutePath: string) => Promise<void>;
  /** Renders an HTML document to PDF (Electron's `printToPDF`); only the desktop app has it. */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
  /**
   * Re-opens Folio on another library folder (already checked): browser mode swaps the service
   * and the page reloads; the desktop app relaunches. Without it, `openLibrary` is refused.
   */
  readonly openLibrary?: (realRoot: string) => Promise<void>;
  /** Shows the OS folder dialog; resolves `null` when cancelled. Only the desktop app has one. */
  readonly chooseFolder?: () => Promise<string | null>;
  /** The OS folder dialog for the export folder (desktop only); `null` when cancelled. */
  readonly chooseExportFolder?: (defaultPath: string) => Promise<string | null>;
  /** Points the OS window's spellchecker at a language; only the desktop app has one to point. */
  readonly setSpellcheck?: (enabled: boolean, language: string) => SpellcheckState;
  /**
   * Where credentials for git remotes are kept (desktop: encrypted on disk when remembered);
   * default: in memory for this run.
   */
  readonly gitCredentials?: GitCredentialStore;
  /** The installed desktop app's updater; without it, update checks stay off. */
  readonly updates?: UpdateHost;
}

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

export { maxOpenBytes };

/** How long an outside deletion waits for a matching creation before it counts as a deletion. */
const renameWindowMs = 400;

/**
 * Creates the library service for one folder. Every path it receives is library-relative and
 * confined to the library; every write is atomic and checked against the hash it was based on.
 */
export async function createLibraryService(options: LibraryServiceOptions): Promise<LibraryService> {
  const realRoot = await realpath(options.root).catch((error: NodeJS.ErrnoException) => {
    throw ioError(error, 'the library folder');
  });
  await mkdir(options.host.appDataDir, { recursive: true });
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  function emit<E extends EventName>(event: E, payload: FolioEvents[E]): void {
    emitter.emit(event, payload);
  }

  const index = new ArticleIndex(realRoot, options.scan);
  const schemaMarks = createSchemaMarks();
  const search = new SearchIndex(index);
  const journal = new Journal(options.host.appDataDir, realRoot);
  await recordRecentLibrary(options.host.appDataDir, realRoot).catch(() => undefined);

  // Outside deletions wait briefly for a creation with the same bytes: that pair is a rename
  // (git mv, a file manager, a sync client), and an open article follows its file.
  const pendingRemovals = new Map<string, { hash: string | null; timer: NodeJS.Timeout }>();
  const recentAdds = new Map<string, { path: string; timer: NodeJS.Timeout }>();
  let libraryChangedTimer: NodeJS.Timeout | null = null;

  function libraryChangedSoon(): void {
    if (libraryChangedTimer) return;
    libraryChangedTimer = setTimeout(() => {
      libraryChangedTimer = null;
      emit('libraryChanged', {});
    }, 30);
  }

  async function onOutsideArticle(
    relative: string,
    absolute: string,
    kind: 'add' | 'change' | 'unlink',
  ): Promise<void> {
    if (kind === 'unlink') {
      const before = index.get(relative);
      const outcome = await index.refresh(relative, absolute);
      if (outcome !== 'removed') return;
      const hash = before?.hash ?? null;
      const renamedTo = hash ? recentAdds.get(hash) : undefined;
      if (renamedTo && renamedTo.path !== relative) {
        clearTimeout(renamedTo.timer);
        recentAdds.delete(hash!);
        await followRename(relative, renamedTo.path);
        return;
      }
      const timer = setTimeout(() => {
        pendingRemovals.delete(relative);
        emit('articleChanged', { path: relative, hash: null });
      }, renameWindowMs);
      pendingRemovals.set(relative, { hash, timer });
      libraryChangedSoon();
      return;
    }
    const outcome = await index.refresh(relative, absolute);
    if (outcome === 'same') return;
    const hash = index.get(relative)?.hash ?? null;
    if (outcome === 'added' && hash) {
      for (const [from, pending] of pendingRemovals) {
        if (pending.hash === hash) {
          clearTimeout(pending.timer);
          pendingRemovals.delete(from);
          await followRename(from, relative);
          return;
        }
      }
      const timer = setTimeout(() => recentAdds.delete(hash), renameWindowMs);
      recentAdds.set(hash, { path: relative, timer });
    }
    emit('articleChanged', { path: relative, hash });
    libraryChangedSoon();
  }

  async function followRename(from: string, to: string): Promise<void> {
    await journal.rename(from, to).catch(() => undefined);
    emit('articleRenamed', { from, to });
    libraryChangedSoon();
  }

  // The first listing goes first; the watcher starts after it and catches up (watcher.ts).
  let listed: () => void = () => undefined;
  const firstListing = new Promise<void>((resolve) => (listed = resolve));
  const catchUp = async (): Promise<void> => {
    if (!index.ready) return; // nothing listed yet: the first listing scans
    const changed = await index.scan();
    for (const relative of changed) {
      emit('articleChanged', { path: relative, hash: index.get(relative)?.hash ?? null });
    }
    if (changed.length > 0) libraryChangedSoon();
  };
  let watcher: LibraryWatcher | null = null;
  if (options.watch ?? true) {
    watcher = watchLibrary(realRoot, {
      start: { after: firstListing, catchUp },
      onArticle: (relative, absolute, kind) => {
        onOutsideArticle(relative, absolute, kind).catch(() => undefined);
      },
      onFolder: (relative, kind) => {
        if (kind === 'add') index.addFolderChain(relative);
        else index.removeFolder(relative);
        libraryChangedSoon();
      },
    });
  }

  const noSweep: InterruptedSaveReport = { recovered: [], removed: [], trashed: [] };
  let closed = false;
  let sweeping: Promise<unknown> = Promise.resolve();
  const interruptedSaves: Promise<InterruptedSaveReport> =
    (options.sweepInterruptedSaves ?? options.watch ?? true)
      ? // After the watcher's own walk, so that the two walks do not compete at start and the
        // watcher sees the articles the sweep restores.
        (watcher?.ready ?? Promise.resolve())
          .then(() => {
            if (closed) return noSweep;
            const run = sweepInterruptedSaves(realRoot, { trashItem: options.host.trashItem });
            sweeping = run.catch(() => undefined);
            return run;
          })
          .then((report) => {
            if (report.recovered.length + report.trashed.length > 0) libraryChangedSoon();
            return report;
          })
      : Promise.resolve(noSweep);
  interruptedSaves.catch(() => undefined);

  async function ensureScanned(): Promise<void> {
    // While the watcher runs, the index follows every change and needs no walk; without it
    // (CLI, or a watcher that failed) each listing re-scans, reading only what changed.
    if (!index.ready || !watcher) await index.scan();
    listed();
  }

  const fileOperations = createFileOperations({
    realRoot,
    index,
    journal,
    trashItem: options.host.trashItem,
    emit,
    ioError,
  });

  async function readBytes(absolute: string, relative: string, openLarge = false): Promise<Buffer | null> {
    try {
      const info = await lstat(absolute);
      if (!info.isFile() && !info.isSymbolicLink()) {
        throw new FolioError('NOT_FOUND', `“${relative}” is not a file.`);
      }
      if (info.size > maxOpenBytes && !(openLarge && info.size <= maxOpenAnywayBytes)) {
        throw tooLarge(relative, info.size);
      }
      return await readFile(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw ioError(error, relative);
    }
  }

  const api: Omit<FolioApi, SnapshotMethodName> = {
    ...lazyExportMethods({
      root: realRoot,
      emit,
      ...options.host,
      chooseFolder: options.host.chooseExportFolder,
    }),
    ...schemaMethods(realRoot),
    ...assetImporter(realRoot),
    ...updateCheckMethods(options.host.appDataDir, options.host.updates),

    async setSpellcheck({ enabled, language }) {
      return (
        options.host.setSpellcheck?.(enabled, language) ?? {
          language: null,
          message:
            'Browser mode uses the browser’s own spellchecker and the languages chosen in the browser.',
        }
      );
    },

    async getLibrary(): Promise<LibraryInfo> {
      const info = { name: path.basename(realRoot), root: realRoot };
      return options.startArticle ? { ...info, startArticle: options.startArticle } : info;
    },

    async listArticles(): Promise<ArticleSummary[]> {
      await ensureScanned();
      // The app (watching) indexes for search in the background, ready before the first search.
      if (watcher) void search.build();
      // The schema (the library's or the built-in set) adds its problems to the pane's marks.
      const { schema } = await loadLibrarySchema(realRoot);
      return schemaMarks(
        index.summaries(),
        (p) => index.get(p)?.head,
        schema,
        (p) => index.get(p)?.data,
      );
    },

    async searchArticles({ query, limit }) {
      await ensureScanned();
      return search.search(query, limit ?? 20);
    },

    async journalArticle({ path: relative, text, baseHash }) {
      splitLibraryPath(relative);
      try {
        await journal.write(relative, text, baseHash);
      } catch (error) {
        throw ioError(error, 'the recovery journal');
      }
      return { journaled: true };
    },

    async discardJournal({ path: relative }) {
      return { discarded: await journal.discard(relative) };
    },

    async listRecoveries() {
      const records = await journal.list();
      const out = [];
      for (const record of records) {
        const disk = await api.readArticle({ path: record.path }).catch(() => null);
        if (disk && disk.text === record.text) {
          // Already saved (a crash between save and discard): nothing to recover.
          await journal.discard(record.path);
          continue;
        }
        out.push({
          path: record.path,
          text: record.text,
          baseHash: record.baseHash,
          journaledAt: record.journaledAt,
          changedOnDisk: (disk?.hash ?? null) !== record.baseHash,
          disk,
        });
      }
      return out;
    },

    async listRecentLibraries() {
      return readRecentLibraries(options.host.appDataDir);
    },

    async openLibrary({ root }) {
      const switchTo = options.host.openLibrary;
      if (!switchTo) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'This Folio cannot switch libraries: start it on the other folder.',
        );
      }
      const real = await checkLibraryFolder(root, options.host.appDataDir);
      await switchTo(real);
      return { name: path.basename(real), root: real };
    },

    async chooseLibraryFolder() {
      if (!options.host.chooseFolder) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'There is no folder dialog here: type the path of the folder.',
        );
      }
      return { root: await options.host.chooseFolder() };
    },

    ...fileOperations,

    ...lazyGitMethods({
      root: realRoot,
      credentials: options.host.gitCredentials ?? createMemoryCredentialStore(),
      progress: (event) => emit('gitProgressed', event),
      titleOf: (relative) => index.get(relative)?.summary.title,
    }),

    async readArticle({ path: relative, openLarge }: MethodInputs['readArticle']): Promise<ArticleDocument> {
      const absolute = await resolveArticle(relative);
      const bytes = await readBytes(absolute, relative, openLarge);
      if (bytes === null) throw new FolioError('NOT_FOUND', `“${relative}” no longer exists.`);
      const decoded = decodeArticle(bytes);
      const shown = {
        path: relative,
        hash: hashBytes(bytes),
        bom: decoded.bom,
        lineEnding: decoded.lineEnding,
      };
      if (bytes.length > maxOpenBytes && decoded.text !== null && !decoded.binary) {
        // Saves, the journal and snapshots stop at 20 MB, so a larger file cannot be kept safe
        // while it is edited: it is shown, searchable and copyable, but read-only.
        return {
          ...shown,
          text: decoded.text,
          readOnly: true,
          readOnlyReason: `This file is ${formatMegabytes(bytes.length)}, over the 20 MB Folio can save safely, so it is open read-only.`,
        };
      }
      if (decoded.text === null || decoded.binary) {
        return {
          ...shown,
          text: decoded.binary ? '' : new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'),
          readOnly: true,
          readOnlyReason: decoded.binary
            ? 'This file looks binary, so Folio will not edit it.'
            : 'This file is not valid UTF-8. It is shown read-only so that no character is lost.',
        };
      }
      const writable = await isWritable(absolute);
      return {
        ...shown,
        text: decoded.text,
        readOnly: !writable,
        readOnlyReason: writable
          ? null
          : 'This file is read-only on disk. Make it writable (or save a copy) to keep your changes.',
      };
    },

    async saveArticle({ path: relative, text, baseHash }: MethodInputs['saveArticle']): Promise<SaveResult> {
      const absolute = await resolveArticle(relative);
      const diskBytes = await readBytes(absolute, relative);
      const diskHash = diskBytes === null ? null : hashBytes(diskBytes);
      if (diskHash !== baseHash) {
        const disk = diskBytes === null ? null : decodeArticle(diskBytes);
        throw new FolioError(
          'CONFLICT',
          diskBytes === null
            ? `“${relative}” was deleted on disk after you opened it.`
            : `“${relative}” was changed on disk after you opened it.`,
          { diskText: disk?.text ?? null, diskHash },
        );
      }
      const disk = diskBytes === null ? null : decodeArticle(diskBytes);
      if (disk !== null && (disk.text === null || disk.binary)) {
        throw new FolioError('READ_ONLY', `“${relative}” is not valid UTF-8 text and is not saved.`);
      }
      if (diskBytes === null) {
        validateName(relative.slice(relative.lastIndexOf('/') + 1));
      } else if (!(await isWritable(absolute))) {
        throw new FolioError(
          'READ_ONLY',
          `“${relative}” is read-only on disk, so Folio did not save it. Your text is kept.`,
        );
      }
      if (diskBytes !== null && disk?.text === text) return { hash: diskHash!, written: false };
      const bytes = encodeArticle(text, {
        bom: disk?.bom ?? false,
        lineEnding: disk?.lineEnding ?? '\n',
        originalRaw: diskBytes === null ? null : rawWithoutBom(diskBytes, disk!.bom),
      });
      const hash = hashBytes(bytes);
      if (diskBytes !== null && diskHash === hash) return { hash, written: false };
      try {
        await writeFileAtomic(absolute, bytes, { fsync: true });
      } catch (error) {
        throw ioError(error, relative);
      }
      await index.recordWrite(relative, absolute).catch(() => undefined);
      emit('articleChanged', { path: relative, hash });
      libraryChangedSoon();
      return { hash, written: true };
    },
  };

  async function resolveArticle(relative: string): Promise<string> {
    if (!articleExtension.test(relative)) {
      throw new FolioError('INVALID_NAME', 'Articles are files ending in .md or .markdown.');
    }
    try {
      return await resolveInLibrary(realRoot, relative);
    } catch (error) {
      throw ioError(error, relative);
    }
  }

  const history = withSnapshots(api, { root: realRoot, appDataDir: options.host.appDataDir });
  // Saves still running (writing the file, then its snapshot) are awaited by close().
  const savesInFlight = new Set<Promise<unknown>>();

  return {
    ...api,
    ...history,
    saveArticle(input) {
      const saving = history.saveArticle(input);
      savesInFlight.add(saving);
      void saving.catch(() => undefined).finally(() => savesInFlight.delete(saving));
      return saving;
    },
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    watching: watcher ? watcher.ready : Promise.resolve(),
    interruptedSaves,
    async close() {
      closed = true;
      await Promise.allSettled([...savesInFlight, sweeping]);
      emitter.removeAllListeners();
      for (const pending of pendingRemovals.values()) clearTimeout(pending.timer);
      for (const add of recentAdds.values()) clearTimeout(add.timer);
      if (libraryChangedTimer) clearTimeout(libraryChangedTimer);
      await watcher?.close();
    },
  };
}

/**
 * The largest file "Open anyway" opens (read-only). Beyond it the text would not fit the
 * editor, the transport or a JavaScript string comfortably.
 */
export const maxOpenAnywayBytes = 100 * 1024 * 1024;

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The error for a file over the editor's limit. `details.canOpenAnyway` tells the UI whether to
 * offer "Open anyway" (read-only); `details.size` is the file's size in bytes.
 */
function tooLarge(relative: string, size: number): FolioError {
  const canOpenAnyway = size <= maxOpenAnywayBytes;
  return new FolioError(
    'TOO_LARGE',
    canOpenAnyway
      ? `“${relative}” is ${formatMegabytes(size)}, larger than the 20 MB Folio edits. It can be opened read-only.`
      : `“${relative}” is ${formatMegabytes(size)}, too large for Folio to open (at most 100 MB, read-only).`,
    { size, canOpenAnyway },
  );
}

/**
 * True when the file may be written. Judged by its permission bits, not by `access()`, so that
 * a file the author marked read-only stays protected even when Folio runs with more rights.
 */
async function isWritable(absolute: string): Promise<boolean> {
  const info = await lstat(absolute).catch(() => null);
  if (!info) return true;
  return (info.mode & 0o222) !== 0;
}

function rawWithoutBom(bytes: Buffer, bom: boolean): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
}

/** Maps a Node file-system error to a {@link FolioError} with a message for the author. */
export function ioError(error: unknown, what: string): FolioError {
  if (error instanceof FolioError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new FolioError('NOT_FOUND', `“${what}” does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new FolioError('PERMISSION_DENIED', `Folio is not allowed to access “${what}”.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FolioError('DISK_FULL', `The disk is full; “${what}” was not saved.`);
    case 'EROFS':
      return new FolioError('READ_ONLY', `“${what}” is on a read-only disk.`);
    case 'EISDIR':
      return new FolioError('INVALID_ARGUMENT', `“${what}” is a folder.`);
    default:
      return new FolioError('IO_ERROR', `Folio could not access “${what}” (${code ?? 'unknown error'}).`);
  }
}
