import { parentPort, workerData } from 'node:worker_threads';
import { renderFootnotesGuess } from '../../../shared/markdown/chunk-join';
import type { ChunkInput, FootnotesGuess } from '../../../shared/markdown/chunk-plan';
import { renderChunk } from '../../../shared/markdown/chunk-render';
import { warmUpPipeline } from '../../../shared/markdown/warm-up';
import type { ExportItemInput, ExportItemShared, renderExportItem } from './export-item';

/**
 * The export's worker thread: renders the articles its pool sends, one message each, with the
 * run's shared choices and stylesheets received once as `workerData`; or, for one long article
 * split across threads (split-render.ts), the chunks and the footnotes section it is sent.
 */
const shared = workerData as ExportItemShared;
// Loaded on the first article: a worker that only renders chunks starts sooner without it.
let exportItem: Promise<{ renderExportItem: typeof renderExportItem }> | null = null;
let warmedUp = false;
parentPort?.on(
  'message',
  (message: {
    id: number;
    item?: ExportItemInput;
    chunk?: ChunkInput;
    footnotes?: FootnotesGuess;
    ping?: true;
  }) => {
    // A ping tells split-render.ts that this worker has loaded, and warmed up: its first chunks
    // then run on optimised code.
    if (message.ping) {
      if (!warmedUp) {
        warmedUp = true;
        warmUpPipeline();
      }
      parentPort?.postMessage({ id: message.id, pong: true });
      return;
    }
    if (message.chunk || message.footnotes) {
      try {
        parentPort?.postMessage(
          message.chunk
            ? { id: message.id, chunk: renderChunk(message.chunk) }
            : { id: message.id, footnotes: renderFootnotesGuess(message.footnotes ?? null) },
        );
      } catch (error) {
        parentPort?.postMessage({ id: message.id, error: String(error) });
      }
      return;
    }
    if (!message.item) return;
    const item = message.item;
    exportItem ??= import('./export-item');
    void exportItem
      .then(({ renderExportItem }) => renderExportItem(shared, item))
      .then(
        (result) => {
          const transfer = result.ok ? result.assets.map((a) => a.bytes.buffer as ArrayBuffer) : [];
          parentPort?.postMessage({ id: message.id, result }, transfer);
        },
        (error: unknown) => parentPort?.postMessage({ id: message.id, error: String(error) }),
      );
  },
);
