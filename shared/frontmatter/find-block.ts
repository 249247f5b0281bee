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

/** The fence line that may open a frontmatter block (see {@link openingFence}). */
export interface OpeningFence {
  readonly fence: '---' | '+++';
  readonly kind: 'yaml' | 'toml';
  /** Offset of the fence (after a BOM, if any). */
  readonly from: number;
  /** Offset of the end of the fence line (its line ending, or the end of the text). */
  readonly lineEnd: number;
}

/**
 * The fence on the first line of `text` (after an optional BOM; trailing spaces and tabs
 * allowed), or `null`. Only a test of the first line: whether a block follows is
 * {@link findFrontmatter}'s to say. Cheap enough for every keystroke.
 */
export function openingFence(text: string): OpeningFence | null {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = lineEnd(text, from);
  const fence = text.slice(from, end).replace(/[ \t]+$/, '');
  if (fence !== '---' && fence !== '+++') return null;
  return { fence, kind: fences[fence], from, lineEnd: end };
}

/** Finds the frontmatter block at the start of `text`, or `null` if there is none. */
export function findFrontmatter(text: string): FrontmatterBlock | null {
  const open = openingFence(text);
  if (!open) return null;
  const { fence, from, lineEnd: firstEnd } = open;
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
