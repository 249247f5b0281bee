/**
 * Counts words in UTF-8 bytes, with exactly the rule of `countWords` (word-scanner.ts) applied
 * to the decoded text. A library scan counts the words of every article, and on a 10,000-article
 * library that was the largest cost after reading the files. Hand-written because no library
 * counts words with our rule.
 *
 * Characters are classed as in word-scanner.ts: 1 letter or digit, 2 joiner (`'` `’` `-` `.`),
 * 0 anything else. `\r` is class 0 like `\n`, so CRLF bytes count as the `\n` text the editor
 * sees, and a BOM (U+FEFF) is class 0 too.
 *
 * The rule is local: a word starts at a letter or digit whose previous character is neither a
 * letter or digit nor a joiner right after one (`don't`, `e-mail`, `3.14` are one word each;
 * `--x` starts one). So each character's answer depends on the two before it only, and no
 * answer waits for the one before (as a state machine's would): ASCII is read four bytes at a
 * time, each pair's classes from one table, and the starts among the four from another, indexed
 * by the classes of the last six characters. About half the time of a state machine reading
 * pairs, whose every lookup waited for the previous one.
 */
import { isLetterOrDigitCodePoint } from './word-scanner';

/** Class of each ASCII byte: 0 other, 1 letter or digit, 2 joiner. */
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  asciiClass[c] = alnum ? 1 : c === 39 || c === 45 || c === 46 ? 2 : 0;
}

/** Whether the character with class `kind` starts a word after characters of classes `before` and `twoBefore`. */
function startsWord(kind: number, before: number, twoBefore: number): boolean {
  return kind === 1 && before !== 1 && !(before === 2 && twoBefore === 1);
}

/**
 * The classes of the last characters, two bits each, the newest lowest: `window & 63` is the
 * last three. `startsAtLast[window & 63]` is 1 when the newest character starts a word.
 */
const startsAtLast = new Uint8Array(64);
/** `startsInLastFour[window & 4095]`: words started by the newest four characters (of the last six). */
const startsInLastFour = new Uint8Array(4096);
for (let window = 0; window < 4096; window++) {
  const kind = (age: number): number => (window >> (2 * age)) & 3;
  let starts = 0;
  for (let age = 0; age < 4; age++) if (startsWord(kind(age), kind(age + 1), kind(age + 2))) starts++;
  startsInLastFour[window] = starts;
  if (window < 64) startsAtLast[window] = startsWord(kind(0), kind(1), kind(2)) ? 1 : 0;
}

/** Which half of a 32-bit number holds the two bytes that come first in memory. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * `pairClasses[pair]`: the classes of two ASCII bytes read as one 16-bit number, the first
 * byte's in bits 2–3 and the second's in bits 0–1. Non-ASCII pairs never reach it (the caller
 * checks the high bits first). 64 KB, built on first use (the renderer imports this folder but
 * never counts bytes).
 */
let pairClasses: Uint8Array | null = null;

function buildPairClasses(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let pair = 0; pair < 0x10000; pair++) {
    const first = littleEndian ? pair & 0xff : pair >> 8;
    const second = littleEndian ? pair >> 8 : pair & 0xff;
    if (first < 128 && second < 128) table[pair] = (asciiClass[first]! << 2) | asciiClass[second]!;
  }
  return table;
}

/**
 * Counts the words of valid UTF-8 `bytes` (check with `isUtf8` first: invalid sequences are
 * counted as non-letters, which no decoded text would give). Equal to `countWords` of the decoded
 * text, with `\r\n` or `\n` line endings alike.
 */
export function countWordsInUtf8(bytes: Uint8Array): number {
  const pairs = (pairClasses ??= buildPairClasses());
  const length = bytes.length;
  // Four bytes are read from an address divisible by four: a 32-bit view must start at one.
  const skew = (4 - (bytes.byteOffset & 3)) & 3;
  const quadCount = length > skew ? (length - skew) >> 2 : 0;
  // (No view at all when there is no whole quad: its start could lie past the buffer's end.)
  const quads =
    quadCount > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + skew, quadCount) : new Uint32Array(0);
  const firstShift = littleEndian ? 0 : 16;
  const secondShift = littleEndian ? 16 : 0;
  let count = 0;
  let window = 0;
  let index = 0;
  while (index < length) {
    if (index >= skew && ((index - skew) & 3) === 0) {
      // The fast loop: four ASCII bytes at a time, until a non-ASCII byte or the end.
      let quad = (index - skew) >> 2;
      for (; quad < quadCount; quad++) {
        const four = quads[quad]!;
        if ((four & 0x80808080) !== 0) break;
        const first = pairs[(four >>> firstShift) & 0xffff]!;
        const second = pairs[(four >>> secondShift) & 0xffff]!;
        window = ((window << 8) | (first << 4) | second) & 4095;
        count += startsInLastFour[window]!;
      }
      index = skew + quad * 4;
      if (index >= length) break;
    }
    // One character: an ASCII byte, or a UTF-8 sequence decoded to its code point.
    const lead = bytes[index]!;
    let kind: number;
    if (lead < 0x80) {
      kind = asciiClass[lead]!;
      index += 1;
    } else {
      let codePoint: number;
      if (lead >= 0xf0) {
        codePoint =
          ((lead & 0x07) << 18) |
          ((bytes[index + 1]! & 0x3f) << 12) |
          ((bytes[index + 2]! & 0x3f) << 6) |
          (bytes[index + 3]! & 0x3f);
        index += 4;
      } else if (lead >= 0xe0) {
        codePoint = ((lead & 0x0f) << 12) | ((bytes[index + 1]! & 0x3f) << 6) | (bytes[index + 2]! & 0x3f);
        index += 3;
      } else if (lead >= 0xc0) {
        codePoint = ((lead & 0x1f) << 6) | (bytes[index + 1]! & 0x3f);
        index += 2;
      } else {
        // A stray continuation byte (invalid UTF-8): not a letter.
        codePoint = 0;
        index += 1;
      }
      kind = codePoint === 0x2019 ? 2 : codePoint !== 0 && isLetterOrDigitCodePoint(codePoint) ? 1 : 0;
    }
    window = ((window << 2) | kind) & 4095;
    count += startsAtLast[window & 63]!;
  }
  return count;
}
