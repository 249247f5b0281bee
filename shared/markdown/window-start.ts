import type { ArticleText } from './article-text';
import type { Unit } from './unit';

/**
 * A first line's indentation and the character that starts it, when that character cannot make
 * the line go on with a block above a blank line: a letter (a paragraph's first line), or the
 * start of raw HTML, a link, an image, a code fence, a table row, a heading or a quote. Not a
 * list marker (`-`, `+`, `*`, a digit), which a list above takes in.
 */
const startsApart = /^[ \t]*[\p{L}<[!`|#>]/u;

/**
 * Whether an edit from `fromA` to `toA` (old text) inside `unit` leaves the unit before it as it
 * was, so that a window around the edit need not render that unit (a paragraph after a list of
 * hundreds of items). The caller checks that the unit may start a window (after a blank line
 * that nothing holds open). Blocks above a blank line read the line after it only by how it
 * starts: its indentation (a list item or a note going on) and its first characters (a list
 * going on, a thematic break that ends it). A line that starts with a letter, which the edit
 * keeps with the indentation before it, starts a paragraph of its own whatever follows; one
 * that starts with `<` (an HTML comment after a long table) or another character that opens no
 * list item starts a block of its own too.
 */
export function leavesUnitBefore(unit: Unit, old: ArticleText, fromA: number, toA: number): boolean {
  if (unit.continues || fromA <= unit.from || toA > unit.to) return false;
  const start = startsApart.exec(old.slice(unit.from, Math.min(unit.to, unit.from + 16)));
  return start !== null && fromA >= unit.from + start[0].length;
}
