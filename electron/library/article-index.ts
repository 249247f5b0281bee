import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { summarizeArticle } from '../../shared/article-meta';
import { findFrontmatter } from '../../shared/frontmatter';
import type { ArticleSummary } from '../../shared/contract';
import { decodeArticle, hashBytes } from './article-codec';
import { isInside, toLibraryPath } from './paths';

/** Files larger than this are listed but not opened into the editor (nor indexed for search). */
export const maxOpenBytes = 20 * 1024 * 1024;

/** How many files a scan reads at once. */
const scanConcurrency = 32;

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
    const files = new Map<string, string>();
    const folders = new Set<string>();
    await this.walk(this.realRoot, files, folders);
    this.folderSet = folders;
    const changed: string[] = [];
    for (const relative of [...this.entries.keys()]) {
      if (!files.has(relative)) {
        this.entries.delete(relative);
        this.notify({ kind: 'remove', path: relative });
        changed.push(relative);
      }
    }
    // A bounded number of files in flight: macOS allows only 256 open files by default.
    const queue = [...files];
    const worker = async (): Promise<void> => {
      for (let next = queue.pop(); next; next = queue.pop()) {
        if (await this.refreshFile(next[0], next[1])) changed.push(next[0]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(scanConcurrency, queue.length) }, worker));
    this.scanned = true;
    return changed;
  }

  /**
   * Re-reads one article (after a watcher event or a write by Folio). Returns what happened:
   * `same` when its bytes hash as before (a sync client touching the file).
   */
  async refresh(relative: string, absolute: string): Promise<'added' | 'changed' | 'removed' | 'same'> {
    const before = this.entries.get(relative);
    const info = await stat(absolute).catch(() => null);
    if (!info?.isFile()) {
      if (!before) return 'same';
      this.entries.delete(relative);
      this.notify({ kind: 'remove', path: relative });
      return 'removed';
    }
    this.addFolderChain(path.posix.dirname(relative));
    const entry = await readEntry(relative, absolute, info.size, info.mtime);
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

  private async refreshFile(relative: string, absolute: string): Promise<boolean> {
    const before = this.entries.get(relative);
    const info = await stat(absolute).catch(() => null);
    if (!info) return false;
    if (before && before.size === info.size && before.mtimeMs === info.mtimeMs) return false;
    const entry = await readEntry(relative, absolute, info.size, info.mtime);
    this.entries.set(relative, entry);
    if (before && before.hash !== null && before.hash === entry.hash) return false;
    this.notify({ kind: 'upsert', path: relative, entry });
    return true;
  }

  private async walk(dir: string, files: Map<string, string>, folders: Set<string>): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const subfolders: Promise<void>[] = [];
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        // A link is listed only when it stays inside the library, and folder links are never
        // followed (no cycles, no escaping through a link to a parent).
        if (!articleExtension.test(entry.name)) continue;
        const real = await realpath(full).catch(() => null);
        if (!real || !isInside(this.realRoot, real)) continue;
        const info = await stat(real).catch(() => null);
        if (info?.isFile()) files.set(toLibraryPath(this.realRoot, full), full);
      } else if (entry.isDirectory()) {
        folders.add(toLibraryPath(this.realRoot, full));
        subfolders.push(this.walk(full, files, folders));
      } else if (entry.isFile() && articleExtension.test(entry.name)) {
        files.set(toLibraryPath(this.realRoot, full), full);
      }
    }
    await Promise.all(subfolders);
  }

  private notify(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

async function readEntry(
  relative: string,
  absolute: string,
  size: number,
  mtime: Date,
): Promise<IndexedArticle> {
  const unreadable = (problem: string): IndexedArticle => ({
    summary: { ...summarizeArticle(relative, '', mtime), problems: [problem] },
    hash: null,
    mtimeMs: mtime.getTime(),
    size,
    body: '',
    head: '',
  });
  if (size > maxOpenBytes) return unreadable('The file is too large to open in the editor.');
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(
      code === 'EACCES' || code === 'EPERM'
        ? 'Folio is not allowed to read this file.'
        : 'Folio could not read this file.',
    );
  }
  const hash = hashBytes(bytes);
  const decoded = decodeArticle(bytes);
  if (decoded.text === null || decoded.binary) {
    const entry = unreadable(decoded.binary ? 'The file looks binary.' : 'The file is not valid UTF-8.');
    return { ...entry, hash };
  }
  return {
    summary: summarizeArticle(relative, decoded.text, mtime),
    hash,
    mtimeMs: mtime.getTime(),
    size,
    body: bodyOf(decoded.text),
    head: decoded.text.slice(0, decoded.text.length - bodyOf(decoded.text).length),
  };
}

/** The text after the frontmatter block, found without parsing the YAML a second time. */
function bodyOf(text: string): string {
  const block = findFrontmatter(text);
  return block ? text.slice(block.to) : text;
}
