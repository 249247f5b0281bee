import { innerUnitMinChars } from './inner-blocks';
import { addReferences, renderAlone, type InnerContext, type InnerEditChange } from './inner-splice';
import type { Unit } from './unit';

/** Where each body row's `<tr>` starts and ends in a table's HTML; `null` when they do not pair. */
function bodyRows(html: string): { start: number; end: number }[] | null {
  const body = html.indexOf('<tbody>');
  if (body === -1) return null;
  const rows: { start: number; end: number }[] = [];
  for (let at = body; ;) {
    const open = html.indexOf('<tr>', at);
    const close = html.indexOf('</tr>', at);
    if (open === -1) return close === -1 ? rows : null;
    if (close === -1 || close < open) return null;
    const next = html.indexOf('<tr>', open + 4);
    if (next !== -1 && next < close) return null;
    rows.push({ start: open, end: close + '</tr>'.length });
    at = close + '</tr>'.length;
  }
}

/**
 * Whether `unit` is one long GFM table and nothing else (no definitions, citations or blocks
 * inside it to render alone), which {@link editTableRow} may edit by rows. Reads no text.
 */
export function isLongTable(unit: Unit): boolean {
  return (
    unit.segments.length === 2 &&
    unit.segments[0] === '<table' &&
    unit.to - unit.from >= innerUnitMinChars &&
    !unit.inner?.length &&
    unit.footnoteRefs.length === 0 &&
    unit.defs.length === 0
  );
}

/**
 * An edit inside one body row of a long GFM table, the table a unit of its own: renders that
 * row under the table's head and delimiter rows, with the rows around it, and puts its `<tr>` in
 * place in the unit's HTML, instead of rendering the whole table again (a 644-row table took
 * 240 ms a keystroke). Whether a line is a row of an open table depends on that line alone, so
 * when the edited line and the lines around it still render as rows of one table, with the same
 * head, the table keeps its lines and its other rows. Answers `null`, changing nothing, when it
 * cannot tell: the edit spans lines or touches the head, a line around it holds raw HTML or a
 * footnote citation, or the rows do not render as rows. Answers the row's index among the
 * table's body rows and its new `<tr>`, and gives the unit a new key.
 */
export function editTableRow(
  unit: Unit,
  change: InnerEditChange,
  context: InnerContext,
): { index: number; html: string } | null {
  const { old, text, fromA, toA, delta, lineDelta } = change;
  if (lineDelta !== 0 || !isLongTable(unit)) return null;
  if (fromA < unit.from || toA > unit.to || old.slice(fromA, toA).includes('\n')) return null;
  const lines = text.slice(unit.from, unit.to + delta).split('\n');
  if (lines.length !== unit.lineEnd - unit.line + 1) return null;
  const before = old.slice(unit.from, fromA);
  const row = before.split('\n').length - 1;
  if (row < 2) return null;
  const oldLine = old.slice(unit.from + before.lastIndexOf('\n') + 1, old.lineEnd(fromA));
  const around = [row - 1, row, row + 1].filter((index) => index >= 2 && index < lines.length);
  const touched = [oldLine, ...around.map((index) => lines[index]!)];
  if (touched.some((line) => line.includes('<') || line.includes('[^'))) return null;
  const source = [lines[0]!, lines[1]!, ...around.map((index) => lines[index]!)].join('\n');
  const rendered = renderAlone(source, 0, source.length, unit.line, context);
  if (!rendered) return null;
  const alone = rendered.units[0];
  if (rendered.units.length !== 1 || alone?.segments.length !== 2 || alone.segments[0] !== '<table')
    return null;
  const html = unit.segments[1]!;
  const fresh = alone.segments[1]!;
  const shown = bodyRows(html);
  const made = bodyRows(fresh);
  if (!shown || !made || shown.length !== lines.length - 2 || made.length !== around.length) return null;
  // The head as the table shows it: the same columns and alignment.
  if (fresh.slice(0, made[0]!.start) !== html.slice(0, shown[0]!.start)) return null;
  const mine = made[around.indexOf(row)]!;
  const place = shown[row - 2]!;
  const rowHtml = fresh.slice(mine.start, mine.end);
  unit.segments = [unit.segments[0]!, html.slice(0, place.start) + rowHtml + html.slice(place.end)];
  unit.to += delta;
  addReferences(unit, alone.references);
  unit.key = context.nextKey();
  return { index: row - 2, html: rowHtml };
}
