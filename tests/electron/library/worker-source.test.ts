import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startWorker } from '../../../electron/library/worker-source';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('starting a bundled worker', () => {
  it('finds the worker beside its caller, and one folder up from a split-off chunk', async () => {
    const out = await tempDir();
    await writeFiles(out, {
      'echo-worker.js':
        "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('beside the entry');\n",
      'chunks/chunk-a.js': '',
      'nested/echo-worker.js':
        "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('in nested');\n",
      'nested/caller.js': '',
    });
    for (const [caller, expected] of [
      ['chunks/chunk-a.js', 'beside the entry'],
      ['nested/caller.js', 'in nested'],
    ] as const) {
      const worker = startWorker(pathToFileURL(path.join(out, caller)).href, 'echo-worker');
      try {
        expect(await firstMessage(worker), caller).toBe(expected);
      } finally {
        await worker.terminate();
      }
    }
  });
});
