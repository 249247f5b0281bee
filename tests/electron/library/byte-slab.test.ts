import { describe, expect, it } from 'vitest';
import { ByteSlab } from '../../../electron/library/byte-slab';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const kept = (at: { buffer: Uint8Array; from: number }, length: number): string =>
  new TextDecoder().decode(at.buffer.subarray(at.from, at.from + length));

describe('ByteSlab', () => {
  it('keeps small byte runs back to back in one slab, each still readable after the source is reused', () => {
    const slab = new ByteSlab(64);
    const source = new Uint8Array(16);
    source.set(bytesOf('first'));
    const first = slab.keep(source.subarray(0, 5));
    source.set(bytesOf('other'));
    const second = slab.keep(source.subarray(0, 5));
    source.fill(0);
    expect(second.buffer).toBe(first.buffer);
    expect(second.from).toBe(first.from + 5);
    expect(kept(first, 5)).toBe('first');
    expect(kept(second, 5)).toBe('other');
  });

  it('starts a new slab when the next bytes do not fit, leaving the kept ones where they are', () => {
    const slab = new ByteSlab(64);
    const early = slab.keep(bytesOf('0123456789abcdef'));
    slab.keep(bytesOf('0123456789abcdef'));
    slab.keep(bytesOf('0123456789abcdef'));
    const next = slab.keep(bytesOf('0123456789ABCDEF!'));
    expect(next.buffer).not.toBe(early.buffer);
    expect(next.from).toBe(0);
    expect(kept(early, 16)).toBe('0123456789abcdef');
    expect(kept(next, 17)).toBe('0123456789ABCDEF!');
  });

  it('gives bytes longer than a quarter slab a buffer of their own', () => {
    const slab = new ByteSlab(64);
    const small = slab.keep(bytesOf('small'));
    const big = slab.keep(bytesOf('x'.repeat(17)));
    expect(big.buffer).not.toBe(small.buffer);
    expect(big).toMatchObject({ from: 0 });
    expect(big.buffer.length).toBe(17);
    // The slab goes on after the small run.
    expect(slab.keep(bytesOf('after')).from).toBe(5);
  });

  it('keeps bytes read into its free end without copying them, and offers no space for big files', () => {
    const slab = new ByteSlab(64);
    slab.keep(bytesOf('head'));
    const space = slab.spaceFor(6)!;
    expect(space.length).toBeGreaterThan(6);
    space.set(bytesOf('inside'));
    const at = slab.keep(space.subarray(0, 6));
    expect(at.buffer.buffer).toBe(space.buffer);
    expect(at.from).toBe(4);
    expect(kept(at, 6)).toBe('inside');
    // Space offered and not kept is offered again to the next file.
    slab.spaceFor(10)!.set(bytesOf('not kept'));
    expect(slab.keep(bytesOf('next')).from).toBe(10);
    // A file that needs the whole of a quarter slab (with its spare byte) is read elsewhere.
    expect(slab.spaceFor(16)).toBeNull();
    expect(slab.spaceFor(15)).not.toBeNull();
  });

  it('offers a fresh slab when the file does not fit in what is left of the current one', () => {
    const slab = new ByteSlab(64);
    slab.keep(bytesOf('x'.repeat(16)));
    slab.keep(bytesOf('y'.repeat(16)));
    slab.keep(bytesOf('z'.repeat(16)));
    // 15 bytes and their spare one would fit exactly; one byte more kept, and they do not.
    expect(slab.spaceFor(15)!.length).toBe(16);
    slab.keep(bytesOf('!'));
    const space = slab.spaceFor(15)!;
    expect(space.length).toBe(64);
    space.set(bytesOf('fresh'));
    expect(slab.keep(space.subarray(0, 5))).toMatchObject({ from: 0 });
  });
});
