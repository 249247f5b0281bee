import { readSync } from 'node:fs';

/**
 * The buffer a thread's synchronous reads go into when they are not read straight into a slab
 * (see byte-slab.ts). Reused because the bytes are only hashed and decoded (into strings of their
 * own), and ten thousand fresh buffers of external memory made the garbage collector the second
 * cost of a scan. One per reading thread: the bytes of a read stay valid until its next read.
 */
export class ReadBuffer {
  #buffer: Buffer = Buffer.allocUnsafe(0);

  /**
   * Reads an open file to its end (it may have grown since its `size` was taken), into `target`
   * when given and the file fits there with a byte to spare, else into this buffer, and returns
   * the bytes read. A read that stops short exactly at the size the file had is its end: no
   * second read to see 0 bytes (as Node's `readFileSync` does too; ten thousand files, ten
   * thousand calls saved).
   */
  readToEnd(fd: number, size: number, target: Uint8Array | null): Uint8Array {
    let length = 0;
    if (target) {
      length = readSync(fd, target, 0, target.length, null);
      if (length === size && length < target.length) return target.subarray(0, length);
      // The file changed size meanwhile: go on in this buffer with what was read.
      this.#atLeast(length + 1);
      this.#buffer.set(target.subarray(0, length), 0);
      if (length === 0) return this.#buffer.subarray(0, 0);
    } else {
      this.#atLeast(size + 1);
    }
    for (;;) {
      if (length === this.#buffer.length) {
        const bigger = Buffer.allocUnsafe(this.#buffer.length * 2);
        this.#buffer.copy(bigger, 0, 0, length);
        this.#buffer = bigger;
      }
      const wanted = this.#buffer.length - length;
      const read = readSync(fd, this.#buffer, length, wanted, null);
      length += read;
      if (read === 0 || (read < wanted && length === size)) break;
    }
    return this.#buffer.subarray(0, length);
  }

  /** Grows the buffer (to 1 MB at least, doubling) when it holds fewer than `bytes`. */
  #atLeast(bytes: number): void {
    if (this.#buffer.length >= bytes) return;
    this.#buffer = Buffer.allocUnsafe(Math.max(bytes, this.#buffer.length * 2, 1024 * 1024));
  }
}
