import type { ChangeSet, Text } from '@codemirror/state';
import { countWords } from '../../../shared/article-meta';
import { findFrontmatter } from '../../../shared/frontmatter';
import { isSetextUnderline, OutlineScanner, shapesOutline, type OutlineHeading } from './outline';
import { readingMinutes, wordTargetOf, type ArticleStatistics } from './statistics';

/** What one pass over the document finds: its outline and its statistics. */
export interface DocumentScan {
  readonly outline: OutlineHeading[];
  readonly statistics: ArticleStatistics;
  /** Where the body starts (after the frontmatter block), in the document scanned. */
  readonly bodyStart: number;
}

/**
 * Scans a document in slices: each call to the returned step function works until `deadline()`
 * says to stop, and returns the result once the whole document is done (else null). Long
 * articles are thus counted across idle periods instead of in one long main-thread task.
 */
export function scanDocument(doc: Text): (deadline: () => boolean) => DocumentScan | null {
  const head = doc.sliceString(0, Math.min(doc.length, 70_000));
  const block = findFrontmatter(head);
  const wordTarget = block ? wordTargetOf(head.slice(0, block.to)) : null;
  const bodyStart = block ? block.to : 0;
  const firstLine = doc.lineAt(bodyStart);
  // The body may start inside a line only when the closing fence has no line break after it.
  const startLine = bodyStart > firstLine.from ? firstLine.number + 1 : firstLine.number;
  // Sequential iteration: `doc.line(n)` for every line would search the tree each time.
  const lines = startLine <= doc.lines ? doc.iterLines(startLine) : null;
  let n = startLine;
  let from = startLine <= doc.lines ? doc.line(startLine).from : doc.length;
  const outline = new OutlineScanner();
  let words = 0;
  let characters = 0;
  return (deadline) => {
    let sinceCheck = 0;
    if (lines) {
      for (let next = lines.next(); !next.done; next = lines.next()) {
        const text = next.value;
        words += countWords(text);
        characters += lineCharacters(text);
        outline.add(text, from, n);
        from += text.length + 1;
        n++;
        if (++sinceCheck >= 256) {
          sinceCheck = 0;
          if (deadline()) return null;
        }
      }
    }
    return {
      outline: outline.headings,
      statistics: { words, characters, readingMinutes: readingMinutes(words), wordTarget },
      bodyStart,
    };
  };
}

/** A line that opens or closes a frontmatter block (when it is the first line, or its end). */
const frontmatterFence = /^(---|\+\+\+)[ \t]*$/;

/** Lines an edit replaced: `before`'s lines `fromA`–`toA` became `after`'s `fromB`–`toB`. */
interface LineSpan {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/**
 * The scan of `after`, worked out from `scan` (of `before`) and the `changes` between them by
 * looking only at the lines they touched, or null when those lines may change more than their
 * own counts (a heading, a fence, a setext underline, the frontmatter), and only a whole scan
 * can tell. Typing in a paragraph of a long article thus updates the word count and the
 * outline without reading the article again. The result is exactly {@link scanDocument}'s.
 */
export function updateScan(
  scan: DocumentScan,
  before: Text,
  changes: ChangeSet,
  after: Text,
): DocumentScan | null {
  if (changes.length !== before.length || changes.newLength !== after.length) return null;
  // An opening fence with no block: an edit anywhere may close it (or bring a fence into reach).
  if (scan.bodyStart === 0 && frontmatterFence.test(before.line(1).text)) return null;
  const spans: LineSpan[] = [];
  let firstChange = -1;
  changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    if (firstChange === -1) firstChange = fromA;
    const span = {
      fromA: before.lineAt(fromA).number,
      toA: before.lineAt(toA).number,
      fromB: after.lineAt(fromB).number,
      toB: after.lineAt(toB).number,
    };
    const last = spans[spans.length - 1];
    if (last && span.fromA <= last.toA) {
      last.toA = Math.max(last.toA, span.toA);
      last.toB = Math.max(last.toB, span.toB);
    } else spans.push(span);
  });
  if (firstChange === -1) return scan;
  let words = scan.statistics.words;
  let characters = scan.statistics.characters;
  for (const span of spans) {
    // The first line and the frontmatter may turn into (or out of) a frontmatter block.
    if (span.fromA === 1 || before.line(span.fromA).from < scan.bodyStart) return null;
    for (let n = span.fromA; n <= span.toA; n++) {
      const text = before.line(n).text;
      if (shapesOutline(text) || frontmatterFence.test(text)) return null;
      words -= countWords(text);
      characters -= lineCharacters(text);
    }
    for (let n = span.fromB; n <= span.toB; n++) {
      const text = after.line(n).text;
      if (shapesOutline(text) || frontmatterFence.test(text)) return null;
      words += countWords(text);
      characters += lineCharacters(text);
    }
    // A setext underline below makes the last line touched a heading, with its new text.
    if (span.toB < after.lines && isSetextUnderline(after.line(span.toB + 1).text)) return null;
  }
  // Headings lie outside the spans: each moves by the lines the spans before it added.
  let span = 0;
  let lineShift = 0;
  const outline = scan.outline.map((heading) => {
    if (heading.from < firstChange) return heading;
    while (span < spans.length && spans[span]!.toA < heading.line) {
      const { fromA, toA, fromB, toB } = spans[span++]!;
      lineShift += toB - fromB - (toA - fromA);
    }
    return { ...heading, from: changes.mapPos(heading.from), line: heading.line + lineShift };
  });
  return {
    outline,
    statistics: { ...scan.statistics, words, characters, readingMinutes: readingMinutes(words) },
    bodyStart: scan.bodyStart,
  };
}

/** Characters (code points) of a line. */
function lineCharacters(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) pairs++;
  }
  return text.length - pairs;
}
