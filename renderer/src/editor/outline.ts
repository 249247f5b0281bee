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
 * Whether a line can change the outline by its own text: a fence (everything after it changes
 * meaning), an ATX heading, or a setext underline (which makes the line above it a heading).
 * A line for which this is false, in the place of another such line, leaves the headings as
 * they are, so an edit inside such lines only moves them (see `document-scan.ts`).
 */
export function shapesOutline(text: string): boolean {
  return fence.test(text) || atx.test(text) || setext.test(text);
}

/** Whether a line is a setext underline (`===` or `---`), which makes the line above a heading. */
export function isSetextUnderline(text: string): boolean {
  return setext.test(text);
}

/**
 * The headings of a Markdown document, in order: ATX (`## Title`) and setext (`Title` over
 * `===`/`---`) headings at the top level, skipping the frontmatter block and fenced code.
 * A line scan rather than the syntax tree, because CodeMirror parses long documents only
 * partly, and the outline must list the headings of the whole article.
 */
export function documentOutline(doc: Text): OutlineHeading[] {
  const head = doc.sliceString(0, Math.min(doc.length, 70_000));
  const block = findFrontmatter(head);
  let start = 1;
  if (block) start = doc.lineAt(block.to).number + (doc.lineAt(block.to).from === block.to ? 0 : 1);
  const scanner = new OutlineScanner();
  for (let n = start; n <= doc.lines; n++) {
    const line = doc.line(n);
    scanner.add(line.text, line.from, n);
  }
  return scanner.headings;
}

/**
 * The line-by-line state machine behind {@link documentOutline}: feed it the body's lines in
 * order (after the frontmatter) and read `headings`. Lets a longer pass (statistics) build the
 * outline on the way.
 */
export class OutlineScanner {
  /** The headings found so far. */
  readonly headings: OutlineHeading[] = [];
  private openFence: string | null = null;
  private previous: { text: string; from: number; number: number } | null = null;

  /** Takes the next line: its text, its document offset and its 1-based number. */
  add(text: string, from: number, number: number): void {
    const fenceMatch = fence.exec(text);
    if (this.openFence !== null) {
      const open = this.openFence;
      if (fenceMatch && fenceMatch[1]![0] === open[0] && fenceMatch[1]!.length >= open.length)
        this.openFence = null;
      this.previous = null;
      return;
    }
    if (fenceMatch) {
      this.openFence = fenceMatch[1]!;
      this.previous = null;
      return;
    }
    const atxMatch = atx.exec(text);
    if (atxMatch) {
      this.headings.push({
        level: atxMatch[1]!.length,
        text: cleanText(atxMatch[2] ?? ''),
        from,
        line: number,
      });
      this.previous = null;
      return;
    }
    const setextMatch = setext.exec(text);
    if (setextMatch && this.previous) {
      const previous = this.previous;
      this.headings.push({
        level: setextMatch[1]![0] === '=' ? 1 : 2,
        text: cleanText(previous.text),
        from: previous.from,
        line: previous.number,
      });
      this.previous = null;
      return;
    }
    this.previous = notParagraph.test(text) ? null : { text, from, number };
  }
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
