import { isUtf8 } from 'node:buffer';
import { summarizeStart } from '../../shared/article-meta';
import type { FrontmatterBlock } from '../../shared/frontmatter/find-block';
import { countWordsInUtf8 } from '../../shared/utf8-word-count';
import type { FileInfo, ReadArticle } from './article-entry';
import { ownString } from './own-string';

/**
 * How many bytes of the body {@link listingFromStart} decodes at first: enough for the excerpt
 * (and a heading title) of nearly every article.
 */
const startBytes = 2048;

/**
 * The listing of a scanned article from the start of its text, without decoding the rest: its
 * words are counted in the bytes and its body is decoded from them when search asks, so a scan
 * need not turn the library's megabytes into strings the garbage collector then has to sweep.
 * The head (frontmatter block) is decoded as a string of its own, and the values read from it
 * are slices of it, so no copies are needed to keep them. `null` when the start cannot tell for
 * sure (see `summarizeStart`), or for anything but plain UTF-8 text with `\n` line endings:
 * then the caller decodes the whole text (read-article.ts), as the tests check for every input.
 * `own`: copies the strings cut from the body's start (default {@link ownString});
 * `withExcerpt`: false for a listing that never shows excerpts (see `summarizeStart`), which
 * then decodes the body's start only to find a title in it.
 */
export function listingFromStart(
  relative: string,
  bytes: Uint8Array,
  info: FileInfo,
  own: (text: string) => string = ownString,
  withExcerpt = true,
): ReadArticle | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const content = bom ? buffer.subarray(3) : buffer;
  // Binary, CR line endings, a second BOM, or not UTF-8: the whole decode says what it is.
  if (buffer.subarray(0, 8000).includes(0) || content.includes(13)) return null;
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return null;
  if (!isUtf8(content)) return null;
  const fences = frontmatterIn(content);
  const blockEnd = fences ? fences.to : 0;
  let end = Math.min(content.length, blockEnd + startBytes);
  // Whole lines only: the body's first lines tell its excerpt and heading as the whole would.
  if (end < content.length) end = content.lastIndexOf(10, end - 1) + 1;
  if (end <= blockEnd && blockEnd < content.length) return null;
  const head = content.toString('utf8', 0, blockEnd);
  // The fence lines are ASCII: the closing one ends the head, in characters as in bytes.
  const contentTo = head.length - (blockEnd - (fences?.contentTo ?? 0));
  const block: FrontmatterBlock | null = fences && {
    kind: fences.kind,
    from: 0,
    to: head.length,
    contentFrom: fences.contentFrom,
    contentTo,
    content: head.slice(fences.contentFrom, contentTo),
  };
  const read = summarizeStart(
    relative,
    block,
    () => content.toString('utf8', blockEnd, end),
    end === content.length,
    info.mtime,
    // The body's words, counted in its bytes: it starts on a line of its own, so no word runs
    // across from the head (and a BOM is no word).
    countWordsInUtf8(content.subarray(blockEnd)),
    own,
    withExcerpt,
  );
  if (!read) return null;
  return {
    fields: {
      summary: read.summary,
      hash: null,
      mtimeMs: info.mtimeMs,
      size: info.size,
      head,
      data: read.schemaData,
    },
    readable: true,
    text: null,
    bodyFrom: head.length,
    bytes,
  };
}

/**
 * The frontmatter block at the start of `content` (UTF-8 without a BOM), as `findFrontmatter`
 * finds it in the text, in byte offsets: where its content starts and ends (the closing fence
 * line's start) and where it ends (after that line's line ending); `null` when there is none.
 * The fences and line endings are ASCII, so their bytes sit where their characters do.
 */
function frontmatterIn(
  content: Uint8Array,
): { kind: 'yaml' | 'toml'; contentFrom: number; contentTo: number; to: number } | null {
  const firstEnd = lineEndIn(content, 0);
  const fence = trimmedLine(content, 0, firstEnd);
  if (fence !== '---' && fence !== '+++') return null;
  const contentFrom = skipNewlineIn(content, firstEnd);
  if (contentFrom === firstEnd) return null;
  for (let lineStart = contentFrom; lineStart < content.length;) {
    const end = lineEndIn(content, lineStart);
    // Only a line of 3 characters and trailing blanks can be a fence; others are not decoded.
    if (end - lineStart >= 3 && trimmedLine(content, lineStart, end) === fence) {
      const kind = fence === '---' ? 'yaml' : 'toml';
      return { kind, contentFrom, contentTo: lineStart, to: skipNewlineIn(content, end) };
    }
    const next = skipNewlineIn(content, end);
    if (next === end) break;
    lineStart = next;
  }
  return null;
}

function lineEndIn(content: Uint8Array, from: number): number {
  let i = from;
  while (i < content.length && content[i] !== 10 && content[i] !== 13) i++;
  return i;
}

function skipNewlineIn(content: Uint8Array, at: number): number {
  if (content[at] === 13 && content[at + 1] === 10) return at + 2;
  if (content[at] === 10 || content[at] === 13) return at + 1;
  return at;
}

/** The line `[from, to)` without trailing spaces and tabs, when it is short enough to be a fence. */
function trimmedLine(content: Uint8Array, from: number, to: number): string {
  let end = to;
  while (end > from && (content[end - 1] === 32 || content[end - 1] === 9)) end--;
  if (end - from !== 3) return '';
  return String.fromCharCode(content[from]!, content[from + 1]!, content[from + 2]!);
}
