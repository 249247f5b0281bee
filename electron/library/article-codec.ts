import { isUtf8 } from 'node:buffer';
import type { LineEnding } from '../../shared/contract';

/** What decoding an article's bytes gives. */
export interface DecodedArticle {
  /** Text with `\n` endings and without BOM; `null` when the bytes are not valid UTF-8. */
  readonly text: string | null;
  readonly bom: boolean;
  readonly lineEnding: LineEnding;
  /** True when the bytes look binary (a NUL byte near the start). */
  readonly binary: boolean;
}

/** Hash of the exact bytes on disk, as sent with every save. */
export function hashBytes(bytes: Uint8Array): string {
  // One-shot: no Hash object per call (a scan hashes every file of the library). `node:crypto` is
  // loaded on the first hash, not with this module: loading it (with the two dozen modules it
  // brings) was a visible part of the start of `folio list`, which hashes nothing.
  return process.getBuiltinModule('node:crypto').hash('sha256', bytes, 'hex');
}

/**
 * Decodes bytes strictly as UTF-8 (never a lossy decode), remembering the BOM and the
 * dominant line ending so that a save can put them back.
 */
export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  const binary = bytes.subarray(0, 8000).includes(0);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(bom ? 3 : 0);
  // Validate, then decode: both are SIMD-fast in Node, several times faster than a fatal
  // TextDecoder, which matters when a scan decodes a whole library.
  if (!isUtf8(content)) return { text: null, bom, lineEnding: '\n', binary };
  const raw = content.toString('utf8');
  // Most files have no carriage return at all: then there is nothing to normalize or count.
  if (!content.includes(13)) return { text: raw, bom, lineEnding: '\n', binary };
  return { text: raw.replace(/\r\n?/g, '\n'), bom, lineEnding: dominantEnding(raw), binary };
}

function dominantEnding(raw: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) {
    if (raw[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Encodes editor text for disk. Lines the edit did not touch (the common leading and trailing
 * lines) keep the exact endings they had in `originalRaw`; changed lines get the dominant
 * ending. So a mixed-ending file is never normalized outside the edit.
 */
export function encodeArticle(
  text: string,
  options: { bom: boolean; lineEnding: LineEnding; originalRaw: string | null },
): Buffer {
  const newLines = text.split('\n');
  let body: string;
  if (options.originalRaw === null) {
    body = newLines.join(options.lineEnding);
  } else {
    const old = splitKeepingEndings(options.originalRaw);
    let head = 0;
    while (head < old.length && head < newLines.length && old[head]!.line === newLines[head]) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < newLines.length - head &&
      old[old.length - 1 - tail]!.line === newLines[newLines.length - 1 - tail]
    ) {
      tail++;
    }
    const parts: string[] = [];
    for (let i = 0; i < newLines.length; i++) {
      const isLast = i === newLines.length - 1;
      let ending: string;
      if (isLast) ending = '';
      else if (i < head) ending = old[i]!.ending || options.lineEnding;
      else if (i >= newLines.length - tail) {
        ending = old[old.length - (newLines.length - i)]!.ending || options.lineEnding;
      } else ending = options.lineEnding;
      parts.push(newLines[i]!, ending);
    }
    body = parts.join('');
  }
  const encoded = Buffer.from(body, 'utf8');
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encoded]) : encoded;
}

function splitKeepingEndings(raw: string): { line: string; ending: string }[] {
  const result: { line: string; ending: string }[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    result.push({ line: raw.slice(start, match.index), ending: match[0] });
    start = match.index + match[0].length;
  }
  result.push({ line: raw.slice(start), ending: '' });
  return result;
}
