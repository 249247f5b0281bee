import type { ChangeSpec, EditorState, Line, StateCommand } from '@codemirror/state';

/**
 * Line-level Markdown formatting: headings, paragraphs, lists and quotes, applied to every line
 * that a selection touches. Selections are mapped through the change, so the cursor stays on
 * the same text. Hand-written because CodeMirror ships no Markdown formatting commands.
 */

const headingPrefix = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const listPrefix = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]+/;
const taskPrefix = /^(\s*)[-*+][ \t]+\[[ xX]\][ \t]+/;
const bulletPrefix = /^(\s*)[-*+][ \t]+(?!\[[ xX]\][ \t])/;
const orderedPrefix = /^(\s*)\d{1,9}[.)][ \t]+/;
const quotePrefix = /^ {0,3}>[ \t]?/;

/** The distinct lines touched by the selection, in document order. */
function selectedLines(state: EditorState): Line[] {
  const lines: Line[] = [];
  let last = -1;
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    // A selection ending at the very start of a line does not include that line.
    const endPos =
      range.to > range.from && state.doc.lineAt(range.to).from === range.to ? range.to - 1 : range.to;
    const end = state.doc.lineAt(endPos).number;
    for (let n = Math.max(first, last + 1); n <= end; n++) {
      lines.push(state.doc.line(n));
      last = n;
    }
  }
  return lines;
}

/** Replaces the start of each line (`from`..`from + length`) with `insert`, as one transaction. */
function rewriteLines(
  state: EditorState,
  dispatch: (tr: ReturnType<EditorState['update']>) => void,
  edits: readonly { line: Line; remove: number; insert: string }[],
): boolean {
  const changes: ChangeSpec[] = edits
    .filter((edit) => edit.remove > 0 || edit.insert.length > 0)
    .map((edit) => ({ from: edit.line.from, to: edit.line.from + edit.remove, insert: edit.insert }));
  if (changes.length === 0) return true;
  const changeSet = state.changes(changes);
  // assoc 1: a cursor at the start of a line moves after the inserted marker.
  dispatch(
    state.update({
      changes: changeSet,
      selection: state.selection.map(changeSet, 1),
      scrollIntoView: true,
      userEvent: 'input.format',
    }),
  );
  return true;
}

/**
 * Makes the selected lines headings of `level` (1–6), replacing any heading marker they had.
 * When every selected line already is a heading of that level, makes them paragraphs again.
 */
export function setHeading(level: number): StateCommand {
  const marker = '#'.repeat(Math.min(6, Math.max(1, Math.round(level)))) + ' ';
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const lines = selectedLines(state);
    const already = lines.every((line) => line.text.startsWith(marker) || line.text === marker.trimEnd());
    return rewriteLines(
      state,
      dispatch,
      lines.map((line) => {
        const existing = headingPrefix.exec(line.text)?.[0].length ?? 0;
        return { line, remove: existing, insert: already ? '' : marker };
      }),
    );
  };
}

/** Turns the selected lines into plain paragraph lines (removes heading markers). */
export const setParagraph: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  return rewriteLines(
    state,
    dispatch,
    selectedLines(state).map((line) => ({
      line,
      remove: headingPrefix.exec(line.text)?.[0].length ?? 0,
      insert: '',
    })),
  );
};

/**
 * A list toggle: when every non-blank selected line already has `is`'s marker, the markers are
 * removed; otherwise each non-blank line gets the marker `make(index)` (any other list marker is
 * replaced, indentation is kept).
 */
function toggleList(is: RegExp, make: (index: number) => string): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const lines = selectedLines(state);
    const content = lines.filter((line) => line.text.trim() !== '');
    const targets = content.length > 0 ? content : lines;
    const all = content.length > 0 && content.every((line) => is.test(line.text));
    return rewriteLines(
      state,
      dispatch,
      targets.map((line, index) => {
        const match = listPrefix.exec(line.text);
        const indent = match?.[1] ?? /^\s*/.exec(line.text)![0];
        const remove = match ? match[0].length : indent.length;
        return { line, remove, insert: all ? indent : indent + make(index) };
      }),
    );
  };
}

/** Toggles a bullet list (`- `) on the selected lines. */
export const toggleBulletList: StateCommand = toggleList(bulletPrefix, () => '- ');

/** Toggles a numbered list (`1. `, `2. `, …) on the selected lines. */
export const toggleOrderedList: StateCommand = toggleList(orderedPrefix, (index) => `${index + 1}. `);

/** Toggles a task list (`- [ ] `) on the selected lines; checked tasks stay recognised. */
export const toggleTaskList: StateCommand = toggleList(taskPrefix, () => '- [ ] ');

/**
 * Toggles a block quote (`> `) on the selected lines. When every selected line is already
 * quoted the markers are removed, otherwise every line (blank ones too, so the quote stays one
 * block) gets one.
 */
export const toggleQuote: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const lines = selectedLines(state);
  const all = lines.every((line) => quotePrefix.test(line.text));
  return rewriteLines(
    state,
    dispatch,
    lines.map((line) =>
      all
        ? { line, remove: quotePrefix.exec(line.text)![0].length, insert: '' }
        : { line, remove: 0, insert: line.text === '' ? '>' : '> ' },
    ),
  );
};
