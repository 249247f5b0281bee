import { normalizeLabel, withoutLineStarts } from './definitions';

/** CommonMark's longest link label. */
const longestLabel = 999;

/** A `[`, the text up to the next bracket, and that bracket a `]`. */
const bracketed = /\[([^[\]]*)\]/g;

/**
 * Where `text` may write a reference to the link label `id` (upper case, as `Definition.id`):
 * the offset of each `[` whose text up to the next bracket matches the label as micromark
 * matches labels (case-folded, runs of white space collapsed). A reference writes its label
 * between one pair of brackets (`[label]`, `[text][label]`, `[label][]`), so this finds every
 * one, and a few that are no reference (text in brackets that no definition made a link).
 * Inside a quote or a list a label may run over lines that start with `>` or indentation: the
 * text is matched both with those line starts and without them. `null` when `id` holds a
 * bracket (an escaped one), which this does not read.
 */
export function labelMentions(text: string, id: string): number[] | null {
  if (/[[\]]/.test(id)) return null;
  const found: number[] = [];
  for (const match of text.matchAll(bracketed)) {
    const written = match[1]!;
    if (written.length > longestLabel * 2) continue;
    if (matches(written, id) || (written.includes('\n') && matches(withoutLineStarts(written), id)))
      found.push(match.index);
  }
  return found;
}

/** Whether `written` matches the label `id` (mdast's identifier, upper-cased). */
function matches(written: string, id: string): boolean {
  return normalizeLabel(written).toLowerCase().toUpperCase() === id;
}
