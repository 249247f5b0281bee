import { EditorSelection, EditorState, type Extension, type StateCommand } from '@codemirror/state';

/**
 * Builds a bare `EditorState` from text with selection markers: `|` is a cursor, `«` and `»`
 * are the start and end of a selected range. Several markers make several ranges.
 */
export function stateOf(marked: string, extensions: Extension = []): EditorState {
  const ranges: { anchor: number; head: number }[] = [];
  let doc = '';
  let open = -1;
  for (const char of marked) {
    if (char === '|') ranges.push({ anchor: doc.length, head: doc.length });
    else if (char === '«') open = doc.length;
    else if (char === '»') ranges.push({ anchor: open, head: doc.length });
    else doc += char;
  }
  return EditorState.create({
    doc,
    selection: EditorSelection.create(
      ranges.length > 0
        ? ranges.map((r) => EditorSelection.range(r.anchor, r.head))
        : [EditorSelection.cursor(0)],
    ),
    extensions: [EditorState.allowMultipleSelections.of(true), extensions],
  });
}

/** Writes a state back as text with the same markers as {@link stateOf}. */
export function markedOf(state: EditorState): string {
  const doc = state.doc.toString();
  const inserts: { at: number; text: string }[] = [];
  for (const range of state.selection.ranges) {
    if (range.empty) inserts.push({ at: range.head, text: '|' });
    else {
      inserts.push({ at: range.from, text: '«' });
      inserts.push({ at: range.to, text: '»' });
    }
  }
  inserts.sort((a, b) => b.at - a.at);
  let out = doc;
  for (const insert of inserts) out = out.slice(0, insert.at) + insert.text + out.slice(insert.at);
  return out;
}

/** Runs `command` on the marked text and returns the result as marked text. */
export function run(command: StateCommand, marked: string, extensions: Extension = []): string {
  let state = stateOf(marked, extensions);
  const handled = command({ state, dispatch: (tr) => (state = tr.state) });
  if (!handled) throw new Error('The command did not run');
  return markedOf(state);
}
