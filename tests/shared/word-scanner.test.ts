import { describe, expect, it } from 'vitest';
import { countWords, scanWordRuns } from '../../shared/word-scanner';

/** The rule as a regex: the reference the fast scanner must agree with. */
function countWithRegex(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// Letters of several scripts, digits, joiners, spaces, punctuation, combining marks, an astral
// letter (𝑥), an astral non-letter (😀) and lone surrogates.
const pieces = [
  'a',
  'Z',
  '7',
  'é',
  'ß',
  'ж',
  '日',
  '٣',
  "'",
  '’',
  '-',
  '.',
  ' ',
  '\n',
  ',',
  '!',
  '_',
  '\u0301',
  '𝑥',
  '😀',
  '\ud800',
  '\udc00',
  '#',
  '*',
];

describe('counting words', () => {
  it('counts words joined by inner apostrophes, hyphens and dots as one', () => {
    expect(countWords("Don't e-mail me at 3.14 o’clock.")).toBe(6);
    expect(countWords('trailing- dash and .leading dot')).toBe(5);
    expect(countWords("double '' quote a--b")).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords('Здравствуй, мир! 日本語 𝑥𝑦 😀')).toBe(4);
  });

  it('agrees with the Unicode regex rule on thousands of random texts', () => {
    const random = randomFrom(42);
    for (let run = 0; run < 3000; run++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(countWithRegex(text));
      let runs = 0;
      scanWordRuns(text, (_start, _end, joined) => {
        if (!joined) runs++;
      });
      expect(runs, JSON.stringify(text)).toBe(countWithRegex(text));
    }
  });

  it('reports runs of letters with their offsets and whether they continue a word', () => {
    const runs: [string, boolean][] = [];
    const text = "It's a well-known 𝑥-ray.";
    scanWordRuns(text, (start, end, joined) => runs.push([text.slice(start, end), joined]));
    expect(runs).toEqual([
      ['It', false],
      ['s', true],
      ['a', false],
      ['well', false],
      ['known', true],
      ['𝑥', false],
      ['ray', true],
    ]);
  });
});
