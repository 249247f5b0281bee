/**
 * A scan worker: reads batches of articles exactly as the scanning thread does (read-article.ts)
 * and sends back each entry's fields, with the files' bytes packed into one transferred buffer
 * (moved, not copied), from which the body is decoded when search asks for it.
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleFields } from './article-entry';
import { readArticleSync, type SyncReadPlace } from './read-article';
import { ReadBuffer } from './read-buffer';

/** Files to read: `[library path, absolute path]` pairs. */
export interface ScanBatch {
  readonly batch: number;
  readonly files: readonly (readonly [string, string])[];
}

/** One file as a worker read it: its fields, and its bytes at `[from, to)` of the slab (-1: none). */
export interface ScannedFile {
  readonly fields: ArticleFields;
  readonly bodyFrom: number;
  readonly from: number;
  readonly to: number;
}

/** What a worker says: it is ready, a batch is read (`null`: the file vanished), or it failed. */
export type ScanWorkerMessage =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'read';
      readonly batch: number;
      readonly files: readonly (ScannedFile | null)[];
      readonly slab: ArrayBuffer;
    }
  | { readonly kind: 'failed'; readonly batch: number };

/**
 * The bytes of one batch's readable files, back to back, in a buffer that grows by doubling and
 * is sent at its exact size: files are read straight into its free end, with no copy.
 */
class BatchBytes {
  #buffer = new Uint8Array(4 * 1024 * 1024);
  #used = 0;

  /** The free end for a file of `size` bytes (and one to spare, to see a file that grew). */
  spaceFor(size: number): Uint8Array {
    if (this.#used + size + 1 > this.#buffer.length) {
      const bigger = new Uint8Array(Math.max(this.#buffer.length * 2, this.#used + size + 1));
      bigger.set(this.#buffer.subarray(0, this.#used));
      this.#buffer = bigger;
    }
    return this.#buffer.subarray(this.#used);
  }

  /** Appends `bytes` (read into the free end as asked, or elsewhere) and tells where they are. */
  add(bytes: Uint8Array): { from: number; to: number } {
    // A file that changed size meanwhile was read elsewhere: copied in.
    if (bytes.buffer !== this.#buffer.buffer || bytes.byteOffset !== this.#used) {
      this.spaceFor(bytes.length).set(bytes);
    }
    this.#used += bytes.length;
    return { from: this.#used - bytes.length, to: this.#used };
  }

  /** Starts a batch: the buffer is empty again. */
  clear(): void {
    this.#used = 0;
  }

  /** The batch's bytes to send: a copy at their exact size. */
  take(): ArrayBuffer {
    return this.#buffer.buffer.slice(0, this.#used);
  }
}

/** Reads batches in this worker: into one batch buffer, through one reused read buffer. */
function batchReader(): (files: ScanBatch['files']) => { files: (ScannedFile | null)[]; slab: ArrayBuffer } {
  const bytes = new BatchBytes();
  // (No own copies: the strings are copied into the message to the scanning thread anyway.)
  const place: SyncReadPlace = {
    spaceFor: (size) => bytes.spaceFor(size),
    buffer: new ReadBuffer(),
    own: (text) => text,
  };
  return (files) => {
    bytes.clear();
    const scanned = files.map(([relative, absolute]): ScannedFile | null => {
      const read = readArticleSync(relative, absolute, place);
      if (!read) return null;
      if (!read.readable || !read.bytes) return { fields: read.fields, bodyFrom: 0, from: -1, to: -1 };
      return { fields: read.fields, bodyFrom: read.bodyFrom, ...bytes.add(read.bytes) };
    });
    return { files: scanned, slab: bytes.take() };
  };
}

const port = parentPort;
if (port) {
  const readBatch = batchReader();
  port.on('message', ({ batch, files }: ScanBatch) => {
    let message: ScanWorkerMessage;
    try {
      message = { kind: 'read', batch, ...readBatch(files) };
    } catch {
      // The scanning thread reads this batch itself (and meets the same error there, if any).
      port.postMessage({ kind: 'failed', batch } satisfies ScanWorkerMessage);
      return;
    }
    port.postMessage(message, [message.slab]);
  });
  port.postMessage({ kind: 'ready' } satisfies ScanWorkerMessage);
}
