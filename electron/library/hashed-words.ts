/**
 * The words the library search indexes, read in one pass: lower-case word ranges with their
 * FNV-1a hash computed while scanning, so the indexer finds a word without copying it out.
 */
import { scanWordRuns, wordCharAt } from '../../shared/word-scanner';

/** The lower-case words of a text, each as often as it occurs. */
export function termsOf(text: string, onTerm: (term: string) => void): void {
  forEachHashedWord(text, (source, start, end) => onTerm(source.slice(start, end)));
}

/**
 * Each lower-case word of `text` as a range of a lower-case string (not copied out), with its
 * FNV-1a hash computed while scanning: the indexer's inner loop, so one pass per character.
 */
export function forEachHashedWord(
  text: string,
  onWord: (source: string, start: number, end: number, hash: number) => void,
): void {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A few characters change length when lower-cased (İ): then lower-case word by word.
    scanWordRuns(text, (start, end) => {
      const word = text.slice(start, end).toLowerCase();
      onWord(word, 0, word.length, hashWord(word, 0, word.length));
    });
    return;
  }
  const length = lower.length;
  let index = 0;
  while (index < length) {
    let width = wordCharAt(lower, index);
    if (width === 0) {
      index++;
      continue;
    }
    const start = index;
    let hash = 0x811c9dc5;
    do {
      hash = Math.imul(hash ^ lower.charCodeAt(index), 0x01000193);
      if (width === 2) hash = Math.imul(hash ^ lower.charCodeAt(index + 1), 0x01000193);
      index += width;
    } while (index < length && (width = wordCharAt(lower, index)) > 0);
    onWord(lower, start, index, hash);
  }
}

/** FNV-1a hash of `text.slice(start, end)`, as {@link forEachHashedWord} computes it. */
export function hashWord(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** True when `text.slice(start, end)` equals `word`, compared in place. */
export function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
