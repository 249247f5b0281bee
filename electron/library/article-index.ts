import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArticleSummary } from '../../shared/contract';
import { isInside } from './paths';
import type { IndexedArticle } from './article-entry';
import { walkLibrary } from './library-walk';
import { readEntry, statOrNull } from './read-article';
import { readFilesInParallel, type ReadFilesOptions } from './scan-pool';
import { ScanReader } from './scan-reader';

export type { IndexedArticle } from './article-entry';
export { articleExtension, isIgnoredName } from './library-walk';
export { maxOpenBytes } from './read-article';

/**
 * Longest stretch (ms) a scan works before it lets other events run. A scan reads with
 * synchronous calls in short slices: on a library of many small files, each asynchronous read
 * costs a trip through libuv's thread pool that takes longer than the read itself (a plain
 * synchronous loop reads 10,000 articles about five times faster than 32 reads in flight).
 * Slicing keeps the process answering (IPC, watcher events) while a big library is scanned.
 */
const scanSliceMs = 12;

/** How an index's scans use worker threads (see scan-pool.ts). */
export type ArticleIndexOptions = Omit<ReadFilesOptions, 'pause' | 'reader'> & {
  /** Keep the files' bytes for bodies and hashes (default true; see `ScanReaderOptions`). */
  readonly keepBytes?: boolean;
};

/** A change the index saw for one article. */
export type IndexChange =
  | { readonly kind: 'upsert'; readonly path: string; readonly entry: IndexedArticle }
  | { readonly kind: 'remove'; readonly path: string };

/**
 * The in-memory list of the library's articles and folders. A scan walks the tree and stats every
 * file but re-reads only files whose size or mtime changed, so a re-scan after one change costs a
 * walk plus one read. Listeners hear every upsert and removal (the search index follows them).
 */
export class ArticleIndex {
  private readonly entries = new Map<string, IndexedArticle>();
  private folderSet = new Set<string>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private scanned = false;
  private scanning: Promise<string[]> | null = null;
  /** Reads this library's files on this thread (its scans keep their bytes in its slabs). */
  private readonly reader: ScanReader;

  /**
   * `scanOptions`: how scans use worker threads (scan-pool.ts; tests force them on or off).
   */
  constructor(
    private readonly realRoot: string,
    private readonly scanOptions: ArticleIndexOptions = {},
  ) {
    this.reader = new ScanReader({ keepBytes: scanOptions.keepBytes });
  }

  /** True once a full scan has run. */
  get ready(): boolean {
    return this.scanned;
  }

  /** Hears every change; returns the unsubscribe function. */
  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The entry of one article, if listed. */
  get(relative: string): IndexedArticle | undefined {
    return this.entries.get(relative);
  }

  /** Every listed article. */
  all(): IterableIterator<IndexedArticle> {
    return this.entries.values();
  }

