import type { RootContent as MdastContent } from 'mdast';

/**
 * A paragraph line written before a note's source when the note, in the article, starts where
 * micromark still holds a block open (see {@link interruptsOpenBlock}): rendered alone after it,
 * the note's first line reads as it does in the article. The paragraph renders before the
 * footnotes section, which is all that is kept.
 */
const openBlockLine = 'p\n';

/**
 * Whether a top-level block starts where micromark still holds `previous`, the top-level block
 * before it, open (see {@link staysOpen} and {@link openThroughBlankLines}). The block's first
 * line is then read as interrupting it, where an empty list item, an ordered item not starting
 * at 1 or an HTML block of the seventh kind start nothing, inside a footnote definition too: the
 * block's reading depends on the lines before it. `text` is the source the nodes' offsets point
 * into.
 */
export function interruptsOpenBlock(
  node: MdastContent,
  previous: MdastContent | undefined,
  text: string,
): boolean {
  const start = node.position?.start;
  const end = previous?.position?.end;
  if (!previous || !start || !end) return false;
  return end.line === start.line - 1 ? staysOpen(previous, text) : openThroughBlankLines(previous, text);
}

/**
 * Whether micromark still holds a top-level block open after its last line, for the next line to
 * interrupt: a paragraph, a link definition (read as a paragraph's text until it ends) or
 * indented code. Other blocks end on their last line, and containers are closed by a line that
 * does not continue them before it is read. `text` is the source the node's offsets point into.
 */
export function staysOpen(node: MdastContent, text: string): boolean {
  return node.type === 'paragraph' || node.type === 'definition' || openThroughBlankLines(node, text);
}

/**
 * Whether micromark holds a top-level block open through the blank lines after it: indented
 * code, which more indented lines after them would continue. The next line that is not blank is
 * read as interrupting it (`2. item` there is a paragraph), so it cannot start a window.
 */
export function openThroughBlankLines(node: MdastContent, text: string): boolean {
  if (node.type !== 'code') return false;
  const from = node.position?.start.offset ?? 0;
  return !/^ {0,3}(?:```|~~~)/.test(text.slice(from, from + 16));
}

/**
 * The Markdown that renders a footnote definition (`source`, from the start of its line) as it
 * reads in the article: with a paragraph line before it when it interrupts an open block there.
 */
export function noteSource(source: string, interrupts: boolean): string {
  return interrupts ? `${openBlockLine}${source}` : source;
}

/** A note's source without what {@link noteSource} put before it. */
export function noteDefinition(source: string): string {
  return source.startsWith(openBlockLine) ? source.slice(openBlockLine.length) : source;
}
