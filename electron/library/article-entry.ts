/**
 * What the library index keeps of one article, and the entry built from bytes a scan kept
 * (on the scanning thread or sent by a scan worker).
 */
import type { ArticleSummary } from '../../shared/contract';
import { decodeArticle, hashBytes } from './article-codec';

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

/** An article's entry but its body: what a scan worker sends (the body stays in bytes). */
export type ArticleFields = Omit<IndexedArticle, 'body'>;

/**
 * The entry of an article a scan read, from its kept bytes, `[from, to)` of `buffer` (`null`:
 * nothing kept, the file is not text): the body is decoded from them when asked for (by search,
 * once), so the listing never holds the library's text as strings, and the hash is computed from
 * them when first asked for. The same text and hash as reading the file at once: the same bytes
 * go through the same decoder and hash. Runs on the scanning thread, for what it read itself and
 * for what scan workers sent.
 */
export function entryFromKeptBytes(
  fields: ArticleFields,
  bodyFrom: number,
  buffer: Uint8Array | null,
  from = 0,
  to = buffer?.length ?? 0,
): IndexedArticle {
  return buffer ? new KeptArticle(fields, bodyFrom, buffer, from, to) : { ...fields, body: '' };
}

/**
 * An entry whose body and hash come from its kept bytes, `[from, to)` of a buffer that holds
 * other articles' bytes too (see {@link entryFromKeptBytes}). A class, so that ten thousand
 * entries share one shape and two getters on the prototype, rather than each holding two
 * closures (and a view of the buffer) of its own.
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

/** What a read needs to know of a file's stat. */
export type FileInfo = { readonly size: number; readonly mtime: Date; readonly mtimeMs: number };

/** One file read: the entry's fields, its decoded text and where the body starts in it. */
export interface ReadArticle {
  readonly fields: ArticleFields;
  /** True when the file is text (UTF-8, not binary): its bytes are kept for the body. */
  readonly readable: boolean;
  /**
   * The decoded text when it was decoded whole; `null` when the file is not readable, or when
   * its listing came from its start alone (see listing-from-start.ts): its strings are then its
   * own already (no string of the whole text exists to hold on to).
   */
  readonly text: string | null;
  readonly bodyFrom: number;
  /** The bytes read (a view of a reused buffer: valid until the next read). */
  readonly bytes: Uint8Array | null;
}
