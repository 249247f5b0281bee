/**
 * The term index's storage of one word: packed (document slot, count) postings per field, and
 * the look-up of a slot in them.
 */

/** Packed (document slot, count) pairs of one word in one field, in slot order. */
export interface Postings {
  data: Int32Array;
  length: number;
  /** Postings of live documents, as counted at removal generation `counted`. */
  live: number;
  counted: number;
}

/** A distinct indexed word: its postings per field. */
export interface Term {
  readonly text: string;
  readonly fields: [Postings | null, Postings | null, Postings | null];
  /** FNV-1a hash of `text`, for the word table. */
  readonly hash: number;
  /** Scratch while adding a document: the slot and field last counted, and the count there. */
  seenIn: number;
  count: number;
}

/** Binary search of a slot in postings (sorted by slot). */
export function hasSlot(postings: Postings, slot: number): boolean {
  let lo = 0;
  let hi = postings.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = postings.data[mid * 2]!;
    if (value === slot) return true;
    if (value < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
