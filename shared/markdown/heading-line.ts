import type { ArticleText } from './article-text';
import type { Unit } from './unit';

/**
 * An ATX heading at the start of its line, with no raw HTML: it ends at its line whatever its
 * text, interrupts a paragraph above it, and is never continued by the line after it or taken
 * into a list (a list item's content is indented).
 */
const plainHeadingLine = /^#{1,6}(?:[ \t][^<\n]*)?$/;

/** An edit inside one unit: the texts before and after it, its span in the old one, and its size change. */
export interface HeadingLineEdit {
  readonly old: ArticleText;
  readonly text: ArticleText;
  readonly fromA: number;
  readonly toA: number;
  readonly delta: number;
}

/**
 * Whether an edit inside `unit` leaves it one plain ATX heading line (before and after), so the
 * blocks before and after it parse as they did: a window of that unit alone is enough. Its id,
 * links and note numbers are still compared with the rest of the article by the window's checks.
 */
export function staysHeadingLine(unit: Unit, change: HeadingLineEdit): boolean {
  const { old, text, fromA, toA, delta } = change;
  if (unit.continues || unit.headings.length !== 1 || unit.line !== unit.lineEnd) return false;
  if (fromA < unit.from || toA > unit.to) return false;
  return (
    plainHeadingLine.test(old.slice(unit.from, unit.to)) &&
    plainHeadingLine.test(text.slice(unit.from, unit.to + delta))
  );
}