  /** Summaries sorted by path. */
  summaries(): ArticleSummary[] {
    return [...this.entries.values()]
      .map((entry) => entry.summary)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Every folder (library-relative), sorted. */
  folders(): string[] {
    return [...this.folderSet].sort();
  }

  /** Paths of listed articles whose bytes hash to `hash`. */
  pathsWithHash(hash: string): string[] {
    const out: string[] = [];
    for (const [relative, entry] of this.entries) if (entry.hash === hash) out.push(relative);
    return out;
  }

  /**
   * Walks the library and brings the index up to date. Returns the paths that changed. Callers
   * that ask while a scan runs share it (the pane asks for folders and articles at once, and two
   * walks of a big library take twice as long).
   */
  scan(): Promise<string[]> {
    this.scanning ??= this.walkAndRead().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  private async walkAndRead(): Promise<string[]> {
    const slicer = new TimeSlicer(scanSliceMs);
    const { files, folders } = await walkLibrary(this.realRoot, () => slicer.pause());
    this.folderSet = folders;
    const changed: string[] = [];
    for (const relative of [...this.entries.keys()]) {
      if (!files.has(relative)) {
        this.entries.delete(relative);
        this.notify({ kind: 'remove', path: relative });
        changed.push(relative);
      }
    }
    // New files, and those whose size or mtime changed: a re-scan costs one stat per file.
    const toRead: [relative: string, absolute: string][] = [];
    const befores: (IndexedArticle | undefined)[] = [];
    for (const [relative, absolute] of files) {
      const before = this.entries.get(relative);
      const info = before ? statOrNull(absolute) : null;
      if (!before || (info && (before.size !== info.size || before.mtimeMs !== info.mtimeMs))) {
        toRead.push([relative, absolute]);
        befores.push(before);
      }
      const wait = slicer.pause();
      if (wait) await wait;
    }
    // A big first scan reads in worker threads too (scan-pool.ts); the entries are applied here
    // in walk order either way, so listeners hear the same changes in the same order.
    const { entries: read } = await readFilesInParallel(toRead, {
      ...this.scanOptions,
      reader: this.reader,
      pause: () => slicer.pause(),
    });
    for (let i = 0; i < toRead.length; i++) {
      const entry = read[i];
      if (!entry) continue; // vanished meanwhile
      const relative = toRead[i]![0];
      const before = this.entries.get(relative);
      // A watcher event re-read the file while the scan ran: that entry is the newer one.
      if (before !== befores[i]) continue;
      this.entries.set(relative, entry);
      if (!before || before.hash === null || before.hash !== entry.hash) {
        this.notify({ kind: 'upsert', path: relative, entry });
        changed.push(relative);
      }
      const wait = slicer.pause();
      if (wait) await wait;
    }
    this.scanned = true;
    return changed;
  }

  /**
   * Re-reads one article (after a watcher event or a write by Folio). Returns what happened:
   * `same` when its bytes hash as before (a sync client touching the file).
   */
  async refresh(relative: string, absolute: string): Promise<'added' | 'changed' | 'removed' | 'same'> {
    const before = this.entries.get(relative);
    // A watcher event may name a symlink: it counts only when it stays inside the library.
    const real = await realpath(absolute).catch(() => null);
    const info = real && isInside(this.realRoot, real) ? await stat(real).catch(() => null) : null;
    if (!info?.isFile()) {
      if (!before) return 'same';
      this.entries.delete(relative);
      this.notify({ kind: 'remove', path: relative });
      return 'removed';
    }
    this.addFolderChain(path.posix.dirname(relative));
    const entry = await readEntry(relative, absolute, info);
    this.entries.set(relative, entry);
    if (before && before.hash !== null && before.hash === entry.hash) return 'same';
    this.notify({ kind: 'upsert', path: relative, entry });
    return before ? 'changed' : 'added';
  }

  /** Records the bytes Folio itself just wrote, so the watcher's echo is recognised as ours. */
  async recordWrite(relative: string, absolute: string): Promise<void> {
    await this.refresh(relative, absolute);
  }

  /** Forgets one article (deleted or moved by Folio). */
  forget(relative: string): void {
    if (this.entries.delete(relative)) this.notify({ kind: 'remove', path: relative });
  }

  /** Adds a folder (and its parents) to the folder list. */
  addFolderChain(relative: string): void {
    for (let folder = relative; folder && folder !== '.'; folder = path.posix.dirname(folder)) {
      this.folderSet.add(folder);
    }
  }

  /** Removes a folder and everything under it from the folder list. */
  removeFolder(relative: string): void {
    for (const folder of [...this.folderSet]) {
      if (folder === relative || folder.startsWith(`${relative}/`)) this.folderSet.delete(folder);
    }
  }

  private notify(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** Yields to the event loop once a slice of synchronous work has run long enough. */
class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs: number) {}

  /**
   * `null` inside a slice (go on at once: no promise and no turn of the microtask queue per
   * file, ten thousand of them in a scan); after `sliceMs`, a promise that resolves on the next
   * turn of the event loop.
   */
  pause(): Promise<void> | null {
    if (performance.now() - this.sliceStart < this.sliceMs) return null;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.sliceStart = performance.now();
    });
  }
}
