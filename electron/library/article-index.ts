import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readArticleSummary, summarizeArticle } from '../../shared/article-meta';
import type { ArticleSummary } from '../../shared/contract';
import { countWordsInUtf8 } from '../../shared/utf8-word-count';
import { decodeArticle, hashBytes } from './article-codec';
import { isInside } from './paths';

/** Files larger than this are listed but not opened into the editor (nor indexed for search). */
export const maxOpenBytes = 20 * 1024 * 1024;

/**
 * Longest stretch (ms) a scan works before it lets other events run. A scan reads with
 * synchronous calls in short slices: on a library of many small files, each asynchronous read
 * costs a trip through libuv's thread pool that takes longer than the read itself (a plain
 * synchronous loop reads 10,000 articles about five times faster than 32 reads in flight).
 * Slicing keeps the process answering (IPC, watcher events) while a big library is scanned.
 */
const scanSliceMs = 12;

/** File names Folio treats as articles. */
export const articleExtension = /\.(md|markdown)$/i;

/** Folder names never listed: dependencies and version control (dot-folders are skipped too). */
const ignoredFolders = new Set(['node_modules']);

/** True when a file or folder name is skipped by the listing (dot-names, `node_modules`). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || ignoredFolders.has(name);
}

/** What the index knows about one article. */
export interface IndexedArticle {
  readonly summary: ArticleSummary;
  /** Hash of the bytes last read; `null` when unreadable or too large to read. */
  readonly hash: string | null;
  readonly mtimeMs: number;
  readonly size: number;
  /** The body text (after frontmatter) for search; `''` when unreadable. */
  readonly body: string;
  /** The text before the body (the frontmatter block), for schema checks. */
  readonly head: string;
  /** The frontmatter data as the scan read it, so schema checks need no second parse. */
  readonly data: Readonly<Record<string, unknown>> | null;
}

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

  constructor(private readonly realRoot: string) {}

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

  /** Walks the library and brings the index up to date. Returns the paths that changed. */
  async scan(): Promise<string[]> {
    const slicer = new TimeSlicer(scanSliceMs);
    const files = new Map<string, string>();
    const folders = new Set<string>();
    await this.walk(this.realRoot, '', files, folders, slicer);
    this.folderSet = folders;
    const changed: string[] = [];
    for (const relative of [...this.entries.keys()]) {
      if (!files.has(relative)) {
        this.entries.delete(relative);
        this.notify({ kind: 'remove', path: relative });
        changed.push(relative);
      }
    }
    for (const [relative, absolute] of files) {
      if (this.refreshFileSync(relative, absolute)) changed.push(relative);
      await slicer.pause();
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

  /** Brings one file's entry up to date with synchronous calls; true when it changed. */
  private refreshFileSync(relative: string, absolute: string): boolean {
    const before = this.entries.get(relative);
    if (before) {
      // Unchanged size and mtime: not read again (a re-scan costs one stat per file).
      const info = statOrNull(absolute);
      if (!info) return false;
      if (before.size === info.size && before.mtimeMs === info.mtimeMs) return false;
    }
    const entry = readEntrySync(relative, absolute);
    if (!entry) return false;
    this.entries.set(relative, entry);
    if (before && before.hash !== null && before.hash === entry.hash) return false;
    this.notify({ kind: 'upsert', path: relative, entry });
    return true;
  }

  /**
   * Lists the article files and folders under `dir`, whose library path is `relativeDir`
   * (`''` for the root). Library paths are joined here as strings: `path.relative` per file
   * was a visible part of a scan's time.
   */
  private async walk(
    dir: string,
    relativeDir: string,
    files: Map<string, string>,
    folders: Set<string>,
    slicer: TimeSlicer,
  ): Promise<void> {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const subfolders: [string, string][] = [];
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        // A link is listed only when it stays inside the library, and folder links are never
        // followed (no cycles, no escaping through a link to a parent).
        if (!articleExtension.test(entry.name)) continue;
        const real = realpathOrNull(full);
        if (!real || !isInside(this.realRoot, real)) continue;
        if (statOrNull(real)?.isFile()) files.set(relative, full);
      } else if (entry.isDirectory()) {
        folders.add(relative);
        subfolders.push([full, relative]);
      } else if (entry.isFile() && articleExtension.test(entry.name)) {
        files.set(relative, full);
      }
    }
    for (const [folder, relative] of subfolders) {
      await slicer.pause();
      await this.walk(folder, relative, files, folders, slicer);
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

  /** Resolves at once inside a slice; after `sliceMs`, on the next turn of the event loop. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}

function statOrNull(absolute: string): Stats | null {
  try {
    return statSync(absolute);
  } catch {
    return null;
  }
}

function realpathOrNull(absolute: string): string | null {
  try {
    return realpathSync(absolute);
  } catch {
    return null;
  }
}

/**
 * Reads one file with one open, one stat of the open file and its reads (no separate stat by
 * name). `null` when the file vanished meanwhile.
 */
function readEntrySync(relative: string, absolute: string): IndexedArticle | null {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const info = statOrNull(absolute);
    if (!info) return null;
    return unreadableEntry(relative, info, readProblem(code));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    if (info.size > maxOpenBytes) return unreadableEntry(relative, info, tooLarge);
    return entryFromBytes(relative, readWhole(fd, info.size), info);
  } catch (error) {
    const info = statOrNull(absolute);
    if (!info) return null;
    return unreadableEntry(relative, info, readProblem((error as NodeJS.ErrnoException).code));
  } finally {
    closeSync(fd);
  }
}

/**
 * The buffer every synchronous read goes into. Reused because the bytes are only hashed and
 * decoded (into a string of their own), and ten thousand fresh buffers of external memory made
 * the garbage collector the second cost of a scan.
 */
let scratch = Buffer.allocUnsafe(1024 * 1024);

/** Reads an open file to its end (it may have grown since its size was taken), into `scratch`. */
function readWhole(fd: number, size: number): Buffer {
  if (scratch.length < size + 1) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  let length = 0;
  for (;;) {
    if (length === scratch.length) {
      const bigger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(bigger, 0, 0, length);
      scratch = bigger;
    }
    const read = readSync(fd, scratch, length, scratch.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return scratch.subarray(0, length);
}

/** Over 20 MB a file is listed but not indexed; it opens read-only on request (up to 100 MB). */
const tooLarge = 'Over 20 MB: not searchable, and it opens read-only.';

function readProblem(code: string | undefined): string {
  return code === 'EACCES' || code === 'EPERM'
    ? 'Folio is not allowed to read this file.'
    : 'Folio could not read this file.';
}

type FileInfo = { readonly size: number; readonly mtime: Date; readonly mtimeMs: number };

function unreadableEntry(relative: string, info: FileInfo, problem: string): IndexedArticle {
  return {
    summary: { ...summarizeArticle(relative, '', info.mtime), problems: [problem] },
    hash: null,
    // The exact stat value (with its fraction): a re-scan compares it to skip unchanged files.
    mtimeMs: info.mtimeMs,
    size: info.size,
    body: '',
    head: '',
    data: null,
  };
}

async function readEntry(relative: string, absolute: string, info: FileInfo): Promise<IndexedArticle> {
  if (info.size > maxOpenBytes) return unreadableEntry(relative, info, tooLarge);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    return unreadableEntry(relative, info, readProblem((error as NodeJS.ErrnoException).code));
  }
  return entryFromBytes(relative, bytes, info);
}

/** The entry of a file whose bytes were read: hash, decoded text, summary, body and head. Keeps no reference to `bytes`. */
function entryFromBytes(relative: string, bytes: Buffer, info: FileInfo): IndexedArticle {
  const hash = hashBytes(bytes);
  const decoded = decodeArticle(bytes);
  if (decoded.text === null || decoded.binary) {
    const entry = unreadableEntry(
      relative,
      info,
      decoded.binary ? 'The file looks binary.' : 'The file is not valid UTF-8.',
    );
    return { ...entry, hash };
  }
  const { summary, bodyFrom, schemaData } = readArticleSummary(
    relative,
    decoded.text,
    info.mtime,
    countWordsInUtf8(bytes),
  );
  return {
    summary,
    hash,
    // The exact stat value (with its fraction): a re-scan compares it to skip unchanged files.
    mtimeMs: info.mtimeMs,
    size: info.size,
    body: decoded.text.slice(bodyFrom),
    // The frontmatter block (and a BOM), as schema checks read it.
    head: decoded.text.slice(0, bodyFrom),
    data: schemaData,
  };
}
