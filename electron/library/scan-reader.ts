import { entryFromKeptBytes, type ArticleFields, type IndexedArticle } from './article-entry';
import { ByteSlab } from './byte-slab';
import { ownString } from './own-string';
import { readArticleSync, type SyncReadPlace } from './read-article';
import { ReadBuffer } from './read-buffer';

/** Options of {@link ScanReader}. */
export interface ScanReaderOptions {
  /**
   * Keep each file's bytes, for its body and hash (default true). False for a listing that is
   * never searched (`folio list`): every file is read into one reused buffer and nothing of it
   * is kept, so the entries' `body` is `''` and their `hash` `null` (not known).
   */
  readonly keepBytes?: boolean;
  /**
   * False leaves every summary's excerpt empty (default true), for a listing that never shows
   * it: most articles are then listed without decoding any of their body (`folio list`).
   */
  readonly excerpts?: boolean;
}

/**
 * Reads articles for the scanning thread's part of a scan (scan-pool.ts), keeping their bytes
 * in its own slabs. One per library index, so that re-scans go on filling the same slab.
 */
export class ScanReader {
  readonly #slab: ByteSlab | null;
  readonly #place: SyncReadPlace;

  constructor(options: ScanReaderOptions = {}) {
    const slab = options.keepBytes === false ? null : new ByteSlab();
    this.#slab = slab;
    this.#place = {
      spaceFor: slab ? (size) => slab.spaceFor(size) : () => null,
      buffer: new ReadBuffer(),
      own: ownString,
      excerpts: options.excerpts ?? true,
    };
  }

  /**
   * Reads one article with synchronous calls (a scan reads thousands in short slices). `null`
   * when the file vanished meanwhile. The entry holds no string of the whole text: its bytes are
   * kept (outside the JS heap) and its body decoded from them when search asks, and its summary,
   * head and data are copied out of the text. Ten thousand articles' texts kept as strings made
   * the garbage collector the largest cost of a scan, copying them from young to old space.
   */
  read(relative: string, absolute: string): IndexedArticle | null {
    const read = readArticleSync(relative, absolute, this.#place);
    if (!read) return null;
    // Strings cut from a whole decoded text are copied; the start's own strings need no copy.
    const fields = read.text === null ? read.fields : ownFields(read.fields);
    if (!read.readable || !read.bytes || !this.#slab) return entryFromKeptBytes(fields, read.bodyFrom, null);
    const { buffer, from } = this.#slab.keep(read.bytes);
    return entryFromKeptBytes(fields, read.bodyFrom, buffer, from, from + read.bytes.length);
  }
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
