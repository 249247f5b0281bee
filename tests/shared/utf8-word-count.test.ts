import { describe, expect, it } from 'vitest';
import { countWordsInUtf8 } from '../../shared/utf8-word-count';
import { countWords } from '../../shared/word-scanner';
import { seededRandom } from '../helpers/seeded-random';

// ASCII letters, digits and joiners, letters of several scripts (2- and 3-byte UTF-8), the
// curly apostrophe joiner, combining marks, astral letters and symbols (4 bytes), line endings
// of both kinds, a BOM and punctuation.
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
  '\r\n',
  '\r',
  ',',
  '!',
  '_',
  '\u0301',
  '𝑥',
  '😀',
  '\ufeff',
  '#',
  '*',
  'word ',
  'don’t ',
];

/** The bytes of `text` at a chosen distance from an even address (the counter reads pairs). */
function bytesAt(text: string, offset: number): Uint8Array {
  const encoded = Buffer.from(text, 'utf8');
  const backing = new Uint8Array(encoded.length + offset);
  backing.set(encoded, offset);
  return backing.subarray(offset);
}

describe('counting words in UTF-8 bytes', () => {
  it('counts the same words as the text counter on thousands of random texts', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 4000; run++) {
      const length = Math.floor(random() * 60);
      let text = '';
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = countWords(text.replace(/\r\n?/g, '\n'));
      for (const offset of [0, 1, 2, 3]) {
        expect(countWordsInUtf8(bytesAt(text, offset)), `${JSON.stringify(text)} at +${offset}`).toBe(
          expected,
        );
      }
    }
  });

  it('counts long ASCII and mixed-script articles like the text counter', () => {
    const article =
      "# A title\n\nDon't e-mail me at 3.14 o’clock. Здравствуй, мир! 日本語 𝑥𝑦 😀 well-known.\r\n".repeat(
        500,
      );
    expect(countWordsInUtf8(bytesAt(article, 0))).toBe(countWords(article));
    expect(countWordsInUtf8(bytesAt(article, 1))).toBe(countWords(article));
    expect(countWordsInUtf8(new Uint8Array(0))).toBe(0);
    expect(countWordsInUtf8(bytesAt('x', 1))).toBe(1);
  });

  it('counts the same words in long, mostly ASCII texts, where four bytes are read at a time', () => {
    // Joiners, doubled joiners and letters in every order and at every position of a four-byte
    // read, with a rare non-ASCII character that sends the counter out of its fast loop and back.
    const ascii = ['a', 'b', '1', "'", '-', '.', ' ', '\n', ',', 'ab', '--', "''", '..', 'x.', '-y'];
    const rare = ['é', '’', '日', '😀', '\u0301', '\r\n'];
    const random = seededRandom(13);
    for (let run = 0; run < 1500; run++) {
      const length = 20 + Math.floor(random() * 300);
      let text = '';
      for (let i = 0; i < length; i++) {
        text +=
          random() < 0.03
            ? rare[Math.floor(random() * rare.length)]
            : ascii[Math.floor(random() * ascii.length)];
      }
      const expected = countWords(text.replace(/\r\n?/g, '\n'));
      for (const offset of [0, 1, 2, 3]) {
        expect(countWordsInUtf8(bytesAt(text, offset)), `${JSON.stringify(text)} at +${offset}`).toBe(
          expected,
        );
      }
    }
  });
});
