/**
 * Locates a frontmatter block with remark-frontmatter's rules: an opening fence on the first
 * line (after an optional BOM; trailing spaces allowed), closed by a line holding the same
 * fence. `---` is YAML, `+++` is TOML. No closing fence means no frontmatter.
 */

/** Where a frontmatter block sits in a text (offsets into that text). */
export interface FrontmatterBlock {
  readonly kind: 'yaml' | 'toml';
  /** Offset of the opening fence (after a BOM, if any). */
  readonly from: number;
  /** Offset just after the closing fence line's line ending (or the end of the text). */
  readonly to: number;
  /** Offset where the block's content starts (after the opening fence line). */
  readonly contentFrom: number;
  /** Offset where the block's content ends (the start of the closing fence line). */
  readonly contentTo: number;
  /** The raw content between the fences. */
  readonly content: string;
}

const fences = { '---': 'yaml', '+++': 'toml' } as const;

/** Finds the frontmatter block at the start of `text`, or `null` if there is none. */
export function findFrontmatter(text: string): FrontmatterBlock | null {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = lineEnd(text, from);
  const fence = text.slice(from, firstEnd).replace(/[ \t]+$/, '');
  if (fence !== '---' && fence !== '+++') return null;
  const contentFrom = skipNewline(text, firstEnd);
  if (contentFrom === firstEnd) return null;
  let lineStart = contentFrom;
  while (lineStart < text.length) {
    const end = lineEnd(text, lineStart);
    if (text.slice(lineStart, end).replace(/[ \t]+$/, '') === fence) {
      return {
        kind: fences[fence],
        from,
        to: skipNewline(text, end),
        contentFrom,
        contentTo: lineStart,
        content: text.slice(contentFrom, lineStart),
      };
    }
    const next = skipNewline(text, end);
    if (next === end) break;
    lineStart = next;
  }
  return null;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function skipNewline(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  if (text[at] === '\n' || text[at] === '\r') return at + 1;
  return at;
}
