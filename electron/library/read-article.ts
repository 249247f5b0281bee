import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readArticleSummary, summarizeArticle, summarizeStart } from '../../shared/article-meta';
import type { FrontmatterBlock } from '../../shared/frontmatter/find-block';
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
export interface ReadArticle {
  readonly fields: ArticleFields;
  /** True when the file is text (UTF-8, not binary): its bytes are kept for the body. */
  readonly readable: boolean;
  /**
   * The decoded text when it was decoded whole; `null` when the file is not readable, or when
   * its listing came from its start alone (see {@link listingFromStart}): its strings are then
   * its own already (no string of the whole text exists to hold on to).
   */
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
  // Strings cut from a whole decoded text are copied; the start's own strings need no copy.
  const fields = read.text === null ? read.fields : ownFields(read.fields);
  if (!read.readable || !read.bytes) return entryFromWorker(fields, read.bodyFrom, null);
  const from = keepBytes(read.bytes);
  return entryFromWorker(fields, read.bodyFrom, keptIn, from, from + read.bytes.length);
}

/** Where {@link keepBytes} puts the next file's bytes: slabs of 1 MB, filled one after another. */
let keptSlab = new Uint8Array(0);
let keptUsed = 0;
const keptSlabBytes = 1024 * 1024;

/**
 * Where the next file of `size` bytes is read: the free end of the current slab, when it fits
 * there with a byte to spare (so a read that finds the file grown still sees the end), else
 * `null` (the scratch buffer). A file read there is kept by {@link keepBytes} without a copy;
 * one that is not kept (binary, not UTF-8) leaves the space to the next file.
 */
function slabSpaceFor(size: number): Uint8Array | null {
  if (size + 1 > keptSlabBytes / 4) return null;
  if (keptUsed + size + 1 > keptSlab.length) {
    keptSlab = new Uint8Array(keptSlabBytes);
    keptUsed = 0;
  }
  return keptSlab.subarray(keptUsed);
}

/** The buffer {@link keepBytes} kept the last file's bytes in. */
let keptIn = keptSlab;

/**
 * Keeps `bytes` (a view of the reused read buffer, or of the slab's free end) and returns where
 * they start in {@link keptIn}: in a shared slab, so ten thousand small files are a few dozen
 * buffers rather than ten thousand (a slab is freed once none of its articles is listed any
 * more); a file bigger than a quarter slab gets its own. Bytes read straight into the slab's
 * free end are kept where they are.
 */
