import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** What an author types into at a typing place. */
export type PlaceKind = 'paragraph' | 'heading' | 'list item' | 'table row' | 'link label';

/** One place where an author types: inside the last word of a line of prose, or a definition's label. */
export interface TypingPlace {
  readonly kind: PlaceKind;
  /** The line (1-based) typed into. */
  readonly line: number;
  /**
   * The offset typed at: before the line's last two characters (one for a heading), or after
   * the first character of a link definition's label.
   */
  readonly at: number;
}

/** The preview pipeline's block syntax, so that a place is what the preview shows it as. */
const blockParser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath)
  .freeze();

/**
 * Places spread evenly over `markdown` (text with `\n` line ends, as the editor holds it), at
 * most `perKind` of each kind, in text order: top-level one-line paragraphs, headings (their
 * first line), the last item of top-level lists when it is a one-line paragraph, the middle
 * body row of top-level tables with three body rows or more, and the labels of top-level link
 * definitions (each keystroke there defines another label and drops one).
 */
export function typingPlaces(markdown: string, perKind: number): TypingPlace[] {
  const starts = [0];
  for (let at = markdown.indexOf('\n'); at !== -1; at = markdown.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineEnd = (line: number): number => (line < starts.length ? starts[line]! - 1 : markdown.length);
  const place = (kind: PlaceKind, line: number, back: number): TypingPlace => ({
    kind,
    line,
    at: Math.max(starts[line - 1]!, lineEnd(line) - back),
  });
  const found: Record<PlaceKind, TypingPlace[]> = {
    paragraph: [],
    heading: [],
    'list item': [],
    'table row': [],
    'link label': [],
  };
  const tree = blockParser.parse(markdown) as Root;
  for (const node of tree.children) {
    const { start, end } = node.position!;
    if (node.type === 'paragraph' && start.line === end.line && node.children[0]?.type === 'text')
      found.paragraph.push(place('paragraph', start.line, 2));
    else if (node.type === 'heading' && node.children.length > 0)
      found.heading.push(place('heading', start.line, 1));
    else if (node.type === 'list') {
      const first = node.children[node.children.length - 1]?.children[0];
      const position = first?.position;
      if (
        first?.type === 'paragraph' &&
        first.children[0]?.type === 'text' &&
        position &&
        position.start.line === position.end.line
      )
        found['list item'].push(place('list item', position.start.line, 2));
    } else if (node.type === 'table' && node.children.length >= 4) {
      // The head row is the first child: the middle of the body rows.
      const row = node.children[1 + Math.floor((node.children.length - 1) / 2)]!;
      found['table row'].push(place('table row', row.position!.start.line, 2));
    } else if (node.type === 'definition' && (node.label ?? '').length >= 2) {
      const lineStart = starts[start.line - 1]!;
      if (markdown[lineStart] === '[')
        found['link label'].push({ kind: 'link label', line: start.line, at: lineStart + 2 });
    }
  }
  const spread = (places: TypingPlace[]): TypingPlace[] => {
    const step = places.length / Math.max(1, perKind);
    if (step <= 1) return places;
    return Array.from({ length: perKind }, (_, index) => places[Math.floor((index + 0.5) * step)]!);
  };
  return [
    ...spread(found.paragraph),
    ...spread(found.heading),
    ...spread(found['list item']),
    ...spread(found['table row']),
    ...spread(found['link label']),
  ].sort((a, b) => a.at - b.at);
}

/**
 * The line of the middle item of the longest top-level list of `markdown` (by characters) whose
 * middle item is a one-line paragraph: where typing in a changelog's list happens. `null`: none.
 */
export function longListItemLine(markdown: string): number | null {
  const tree = blockParser.parse(markdown) as Root;
  let best: { chars: number; line: number } | null = null;
  for (const node of tree.children) {
    if (node.type !== 'list') continue;
    const chars = node.position!.end.offset! - node.position!.start.offset!;
    const middle = node.children[Math.floor(node.children.length / 2)]?.children[0];
    const position = middle?.position;
    if (middle?.type !== 'paragraph' || !position || position.start.line !== position.end.line) continue;
    if (!best || chars > best.chars) best = { chars, line: position.start.line };
  }
  return best?.line ?? null;
}
