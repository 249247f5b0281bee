/**
 * Text changes in CodeMirror's shape: applying them, shrinking one to the part that really
 * differs, and merging touching ones. The frontmatter editor returns its edits in this form.
 */

/** One text change, in offsets of the text it was computed on (CodeMirror's change shape). */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

/** Applies non-overlapping `edits` (in offsets of `text`) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  return out + text.slice(at);
}

/** Shrinks one replacement to the part that really differs, so undo and diffs stay small. */
export function minimalEdits(text: string, from: number, to: number, insert: string): TextEdit[] {
  const old = text.slice(from, to);
  if (old === insert) return [];
  let head = 0;
  while (head < old.length && head < insert.length && old[head] === insert[head]) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < insert.length - head &&
    old[old.length - 1 - tail] === insert[insert.length - 1 - tail]
  ) {
    tail++;
  }
  // Never split a surrogate pair or a CRLF.
  while (head > 0 && /[\uDC00-\uDFFF\n]/.test(old[head] ?? '')) head--;
  while (tail > 0 && /[\uD800-\uDBFF\r]/.test(old[old.length - tail - 1] ?? '')) tail--;
  return [{ from: from + head, to: to - tail, insert: insert.slice(head, insert.length - tail) }];
}

/** Sorts `edits` and joins the ones that touch or overlap into one splice. */
export function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && edit.from <= last.to) {
      out[out.length - 1] = {
        from: last.from,
        to: Math.max(last.to, edit.to),
        insert: last.insert + edit.insert,
      };
    } else out.push(edit);
  }
  return out;
}
