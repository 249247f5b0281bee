import { EditorSelection, type EditorState, type StateCommand } from '@codemirror/state';

/**
 * Commands that insert a whole block (fenced code, horizontal rule, table). A block always gets
 * blank lines around it where it meets text, because Markdown needs them: `text\n---` would be
 * a heading, and a line right after a table becomes one of its rows. Hand-written because
 * CodeMirror ships no Markdown formatting commands.
 */

/**
 * Inserts `block` on its own lines at the main cursor's line: in place of a blank line, else
 * after the current line. `select` gives the selection inside `block` (offsets).
 */
function insertBlockAtCursor(state: EditorState, block: string, select: { anchor: number; head?: number }) {
  const line = state.doc.lineAt(state.selection.main.head);
  const blank = line.text.trim() === '';
  const from = blank ? line.from : line.to;
  const to = blank ? line.to : line.to;
  const previous = blank ? (line.number > 1 ? state.doc.line(line.number - 1) : null) : line;
  const next = line.number < state.doc.lines ? state.doc.line(line.number + 1) : null;
  let before = '';
  if (!blank) before = '\n\n';
  else if (previous && previous.text.trim() !== '') before = '\n';
  const after = next !== null && next.text.trim() !== '' ? '\n' : '';
  const insert = before + block + after;
  const start = from + before.length;
  return state.update({
    changes: { from, to, insert },
    selection: EditorSelection.single(start + select.anchor, start + (select.head ?? select.anchor)),
    scrollIntoView: true,
    userEvent: 'input.format',
  });
}

/**
 * Wraps the selected lines in a fenced code block, or inserts an empty one with the cursor on
 * its first line. With a selection, the cursor goes after the opening fence, ready for the
 * language name.
 */
export const insertCodeBlock: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const main = state.selection.main;
  if (main.empty) {
    dispatch(insertBlockAtCursor(state, '```\n\n```', { anchor: 4 }));
    return true;
  }
  const first = state.doc.lineAt(main.from);
  const last = state.doc.lineAt(
    main.to > main.from && state.doc.lineAt(main.to).from === main.to ? main.to - 1 : main.to,
  );
  const body = state.sliceDoc(first.from, last.to);
  const fence = fenceFor(body);
  dispatch(
    state.update({
      changes: [
        { from: first.from, insert: `${fence}\n` },
        { from: last.to, insert: `\n${fence}` },
      ],
      selection: EditorSelection.cursor(first.from + fence.length),
      scrollIntoView: true,
      userEvent: 'input.format',
    }),
  );
  return true;
};

/** A backtick fence longer than any run of backticks inside the code. */
function fenceFor(body: string): string {
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Inserts a horizontal rule (`---`) on its own line, cursor after it. */
export const insertHorizontalRule: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  dispatch(insertBlockAtCursor(state, '---\n', { anchor: 4 }));
  return true;
};

/** The table that {@link insertTable} inserts. */
export const tableTemplate = '| Column 1 | Column 2 |\n| -------- | -------- |\n| Cell     | Cell     |';

/** Inserts a two-column GFM table with its first header cell selected for typing. */
export const insertTable: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  dispatch(insertBlockAtCursor(state, tableTemplate, { anchor: 2, head: 10 }));
  return true;
};
