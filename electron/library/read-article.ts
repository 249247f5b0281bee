import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readArticleSummary, summarizeArticle } from '../../shared/article-meta';
import type { ArticleSummary } from '../../shared/contract';
import { countWordsInUtf8 } from '../../shared/utf8-word-count';
import { decodeArticle, hashBytes } from './article-codec';
import { ownString } from './own-string';

/** Files larger than this are listed but not opened into the editor (nor indexed for search). */
export const maxOpenBytes = 20 * 1024 * 1024;

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

/** An article as a scan worker sends it: everything but the body, which stays in bytes. */
export type ArticleFields = Omit<IndexedArticle, 'body'>;

/** One file read: the entry's fields, its decoded text and where the body starts in it. */
interface ReadArticle {
  readonly fields: ArticleFields;
  /** The decoded text; `null` when the file is unreadable, binary or not UTF-8. */
  readonly text: string | null;
  readonly bodyFrom: number;
  /** The bytes read (a view of a reused buffer: valid until the next read). */
  readonly bytes: Uint8Array | null;
}

/** `statSync`, or `null` when the file is gone or cannot be stat'ed. */
export function statOrNull(absolute: string): Stats | null {
  try {
    return statSync(absolute);
  } catch {
    return null;
  }
}

/**
 * Reads one article with synchronous calls (a scan reads thousands in short slices). `null`
 * when the file vanished meanwhile. The entry holds no string of the whole text: its bytes are
 * kept (outside the JS heap) and its body decoded from them when search asks, and its summary,
 * head and data are copied out of the text. Ten thousand articles' texts kept as strings made
 * the garbage collector the largest cost of a scan, copying them from young to old space.
 */
export function readEntrySync(relative: string, absolute: string): IndexedArticle | null {
  const read = readArticleSync(relative, absolute);
  if (!read) return null;
  const bytes = read.text === null || !read.bytes ? null : keepBytes(read.bytes);
  return entryFromWorker(ownFields(read.fields), read.bodyFrom, bytes);
}

/** Where {@link keepBytes} puts the next file's bytes: slabs of 1 MB, filled one after another. */
let keptSlab = new Uint8Array(0);
let keptUsed = 0;
const keptSlabBytes = 1024 * 1024;

/**
 * A copy of `bytes` (a view of the reused read buffer) to keep: in a shared slab, so ten
 * thousand small files are a few dozen buffers rather than ten thousand (a slab is freed once
 * none of its articles is listed any more); a file bigger than a quarter slab gets its own.
 */
function keepBytes(bytes: Uint8Array): Uint8Array {
  // (`new Uint8Array` copies; a Buffer's `slice` would not.)
  if (bytes.length > keptSlabBytes / 4) return new Uint8Array(bytes);
  if (keptUsed + bytes.length > keptSlab.length) {
    keptSlab = new Uint8Array(keptSlabBytes);
    keptUsed = 0;
  }
  keptSlab.set(bytes, keptUsed);
  keptUsed += bytes.length;
  return keptSlab.subarray(keptUsed - bytes.length, keptUsed);
}

/** Frontmatter data with every string (values and long keys) its own; see {@link ownString}. */
function ownData(value: unknown): unknown {
  if (typeof value === 'string') return ownString(value);
  if (Array.isArray(value)) return value.map(ownData);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A key like `__proto__` must stay an own property, never set the prototype.
    Object.defineProperty(out, ownString(key), {
      value: ownData(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The fields of an entry with no string tied to the article's text (see {@link ownString}). */
function ownFields(fields: ArticleFields): ArticleFields {
  const { summary } = fields;
  return {
    ...fields,
    summary: {
      ...summary,
      title: ownString(summary.title),
      tags: summary.tags.map(ownString),
      date: summary.date === null ? null : ownString(summary.date),
      excerpt: ownString(summary.excerpt),
      problems: summary.problems.map(ownString),
    },
    head: ownString(fields.head),
    data: fields.data && (ownData(fields.data) as Readonly<Record<string, unknown>>),
  };
}

/**
 * Reads one article for a scan worker: its fields, the start of its body in the decoded text,
 * and its bytes (a view of a reused buffer, valid until the next read; `null` when there is no
 * body to keep). `null` when the file vanished meanwhile.
 */
export function readArticleBytesSync(
  relative: string,
  absolute: string,
): { fields: ArticleFields; bodyFrom: number; bytes: Uint8Array | null } | null {
  const read = readArticleSync(relative, absolute);
  if (!read) return null;
  return { fields: read.fields, bodyFrom: read.bodyFrom, bytes: read.text === null ? null : read.bytes };
}

/**
 * The entry of an article read by a scan (here or in a worker) from its kept `bytes`: the body
 * is decoded from them when asked for (by search, once), so the listing never holds the
 * library's text as strings, and the hash is computed from them when first asked for. The same
 * text and hash as reading the file here: the same bytes go through the same decoder and hash.
 */
export function entryFromWorker(
  fields: ArticleFields,
  bodyFrom: number,
  bytes: Uint8Array | null,
): IndexedArticle {
  if (!bytes) return { ...fields, body: '' };
  // The hash of the very bytes read (kept unchanged), computed once when first asked for.
  let hash: string | null = null;
  return {
    ...fields,
    get hash(): string {
      return (hash ??= hashBytes(bytes));
    },
    get body(): string {
      return decodeArticle(bytes).text?.slice(bodyFrom) ?? '';
    },
  };
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
  return withBody(articleFromBytes(relative, bytes, info, true));
}

/**
 * Reads one file with one open, one stat of the open file and its reads (no separate stat by
 * name). `null` when the file vanished meanwhile.
 */
function readArticleSync(relative: string, absolute: string): ReadArticle | null {
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
    return articleFromBytes(relative, readWhole(fd, info.size), info, false);
  } catch (error) {
    const info = statOrNull(absolute);
    if (!info) return null;
    return unreadable(relative, info, readProblem((error as NodeJS.ErrnoException).code));
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

/**
 * Reads an open file to its end (it may have grown since its size was taken), into `scratch`.
 * A read that stops short exactly at the size the file had is its end: no second read to see
 * 0 bytes (as Node's `readFileSync` does too; ten thousand files, ten thousand calls saved).
 */
function readWhole(fd: number, size: number): Buffer {
  if (scratch.length < size + 1) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  let length = 0;
  for (;;) {
    if (length === scratch.length) {
      const bigger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(bigger, 0, 0, length);
      scratch = bigger;
    }
    const wanted = scratch.length - length;
    const read = readSync(fd, scratch, length, wanted, null);
    length += read;
    if (read === 0 || (read < wanted && length === size)) break;
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
  return { fields: unreadableFields(relative, info, problem), text: null, bodyFrom: 0, bytes: null };
}

function unreadableEntry(relative: string, info: FileInfo, problem: string): IndexedArticle {
  return { ...unreadableFields(relative, info, problem), body: '' };
}

function withBody(read: ReadArticle): IndexedArticle {
  return { ...read.fields, body: read.text === null ? '' : read.text.slice(read.bodyFrom) };
}

/**
 * An article whose bytes were read: decoded text, summary, head and where the body starts.
 * `hashNow`: hash the bytes here; false leaves `hash` null for {@link entryFromWorker} to
 * compute from the kept bytes when first asked (a first scan needs no hash: conflicts, renames
 * and unchanged-content checks ask for one article's at a time). Bytes that are not kept (not
 * text) are always hashed here.
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
    text: decoded.text,
    bodyFrom,
    bytes,
  };
}
