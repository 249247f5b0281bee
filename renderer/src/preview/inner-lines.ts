/** A source line and the height in the preview (document coordinates) where it is shown. */
export interface LineKnot {
  readonly line: number;
  readonly y: number;
}

/** Reads source line `line` (1-based) of the text the preview shows. */
export type SourceLine = (line: number) => string;

/** Where a block's inner parts start, relative to its first source line and by element. */
interface InnerParts {
  /** The elements shown for the parts, in order (list items, table rows, a code element). */
  readonly elements: readonly Element[];
  /** Each element's first source line, minus the block's first line. */
  readonly offsets: readonly number[];
  /** Code: the line after the last code line (its box ends there), minus the block's first line. */
  readonly codeEnd?: number;
}

const fence = /^ {0,3}(`{3,}|~{3,})/;
const listMarker = /^( *)([-+*]|\d{1,9}[.)])([ \t]*)(?=[^ \t]|$)/;

/**
 * Source lines of a block's inner parts, read from the source once per element and lines (an
 * element lives as long as its HTML): the code lines of a code block, the rows of a table, the items of
 * a list. Inside such a block the preview's heights do not follow the source's lines (a list
 * item of a few words beside one of a long paragraph; a fence line shown as a few pixels of
 * padding while a code line is a whole line): scroll sync maps lines between these parts
 * instead of across the whole block. Anything else, or parts that do not match the source one to
 * one (raw HTML, a source changed since), keeps the block's two ends alone.
 */
export class InnerLines {
  /**
   * Per element, its parts and the lines they were read at: read again when the block's lines
   * change (an edit above it), since they may have been read while the preview was a keystroke
   * behind the editor's text.
   */
  private readonly known = new WeakMap<
    Element,
    { line: number; lineEnd: number; parts: InnerParts | null }
  >();

  /**
   * Maps `value` (a source line, or a document height with `from` = `'y'`) to the other inside
   * block `element`, shown for source lines `line` to `lineEnd`, between the knots around it:
   * the block's top at its first line, its inner parts' tops at theirs, its bottom after its last
   * line. `scrollY` turns boxes into document heights; without `source`, the two ends alone.
   *
   * Only the parts around `value` are measured, found by a binary search (by their lines, or by
   * their tops): scroll sync asks after every keystroke, and measuring each item of a 600-item
   * list took 10 ms a keystroke.
   */
  along(
    element: Element,
    line: number,
    lineEnd: number,
    source: SourceLine | null,
    scrollY: number,
    value: number,
    from: 'line' | 'y',
  ): number {
    const box = element.getBoundingClientRect();
    const knots: LineKnot[] = [{ line, y: box.top + scrollY }];
    const parts = source && this.partsOf(element, line, lineEnd, source);
    if (parts) {
      const partKnot = (index: number): LineKnot => ({
        line: line + parts.offsets[index]!,
        y: parts.elements[index]!.getBoundingClientRect().top + scrollY,
      });
      // The last part at or before `value` (-1: none), and the one after it.
      let low = 0;
      let high = parts.elements.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const key = from === 'line' ? line + parts.offsets[mid]! : partKnot(mid).y;
        if (key <= value) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      for (let index = Math.max(0, found); index <= found + 1 && index < parts.elements.length; index++) {
        knots.push(partKnot(index));
        if (parts.codeEnd !== undefined) {
          knots.push({
            line: line + parts.codeEnd,
            y: parts.elements[index]!.getBoundingClientRect().bottom + scrollY,
          });
        }
      }
    }
    knots.push({ line: lineEnd + 1, y: box.bottom + scrollY });
    // Keep both coordinates in order (a part's box may stick out of its block's by a pixel).
    for (let index = 1; index < knots.length; index++) {
      const before = knots[index - 1]!;
      const knot = knots[index]!;
      if (knot.y < before.y || knot.line < before.line) {
        knots[index] = { line: Math.max(knot.line, before.line), y: Math.max(knot.y, before.y) };
      }
    }
    return alongKnots(knots, value, from);
  }

  private partsOf(element: Element, line: number, lineEnd: number, source: SourceLine): InnerParts | null {
    const known = this.known.get(element);
    // An item typed into is replaced alone (dom-patcher.ts), its list keeping its lines.
    const current = known?.parts?.elements.every((part) => part.isConnected) ?? true;
    if (known?.line === line && known.lineEnd === lineEnd && current) return known.parts;
    let parts: InnerParts | null = null;
    try {
      if (element.localName === 'pre') parts = codeParts(element, line, lineEnd, source);
      else if (element.localName === 'table') parts = tableParts(element, line, lineEnd, source);
      else if (element.localName === 'ul' || element.localName === 'ol') {
        parts = listParts(element, line, lineEnd, source);
      }
    } catch {
      // A line outside the source (the preview is a keystroke behind a deletion): no parts.
      parts = null;
    }
    this.known.set(element, { line, lineEnd, parts });
    return parts;
  }
}

/** A code block's code element, from its first code line to the line after its last. */
function codeParts(pre: Element, line: number, lineEnd: number, source: SourceLine): InnerParts | null {
  const code = pre.firstElementChild;
  if (code?.localName !== 'code' || pre.childElementCount !== 1) return null;
  const lines = codeLineOffsets(line, lineEnd, source);
  return lines && { elements: [code], offsets: [lines.first], codeEnd: lines.end };
}

/**
 * Where the code of the code block on source lines `line` to `lineEnd` starts and ends, as
 * offsets from `line`: a fenced block's code follows its opening fence and ends before its
 * closing one (without one, after its last line that is not blank); an indented block is code
 * throughout. Null: no code line.
 */
export function codeLineOffsets(
  line: number,
  lineEnd: number,
  source: SourceLine,
): { first: number; end: number } | null {
  const opening = fence.exec(source(line));
  if (!opening) return { first: 0, end: lineEnd - line + 1 };
  const marker = opening[1]!;
  const closing =
    lineEnd > line && new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(source(lineEnd));
  let end = closing ? lineEnd - line : lineEnd - line + 1;
  // A fence left open to the end of the text shows no blank lines after its last code line.
  while (!closing && end > 1 && source(line + end - 1).trim() === '') end--;
  return end > 1 ? { first: 1, end } : null;
}

/** A table's rows: the header row on the first line, the body rows after the delimiter row. */
function tableParts(table: Element, line: number, lineEnd: number, source: SourceLine): InnerParts | null {
  if (!source(line).includes('|')) return null;
  const rows = [...table.querySelectorAll(':scope > thead > tr, :scope > tbody > tr')];
  if (rows.length !== lineEnd - line) return null;
  return { elements: rows, offsets: rows.map((_, index) => (index === 0 ? 0 : index + 1)) };
}

/** A list's items, when the source shows as many as the list has. */
function listParts(list: Element, line: number, lineEnd: number, source: SourceLine): InnerParts | null {
  const items = [...list.children].filter((child) => child.localName === 'li');
  const offsets = listItemOffsets(line, lineEnd, source);
  return offsets?.length === items.length ? { elements: items, offsets } : null;
}

/**
 * The first lines of the items of the list on source lines `line` to `lineEnd`, as offsets from
 * `line`: the lines that start with a list marker left of the first item's content, outside
 * fenced code. Null: the first line starts no item.
 */
export function listItemOffsets(line: number, lineEnd: number, source: SourceLine): number[] | null {
  const first = listMarker.exec(source(line));
  if (!first) return null;
  // A marker left of the first item's content starts an item of this list; one further in
  // belongs to the item's content (a nested list).
  const spaces = first[3]!.length;
  const content = first[1]!.length + first[2]!.length + (spaces >= 1 && spaces <= 4 ? spaces : 1);
  const offsets: number[] = [];
  let inFence: string | null = null;
  for (let at = line; at <= lineEnd; at++) {
    const text = source(at);
    const trimmed = text.trimStart();
    if (inFence !== null) {
      if (trimmed.startsWith(inFence)) inFence = null;
      continue;
    }
    const opened = /^(`{3,}|~{3,})/.exec(trimmed);
    if (opened && at !== line) {
      inFence = opened[1]!;
      continue;
    }
    const marker = listMarker.exec(text);
    if (marker && marker[1]!.length < content && (marker[3]!.length > 0 || marker[0] === text)) {
      offsets.push(at - line);
    }
  }
  return offsets;
}

/** Interpolates between the knots around `value`, read on `from` and written on `to`. */
export function alongKnots(knots: readonly LineKnot[], value: number, from: 'line' | 'y'): number {
  const to = from === 'line' ? 'y' : 'line';
  let index = 0;
  while (index + 1 < knots.length && knots[index + 1]![from] <= value) index++;
  const knot = knots[index]!;
  const next = knots[index + 1];
  if (!next) return knot[to];
  const span = next[from] - knot[from];
  const fraction = span > 0 ? Math.min(1, Math.max(0, (value - knot[from]) / span)) : 0;
  return knot[to] + fraction * (next[to] - knot[to]);
}
