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

function readBatch(files: ScanBatch['files']): { files: (ScannedFile | null)[]; slab: ArrayBuffer } {
  let used = 0;
  const scanned = files.map(([relative, absolute]): ScannedFile | null => {
    const read = readArticleBytesSync(relative, absolute);
    if (!read) return null;
    if (!read.bytes) return { fields: read.fields, bodyFrom: 0, from: -1, to: -1 };
    if (used + read.bytes.length > slab.length) {
      const bigger = new Uint8Array(Math.max(slab.length * 2, used + read.bytes.length));
      bigger.set(slab.subarray(0, used));
      slab = bigger;
    }
    slab.set(read.bytes, used);
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
