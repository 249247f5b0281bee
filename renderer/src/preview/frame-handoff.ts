/**
 * A one-slot mailbox in shared memory between the preview worker and the page.
 *
 * The worker answers every request with a message, but a message is a task: Chromium runs the
 * frame that shows the editor's echo of a keystroke first, so the preview's change would be
 * painted one frame (16.7 ms or more) after the editor's. With the answer also written here,
 * the page reads it inside that same frame's animation callback, waiting a few milliseconds
 * at most for a worker that is still rendering (see `RenderClient`). Shared memory needs a
 * cross-origin isolated page (`isolationHeaders` in shared/csp.ts); without it the mailbox is
 * not used and the message alone carries the answer.
 *
 * Layout: two 32-bit integers (the id of the answer in the slot, published last; its length in
 * UTF-16 units, or -1 when it did not fit), then the answer's JSON as UTF-16 units.
 */
const headerBytes = 8;

/** Whether this page may share memory with its workers. */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
}

/** The worker's side: writes each answer into the slot. */
export class HandoffWriter {
  private readonly header: Int32Array;
  private readonly units: Uint16Array;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 2);
    this.units = new Uint16Array(buffer, headerBytes);
  }

  /** Puts answer `id` (as JSON) in the slot; one too big for it is marked as missing. */
  write(id: number, json: string): void {
    if (json.length > this.units.length) {
      Atomics.store(this.header, 1, -1);
    } else {
      for (let index = 0; index < json.length; index++) this.units[index] = json.charCodeAt(index);
      Atomics.store(this.header, 1, json.length);
    }
    // Published last: a reader that sees this id sees the whole answer.
    Atomics.store(this.header, 0, id);
  }
}

/** The page's side: owns the shared memory and reads answers from it. */
export class HandoffReader {
  readonly buffer: SharedArrayBuffer;
  private readonly header: Int32Array;
  private readonly units: Uint16Array;
  private readonly decoder = new TextDecoder('utf-16le');

  /** `capacity` is in UTF-16 units (a paragraph's patch is a few thousand). */
  constructor(capacity = 256 * 1024) {
    this.buffer = new SharedArrayBuffer(headerBytes + capacity * 2);
    this.header = new Int32Array(this.buffer, 0, 2);
    this.units = new Uint16Array(this.buffer, headerBytes);
  }

  /**
   * The JSON of answer `id`, waiting for it until `deadline` (a `performance.now()` time);
   * `null` when it is not there by then or did not fit. The wait spins: the page's thread
   * cannot block on shared memory, and it is meant to last a millisecond or two.
   */
  take(id: number, deadline: number): string | null {
    while (Atomics.load(this.header, 0) !== id) {
      if (performance.now() >= deadline) return null;
    }
    const length = Atomics.load(this.header, 1);
    // `slice` copies out of shared memory, which TextDecoder does not read.
    return length < 0 ? null : this.decoder.decode(this.units.slice(0, length));
  }
}
