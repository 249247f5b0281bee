import { normalizeLabel, withoutLineStarts } from './definitions';

/** CommonMark's longest link label. */
const longestLabel = 999;

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
  for (let open = text.indexOf('['); open !== -1; open = text.indexOf('[', open + 1)) {
    const close = nextBracket(text, open + 1);
    if (close === -1) break;
    if (text[close] !== ']' || close - open - 1 > longestLabel * 2) continue;
    const written = text.slice(open + 1, close);
    if (matches(written, id) || (written.includes('\n') && matches(withoutLineStarts(written), id)))
      found.push(open);
  }
  return found;
}

/** The offset of the first `[` or `]` in `text` from `from` on, or -1. */
function nextBracket(text: string, from: number): number {
  const open = text.indexOf('[', from);
  const close = text.indexOf(']', from);
  return open === -1 ? close : close === -1 ? open : Math.min(open, close);
}

/** Whether `written` matches the label `id` (mdast's identifier, upper-cased). */
function matches(written: string, id: string): boolean {
  return normalizeLabel(written).toLowerCase().toUpperCase() === id;
}
