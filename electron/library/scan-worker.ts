/**
 * A scan worker: reads batches of articles exactly as the scanning thread does (read-article.ts)
 * and sends back each entry's fields, with the files' bytes packed into one transferred buffer
 * (moved, not copied), from which the body is decoded when search asks for it.
 */
import { parentPort } from 'node:worker_threads';
import { readArticleBytesSync, type ArticleFields } from './read-article';

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

/** Bytes of a batch's readable files, back to back; grows by doubling, sent at its exact size. */
let slab = new Uint8Array(4 * 1024 * 1024);
let used = 0;

/**
 * The free end of the batch buffer for a file of `size` bytes (and one to spare, to see a file
 * that grew), grown when needed: files are read straight into it, with no copy.
 */
function spaceFor(size: number): Uint8Array {
  if (used + size + 1 > slab.length) {
    const bigger = new Uint8Array(Math.max(slab.length * 2, used + size + 1));
    bigger.set(slab.subarray(0, used));
    slab = bigger;
  }
  return slab.subarray(used);
}

function readBatch(files: ScanBatch['files']): { files: (ScannedFile | null)[]; slab: ArrayBuffer } {
  used = 0;
  const scanned = files.map(([relative, absolute]): ScannedFile | null => {
    const read = readArticleBytesSync(relative, absolute, spaceFor);
    if (!read) return null;
    if (!read.bytes) return { fields: read.fields, bodyFrom: 0, from: -1, to: -1 };
    // Read into the free end as asked, or (a file that changed size meanwhile) elsewhere.
    if (read.bytes.buffer !== slab.buffer || read.bytes.byteOffset !== used) {
      spaceFor(read.bytes.length).set(read.bytes);
    }
    used += read.bytes.length;
    return { fields: read.fields, bodyFrom: read.bodyFrom, from: used - read.bytes.length, to: used };
  });
  return { files: scanned, slab: slab.buffer.slice(0, used) };
}

const port = parentPort;
if (port) {
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
