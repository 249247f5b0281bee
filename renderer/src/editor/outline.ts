import type { Text } from '@codemirror/state';
import { findFrontmatter } from '../../../shared/frontmatter';

/** One heading of the article. */
export interface OutlineHeading {
  /** 1–6. */
  readonly level: number;
  /** The heading's text without markers. */
  readonly text: string;
  /** Document offset of the start of the heading line. */
  readonly from: number;
  /** 1-based line number of the heading (its text line, for setext headings). */
  readonly line: number;
}

const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;
const setext = /^ {0,3}(=+|-+)[ \t]*$/;
const notParagraph = /^ {0,3}(?:[-*+>]|\d{1,9}[.)]|#|`{3}|~{3}|\||<)|^\s*$|^ {4}/;

/**
 * The headings of a Markdown document, in order: ATX (`## Title`) and setext (`Title` over
 * `===`/`---`) headings at the top level, skipping the frontmatter block and fenced code.
 * A line scan rather than the syntax tree, because CodeMirror parses long documents only
 * partly, and the outline must list the headings of the whole article.
 */
export function documentOutline(doc: Text): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  let start = 1;
  const head = doc.sliceString(0, Math.min(doc.length, 70_000));
  const block = findFrontmatter(head);
  if (block) start = doc.lineAt(block.to).number + (doc.lineAt(block.to).from === block.to ? 0 : 1);
  let openFence: string | null = null;
  let previous: { text: string; from: number; number: number } | null = null;
  for (let n = start; n <= doc.lines; n++) {
    const line = doc.line(n);
    const text = line.text;
    const fenceMatch = fence.exec(text);
    if (openFence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === openFence[0] && fenceMatch[1]!.length >= openFence.length) {
        openFence = null;
      }
      previous = null;
      continue;
    }
    if (fenceMatch) {
      openFence = fenceMatch[1]!;
      previous = null;
      continue;
    }
    const atxMatch = atx.exec(text);
    if (atxMatch) {
      headings.push({
        level: atxMatch[1]!.length,
        text: cleanText(atxMatch[2] ?? ''),
        from: line.from,
        line: n,
      });
      previous = null;
      continue;
    }
    const setextMatch = setext.exec(text);
    if (setextMatch && previous) {
      headings.push({
        level: setextMatch[1]![0] === '=' ? 1 : 2,
        text: cleanText(previous.text),
        from: previous.from,
        line: previous.number,
      });
      previous = null;
      continue;
    }
    previous = notParagraph.test(text) ? null : { text, from: line.from, number: n };
  }
  return headings;
}

/** Strips inline Markdown that only gets in the way in a list of headings. */
function cleanText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`]+/g, '')
    .trim();
}

/** Index of the heading whose section contains `pos`, or -1 before the first heading. */
export function currentHeadingIndex(outline: readonly OutlineHeading[], pos: number): number {
  let low = 0;
  let high = outline.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (outline[mid]!.from <= pos) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
