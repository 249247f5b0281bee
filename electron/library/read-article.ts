/**
 * Reading one article's file: synchronously for a scan (on the scanning thread, see
 * scan-reader.ts, or in a scan worker), or without blocking after a watcher event or a save.
 */
import { closeSync, fstatSync, openSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readArticleSummary, summarizeArticle } from '../../shared/article-meta';
import { countWordsInUtf8 } from '../../shared/utf8-word-count';
import { decodeArticle, hashBytes } from './article-codec';
import type { ArticleFields, FileInfo, IndexedArticle, ReadArticle } from './article-entry';
import { listingFromStart } from './listing-from-start';
import type { ReadBuffer } from './read-buffer';

export type { ArticleFields, FileInfo, IndexedArticle, ReadArticle } from './article-entry';

/** Files larger than this are listed but not opened into the editor (nor indexed for search). */
export const maxOpenBytes = 20 * 1024 * 1024;

/** `statSync`, or `null` when the file is gone or cannot be stat'ed. */
export function statOrNull(absolute: string): Stats | null {
  try {
    return statSync(absolute);
  } catch {
    return null;
  }
}

/** Where and how {@link readArticleSync} reads a file. */
export interface SyncReadPlace {
  /**
   * Where to read a file of `size` bytes (e.g. the free end of a slab, with a byte to spare), or
   * `null` for {@link buffer}; the bytes read are a view of either, valid until the next read.
   */
  readonly spaceFor: (size: number) => Uint8Array | null;
  /** The reading thread's reused buffer. */
  readonly buffer: ReadBuffer;
  /** Copies a string cut from the body's start so that it holds on to nothing more (or not). */
  readonly own: (text: string) => string;
  /**
   * False leaves every summary's excerpt empty, for a listing that never shows it (`folio
   * list`): most articles are then listed without decoding any of their body (default true).
   */
  readonly excerpts?: boolean;
}

/**
 * Reads one file with one open, one stat of the open file and its reads (no separate stat by
 * name), as a scan does, on whichever thread runs it. `null` when the file vanished meanwhile.
 */
export function readArticleSync(
  relative: string,
  absolute: string,
  place: SyncReadPlace,
): ReadArticle | null {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const info = statOrNull(absolute);
    if (!info) return null;
    return unreadable(relative, info, readProblem(code));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    if (info.size > maxOpenBytes) return unreadable(relative, info, tooLarge);
    const bytes = place.buffer.readToEnd(fd, info.size, place.spaceFor(info.size));
    const withExcerpt = place.excerpts ?? true;
    const read =
      listingFromStart(relative, bytes, info, place.own, withExcerpt) ??
      articleFromBytes(relative, bytes, info, false);
    return withExcerpt || read.fields.summary.excerpt === '' ? read : withoutExcerpt(read);
  } catch (error) {
    const info = statOrNull(absolute);
    if (!info) return null;
    return unreadable(relative, info, readProblem((error as NodeJS.ErrnoException).code));
  } finally {
    closeSync(fd);
  }
}

/** A read with its summary's excerpt left empty (see `SyncReadPlace.excerpts`). */
function withoutExcerpt(read: ReadArticle): ReadArticle {
  const { fields } = read;
  return { ...read, fields: { ...fields, summary: { ...fields.summary, excerpt: '' } } };
}

/** Reads an article (after a watcher event or a write by Folio), without blocking. */
export async function readEntry(relative: string, absolute: string, info: FileInfo): Promise<IndexedArticle> {
  if (info.size > maxOpenBytes) return unreadableEntry(relative, info, tooLarge);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    return unreadableEntry(relative, info, readProblem((error as NodeJS.ErrnoException).code));
  }
  const read = articleFromBytes(relative, bytes, info, true);
  return { ...read.fields, body: read.text === null ? '' : read.text.slice(read.bodyFrom) };
}

/** Over 20 MB a file is listed but not indexed; it opens read-only on request (up to 100 MB). */
const tooLarge = 'Over 20 MB: not searchable, and it opens read-only.';

function readProblem(code: string | undefined): string {
  return code === 'EACCES' || code === 'EPERM'
    ? 'Folio is not allowed to read this file.'
    : 'Folio could not read this file.';
}

function unreadableFields(relative: string, info: FileInfo, problem: string): ArticleFields {
  return {
    summary: { ...summarizeArticle(relative, '', info.mtime), problems: [problem] },
    hash: null,
    // The exact stat value (with its fraction): a re-scan compares it to skip unchanged files.
    mtimeMs: info.mtimeMs,
    size: info.size,
    head: '',
    data: null,
  };
}

function unreadable(relative: string, info: FileInfo, problem: string): ReadArticle {
  return {
    fields: unreadableFields(relative, info, problem),
    readable: false,
    text: null,
    bodyFrom: 0,
    bytes: null,
  };
}

function unreadableEntry(relative: string, info: FileInfo, problem: string): IndexedArticle {
  return { ...unreadableFields(relative, info, problem), body: '' };
}

/**
 * An article whose bytes were read: decoded text, summary, head and where the body starts.
 * `hashNow`: hash the bytes here; false leaves `hash` null for the entry to compute from the
 * kept bytes when first asked (see article-entry.ts; a first scan needs no hash: conflicts,
 * renames and unchanged-content checks ask for one article's at a time). Bytes that are not
 * kept (not text) are always hashed here.
 */
function articleFromBytes(
  relative: string,
  bytes: Uint8Array,
  info: FileInfo,
  hashNow: boolean,
): ReadArticle {
  const decoded = decodeArticle(bytes);
  if (decoded.text === null || decoded.binary) {
    const problem = decoded.binary ? 'The file looks binary.' : 'The file is not valid UTF-8.';
    return {
      ...unreadable(relative, info, problem),
      fields: { ...unreadableFields(relative, info, problem), hash: hashBytes(bytes) },
    };
  }
  const hash = hashNow ? hashBytes(bytes) : null;
  // Words are counted in the bytes (faster than in the text; see utf8-word-count.ts).
  const { summary, bodyFrom, schemaData } = readArticleSummary(
    relative,
    decoded.text,
    info.mtime,
    countWordsInUtf8(bytes),
  );
  return {
    fields: {
      summary,
      hash,
      // The exact stat value (with its fraction): a re-scan compares it to skip unchanged files.
      mtimeMs: info.mtimeMs,
      size: info.size,
      // The frontmatter block (and a BOM), as schema checks read it.
      head: decoded.text.slice(0, bodyFrom),
      data: schemaData,
    },
    readable: true,
    text: decoded.text,
    bodyFrom,
    bytes,
  };
}