function keepBytes(bytes: Uint8Array): number {
  if (bytes.buffer === keptSlab.buffer && bytes.byteOffset === keptUsed) {
    keptIn = keptSlab;
    keptUsed += bytes.length;
    return keptUsed - bytes.length;
  }
  if (bytes.length > keptSlabBytes / 4) {
    // (`new Uint8Array` copies; a Buffer's `slice` would not.)
    keptIn = new Uint8Array(bytes);
    return 0;
  }
  if (keptUsed + bytes.length > keptSlab.length) {
    keptSlab = new Uint8Array(keptSlabBytes);
    keptUsed = 0;
  }
  keptSlab.set(bytes, keptUsed);
  keptIn = keptSlab;
  keptUsed += bytes.length;
  return keptUsed - bytes.length;
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
 * and its bytes (`null` when there is no body to keep). `null` when the file vanished meanwhile.
 * `spaceFor(size)`: where to read a file of `size` bytes (the free end of the worker's batch
 * buffer, with a byte to spare), or `null` for a reused buffer; the bytes are a view of either,
 * valid until the next read into it.
 */
export function readArticleBytesSync(
  relative: string,
  absolute: string,
  spaceFor: (size: number) => Uint8Array | null = () => null,
): { fields: ArticleFields; bodyFrom: number; bytes: Uint8Array | null } | null {
  // (No own copies: the strings are copied into the message to the scanning thread anyway.)
  const read = readArticleSync(relative, absolute, spaceFor, (text) => text);
  if (!read) return null;
  return { fields: read.fields, bodyFrom: read.bodyFrom, bytes: read.readable ? read.bytes : null };
}

/**
 * The entry of an article read by a scan (here or in a worker) from its kept bytes, `[from, to)`
 * of `bytes` (default: all of it): the body is decoded from them when asked for (by search,
 * once), so the listing never holds the library's text as strings, and the hash is computed from
 * them when first asked for. The same text and hash as reading the file here: the same bytes go
 * through the same decoder and hash.
 */
export function entryFromWorker(
  fields: ArticleFields,
  bodyFrom: number,
  bytes: Uint8Array | null,
  from = 0,
  to = bytes?.length ?? 0,
): IndexedArticle {
  return bytes ? new KeptArticle(fields, bodyFrom, bytes, from, to) : { ...fields, body: '' };
}

/**
 * An entry whose body and hash come from its kept bytes, `[from, to)` of a buffer that holds
 * other articles' bytes too (see {@link entryFromWorker}). A class, so that ten thousand entries
 * share one shape and two getters on the prototype, rather than each holding two closures (and
 * a view of the buffer) of its own.
 */
class KeptArticle implements IndexedArticle {
  readonly summary: ArticleSummary;
  readonly mtimeMs: number;
  readonly size: number;
  readonly head: string;
  readonly data: Readonly<Record<string, unknown>> | null;
  #hash: string | null = null;
  readonly #bodyFrom: number;
  readonly #buffer: Uint8Array;
  readonly #from: number;
  readonly #to: number;

  constructor(fields: ArticleFields, bodyFrom: number, buffer: Uint8Array, from: number, to: number) {
    this.summary = fields.summary;
    this.mtimeMs = fields.mtimeMs;
    this.size = fields.size;
    this.head = fields.head;
    this.data = fields.data;
    this.#bodyFrom = bodyFrom;
    this.#buffer = buffer;
    this.#from = from;
    this.#to = to;
  }

  /** The hash of the very bytes read (kept unchanged), computed once when first asked for. */
  get hash(): string {
    return (this.#hash ??= hashBytes(this.#buffer.subarray(this.#from, this.#to)));
  }

  get body(): string {
    return decodeArticle(this.#buffer.subarray(this.#from, this.#to)).text?.slice(this.#bodyFrom) ?? '';
  }
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
function readArticleSync(
  relative: string,
  absolute: string,
  spaceFor: (size: number) => Uint8Array | null = slabSpaceFor,
  own: (text: string) => string = ownString,
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
    const bytes = readWhole(fd, info.size, spaceFor(info.size));
    return listingFromStart(relative, bytes, info, own) ?? articleFromBytes(relative, bytes, info, false);
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
 * Reads an open file to its end (it may have grown since its size was taken), into `target`
 * (the slab's free end, see {@link slabSpaceFor}) when it fits there, else into `scratch`.
 * A read that stops short exactly at the size the file had is its end: no second read to see
 * 0 bytes (as Node's `readFileSync` does too; ten thousand files, ten thousand calls saved).
 */
function readWhole(fd: number, size: number, target: Uint8Array | null): Uint8Array {
  let length = 0;
  if (target) {
    length = readSync(fd, target, 0, target.length, null);
    if (length === size && length < target.length) return target.subarray(0, length);
    // The file changed size meanwhile: go on in the scratch buffer with what was read.
    if (scratch.length < length + 1) scratch = Buffer.allocUnsafe(Math.max(length + 1, scratch.length * 2));
    scratch.set(target.subarray(0, length), 0);
    if (length === 0) return scratch.subarray(0, 0);
  } else if (scratch.length < size + 1) {
    scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  }
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

/** What a read needs to know of a file's stat. */
export type FileInfo = { readonly size: number; readonly mtime: Date; readonly mtimeMs: number };

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
    readable: true,
    text: decoded.text,
    bodyFrom,
    bytes,
  };
}

/**
 * How many bytes of the body {@link listingFromStart} decodes at first: enough for the excerpt
 * (and a heading title) of nearly every article.
 */
const startBytes = 2048;

/**
 * The listing of a scanned article from the start of its text, without decoding the rest: its
 * words are counted in the bytes and its body is decoded from them when search asks, so a scan
 * need not turn the library's megabytes into strings the garbage collector then has to sweep.
 * The head (frontmatter block) is decoded as a string of its own, and the values read from it
 * are slices of it, so no copies are needed to keep them. `null` when the start cannot tell for
 * sure (see `summarizeStart`), or for anything but plain UTF-8 text with `\n` line endings:
 * then {@link articleFromBytes} decodes the whole text, as the tests check for every input.
 * `own`: copies the strings cut from the body's start (default {@link ownString}).
 */
export function listingFromStart(
  relative: string,
  bytes: Uint8Array,
  info: FileInfo,
  own: (text: string) => string = ownString,
): ReadArticle | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const content = bom ? buffer.subarray(3) : buffer;
  // Binary, CR line endings, a second BOM, or not UTF-8: the whole decode says what it is.
  if (buffer.subarray(0, 8000).includes(0) || content.includes(13)) return null;
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return null;
  if (!isUtf8(content)) return null;
  const fences = frontmatterIn(content);
  const blockEnd = fences ? fences.to : 0;
  let end = Math.min(content.length, blockEnd + startBytes);
  // Whole lines only: the body's first lines tell its excerpt and heading as the whole would.
  if (end < content.length) end = content.lastIndexOf(10, end - 1) + 1;
  if (end <= blockEnd && blockEnd < content.length) return null;
  const head = content.toString('utf8', 0, blockEnd);
  // The fence lines are ASCII: the closing one ends the head, in characters as in bytes.
  const contentTo = head.length - (blockEnd - (fences?.contentTo ?? 0));
  const block: FrontmatterBlock | null = fences && {
    kind: fences.kind,
    from: 0,
    to: head.length,
    contentFrom: fences.contentFrom,
    contentTo,
    content: head.slice(fences.contentFrom, contentTo),
  };
  const read = summarizeStart(
    relative,
    block,
    content.toString('utf8', blockEnd, end),
    end === content.length,
    info.mtime,
    // The body's words, counted in its bytes: it starts on a line of its own, so no word runs
    // across from the head (and a BOM is no word).
    countWordsInUtf8(content.subarray(blockEnd)),
    own,
  );
  if (!read) return null;
  return {
    fields: {
      summary: read.summary,
      hash: null,
      mtimeMs: info.mtimeMs,
      size: info.size,
      head,
      data: read.schemaData,
    },
    readable: true,
    text: null,
    bodyFrom: head.length,
    bytes,
  };
}

/**
 * The frontmatter block at the start of `content` (UTF-8 without a BOM), as `findFrontmatter`
 * finds it in the text, in byte offsets: where its content starts and ends (the closing fence
 * line's start) and where it ends (after that line's line ending); `null` when there is none.
 * The fences and line endings are ASCII, so their bytes sit where their characters do.
 */
function frontmatterIn(
  content: Uint8Array,
): { kind: 'yaml' | 'toml'; contentFrom: number; contentTo: number; to: number } | null {
  const firstEnd = lineEndIn(content, 0);
  const fence = trimmedLine(content, 0, firstEnd);
  if (fence !== '---' && fence !== '+++') return null;
  const contentFrom = skipNewlineIn(content, firstEnd);
  if (contentFrom === firstEnd) return null;
  for (let lineStart = contentFrom; lineStart < content.length;) {
    const end = lineEndIn(content, lineStart);
    // Only a line of 3 characters and trailing blanks can be a fence; others are not decoded.
    if (end - lineStart >= 3 && trimmedLine(content, lineStart, end) === fence) {
      const kind = fence === '---' ? 'yaml' : 'toml';
      return { kind, contentFrom, contentTo: lineStart, to: skipNewlineIn(content, end) };
    }
    const next = skipNewlineIn(content, end);
    if (next === end) break;
    lineStart = next;
  }
  return null;
}

function lineEndIn(content: Uint8Array, from: number): number {
  let i = from;
  while (i < content.length && content[i] !== 10 && content[i] !== 13) i++;
  return i;
}

function skipNewlineIn(content: Uint8Array, at: number): number {
  if (content[at] === 13 && content[at + 1] === 10) return at + 2;
  if (content[at] === 10 || content[at] === 13) return at + 1;
  return at;
}

/** The line `[from, to)` without trailing spaces and tabs, when it is short enough to be a fence. */
function trimmedLine(content: Uint8Array, from: number, to: number): string {
  let end = to;
  while (end > from && (content[end - 1] === 32 || content[end - 1] === 9)) end--;
  if (end - from !== 3) return '';
  return String.fromCharCode(content[from]!, content[from + 1]!, content[from + 2]!);
}
