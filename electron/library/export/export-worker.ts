import { parentPort, workerData } from 'node:worker_threads';
import { renderExportItem, type ExportItemInput, type ExportItemShared } from './export-item';

/**
 * The export's worker thread: renders the articles its pool sends, one message each, with the
 * run's shared choices and stylesheets received once as `workerData`.
 */
const shared = workerData as ExportItemShared;
parentPort?.on('message', (message: { id: number; item: ExportItemInput }) => {
  void renderExportItem(shared, message.item).then(
    (result) => {
      const transfer = result.ok ? result.assets.map((a) => a.bytes.buffer as ArrayBuffer) : [];
      parentPort?.postMessage({ id: message.id, result }, transfer);
    },
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: String(error) }),
  );
});
