import type { ArticleText } from './article-text';
import type { Unit } from './unit';

/**
 * A first line that opens a block running on to a closing line (a fence, math), or raw HTML.
 * Probing it alone saves nothing: a fence or math block runs on into the definitions appended
 * to a window, and raw HTML is parsed by the HTML parser with what follows it.
 */
const unprobedLine = /^ {0,3}(?:<|```|~~~|\$\$)/;

/**
 * Where the probe of `next`, the unit after a window that starts at `windowFrom`, ends: the end
 * of its first line, in `text` after the edit (`next` starts `delta` characters later than it
 * did). `null` when that line is not worth probing (see {@link unprobedLine}), when it continues
 * an HTML block of the unit before it, or when the probe would not pay: a failed probe renders
 * the window twice, so the rest of the unit must outweigh the window's cost when the probe fails.
 * Typing mostly leaves the blocks as they were, and the probe then proves it: a rest longer than
 * a quarter of the window is enough (asking for the whole window left over a quarter of the
 * saving unmade in Rust's release notes).
 */
export function probeEnd(text: ArticleText, next: Unit, delta: number, windowFrom: number): number | null {
  if (next.continues) return null;
  const from = next.from + delta;
  const to = text.lineEnd(from);
  if (4 * (next.to + delta - to) <= from - windowFrom) return null;
  return unprobedLine.test(text.slice(from, to)) ? null : to;
}

/**
 * Whether a window rendered with the first line of the unit after it (`fresh`, the units of
 * both; the probe's line `[from, to)` after the edit) proves that unit parses as it did, so that
 * its HTML stays and the probe's is dropped.
 *
 * The probe must be a block of its own, from its line to the end of the part: then nothing
 * before it runs on into it (no lazy continuation, setext underline, list item or quote going on,
 * table delimiter row, unclosed fence), and every block before it is closed when its line
 * starts, as when the unit was rendered. The unit's blocks then parse from its first line as
 * they did: what a line starts after closed blocks depends on that line and the lines after it,
 * which the edit left as they were. A table whose first line alone reads as a paragraph is kept.
 *
 * Two things a single line cannot show. A link definition reads the lines after it as its
 * title until the title closes: a probe line after one may start a title that the unit's later
 * lines close, and alone reads as a paragraph. And raw HTML that does not close what it opens,
 * in order, may leave an element that the HTML parser opens again in every block after it,
 * past the probe's line (the check a window's last block gets, see window-edges.ts).
 */
export function probeProves(fresh: readonly Unit[], from: number, to: number): boolean {
  const probe = fresh[fresh.length - 1];
  const before = fresh[fresh.length - 2];
  return (
    probe !== undefined &&
    probe.from === from &&
    probe.to === to &&
    fresh.every((unit) => unit.nests) &&
    (before === undefined || before.defs.length === 0)
  );
}
