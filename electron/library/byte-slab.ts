/** Where {@link ByteSlab.keep} put some bytes: they start at `from` in `buffer`. */
export interface KeptBytes {
  readonly buffer: Uint8Array;
  readonly from: number;
}

/** Size of one slab by default: 1 MB holds a couple of hundred typical articles. */
const defaultSlabBytes = 1024 * 1024;

/**
 * Keeps the bytes of many small files in shared slabs, filled one after another: ten thousand
 * articles' bytes are then a few dozen buffers (outside the JS heap) rather than ten thousand, and
 * a slab is freed once nothing refers to it any more. Bytes longer than a quarter slab get a buffer
 * of their own. A file can also be read straight into the free end of the current slab
 * ({@link spaceFor}), and kept there without a copy.
 */
export class ByteSlab {
  readonly #slabBytes: number;
  #slab = new Uint8Array(0);
  #used = 0;

  /** `slabBytes`: the size of each slab (default 1 MB). */
  constructor(slabBytes = defaultSlabBytes) {
    this.#slabBytes = slabBytes;
  }

  /**
   * Where to read a file of `size` bytes: the free end of the current slab (a new one when it does
   * not fit), with a byte to spare, so that a read that finds the file grown still sees its end;
   * `null` when the file is too big for a slab (read it elsewhere, then {@link keep} copies it).
   * Nothing is taken until {@link keep}: bytes read there and not kept leave the space to the next.
   */
  spaceFor(size: number): Uint8Array | null {
    if (size + 1 > this.#slabBytes / 4) return null;
    if (this.#used + size + 1 > this.#slab.length) this.#startSlab();
    return this.#slab.subarray(this.#used);
  }

  /**
   * Keeps `bytes` and tells where they are. Bytes read into the free end (see {@link spaceFor})
   * stay where they are; others are copied into the slab, or into a buffer of their own when
   * longer than a quarter slab. `bytes` may be a view of a buffer that is reused afterwards.
   */
  keep(bytes: Uint8Array): KeptBytes {
    if (bytes.buffer === this.#slab.buffer && bytes.byteOffset === this.#used) {
      return this.#take(bytes.length);
    }
    // (`new Uint8Array` copies; a Buffer's `slice` would not.)
    if (bytes.length > this.#slabBytes / 4) return { buffer: new Uint8Array(bytes), from: 0 };
    if (this.#used + bytes.length > this.#slab.length) this.#startSlab();
    this.#slab.set(bytes, this.#used);
    return this.#take(bytes.length);
  }

  #take(length: number): KeptBytes {
    const kept = { buffer: this.#slab, from: this.#used };
    this.#used += length;
    return kept;
  }

  #startSlab(): void {
    this.#slab = new Uint8Array(this.#slabBytes);
    this.#used = 0;
  }
}
