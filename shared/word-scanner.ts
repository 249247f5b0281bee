/**
 * Finds words in text one character code at a time. The library reads every article of a big
 * library (word counts for the listing, terms for search), and a Unicode-property regex over
 * tens of megabytes was the largest single cost of a scan; a lookup table per character is
 * several times faster and gives exactly the same words. Hand-written because no library
 * counts words with our rule (letters and digits, joined by inner apostrophes, hyphens and dots).
 */

const letterOrDigit = /^[\p{L}\p{N}]$/u;

/**
 * Whether each BMP character is a letter or digit: 0 = not looked up yet, 1 = yes, 2 = no.
 * Filled lazily, so only the characters a text uses are ever tested with the regex.
 */
const bmpTable = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const isAlnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  bmpTable[c] = isAlnum ? 1 : 2;
}

/**
 * Length (1 or 2 code units) of the letter or digit starting at `index`, or 0 when the
 * character there is neither (a lone surrogate is neither).
 */
export function wordCharAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdfff) {
    let known = bmpTable[code]!;
    if (known === 0) {
      known = letterOrDigit.test(text[index]!) ? 1 : 2;
      bmpTable[code] = known;
    }
    return known === 1 ? 1 : 0;
  }
  if (code > 0xdbff) return 0;
  const low = text.charCodeAt(index + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  return letterOrDigit.test(text.slice(index, index + 2)) ? 2 : 0;
}

/**
 * Whether a Unicode code point (not a surrogate) is a letter or digit: the same answer as
 * {@link wordCharAt}, for callers that decode characters themselves (the UTF-8 word counter).
 */
export function isLetterOrDigitCodePoint(codePoint: number): boolean {
  if (codePoint < 0x10000) {
    let known = bmpTable[codePoint]!;
    if (known === 0) {
      known = letterOrDigit.test(String.fromCharCode(codePoint)) ? 1 : 2;
      bmpTable[codePoint] = known;
    }
    return known === 1;
  }
  return letterOrDigit.test(String.fromCodePoint(codePoint));
}

/** Characters that join two runs of letters into one word: `don't`, `e-mail`, `3.14`. */
function isJoiner(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */ || code === 45 /* - */ || code === 46; /* . */
}

/**
 * Calls `onRun(start, end)` for every run of letters and digits in `text` (Unicode), in order.
 * `joined` is true when the run continues the previous word across one joiner (`don` `t`).
 */
export function scanWordRuns(
  text: string,
  onRun: (start: number, end: number, joined: boolean) => void,
): void {
  const length = text.length;
  let index = 0;
  let previousEnd = -2;
  while (index < length) {
    const code = text.charCodeAt(index);
    // ASCII is decided by the table at once; other characters by wordCharAt.
    let width = code < 128 ? (bmpTable[code] === 1 ? 1 : 0) : wordCharAt(text, index);
    if (width === 0) {
      index++;
      continue;
    }
    const start = index;
    do {
      index += width;
      if (index >= length) break;
      const next = text.charCodeAt(index);
      width = next < 128 ? (bmpTable[next] === 1 ? 1 : 0) : wordCharAt(text, index);
    } while (width > 0);
    onRun(start, index, previousEnd === start - 1 && isJoiner(text.charCodeAt(start - 1)));
    previousEnd = index;
  }
}

/** ASCII character classes for counting: 0 other, 1 letter or digit, 2 joiner. */
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiClass[c] = bmpTable[c] === 1 ? 1 : isJoiner(c) ? 2 : 0;

/**
 * The counting automaton, indexed by `state * 3 + class`. States: 0 between words, 1 in a word,
 * 2 just after a joiner that follows a word (a letter there continues the word).
 */
const nextState = new Uint8Array([0, 1, 0, 0, 1, 2, 0, 1, 0]);
/** 1 where a transition starts a new word. */
const startsWord = new Uint8Array([0, 1, 0, 0, 0, 0, 0, 0, 0]);

/**
 * Counts words the way a writer would: runs of letters and digits, with inner apostrophes,
 * hyphens and dots (`don't`, `e-mail`, `3.14` are one word each). The same words as
 * {@link scanWordRuns}, with table lookups instead of branches: this runs over every article of
 * a library, and text switches between letters and spaces too often for branches to predict.
 */
export function countWords(text: string): number {
  const length = text.length;
  let count = 0;
  let state = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    let kind: number;
    if (code < 128) {
      kind = asciiClass[code]!;
    } else if (code === 0x2019) {
      kind = 2;
    } else {
      const width = wordCharAt(text, index);
      kind = width > 0 ? 1 : 0;
      if (width === 2) index++;
    }
    const transition = state * 3 + kind;
    count += startsWord[transition]!;
    state = nextState[transition]!;
  }
  return count;
}
