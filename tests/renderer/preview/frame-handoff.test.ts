import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { HandoffReader, HandoffWriter } from '../../../renderer/src/preview/frame-handoff';

describe('the frame hand-off between the preview worker and the page', () => {
  it('gives the page the answer with the id it waits for, byte for byte', () => {
    const reader = new HandoffReader(1024);
    const writer = new HandoffWriter(reader.buffer);
    const json = JSON.stringify({ type: 'patch', id: 7, html: '<p>Ünïcödé, “quotes”, 😀 and \u2028</p>' });
    writer.write(7, json);
    expect(reader.take(7, performance.now() + 50)).toBe(json);
  });

  it('gives up at the deadline when that answer has not come, and never returns an older one', () => {
    const reader = new HandoffReader(1024);
    new HandoffWriter(reader.buffer).write(3, '{"id":3}');
    const started = performance.now();
    expect(reader.take(4, started + 5)).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(5);
  });

  it('marks an answer too big for the slot as missing, so the page waits for the message', () => {
    const reader = new HandoffReader(16);
    const writer = new HandoffWriter(reader.buffer);
    writer.write(1, '{"fits":true}');
    writer.write(2, JSON.stringify({ html: 'x'.repeat(100) }));
    expect(reader.take(2, performance.now() + 50)).toBeNull();
  });

  it('receives an answer written by another thread while the page is already waiting', async () => {
    const reader = new HandoffReader(1024);
    // A real second thread writes into the same memory after a delay, as the worker does.
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       setTimeout(() => {
         const header = new Int32Array(workerData, 0, 2);
         const units = new Uint16Array(workerData, 8);
         const json = '{"late":true}';
         for (let i = 0; i < json.length; i++) units[i] = json.charCodeAt(i);
         Atomics.store(header, 1, json.length);
         Atomics.store(header, 0, 9);
       }, 20);`,
      { eval: true, workerData: reader.buffer },
    );
    try {
      // Spins until the other thread publishes id 9 (well before the generous deadline).
      expect(reader.take(9, performance.now() + 10_000)).toBe('{"late":true}');
    } finally {
      await worker.terminate();
    }
  });
});
