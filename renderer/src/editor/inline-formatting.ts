import { EditorSelection, type EditorState, type StateCommand } from '@codemirror/state';

/**
 * Inline Markdown markers (bold, italic, strikethrough, inline code) as toggle commands.
 *
 * Each selection range is handled on its own: a selection surrounded by the marker (or
 * including it) is unwrapped, anything else is wrapped. An empty cursor inside a word acts on
 * that word; an empty cursor elsewhere inserts a pair of markers with the cursor between them,
 * or removes such an empty pair. Hand-written because CodeMirror ships no Markdown formatting
 * commands.
 */
function toggleMarker(marker: string): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const transaction = state.changeByRange((range) => {
      let { from, to } = range;
      if (range.empty) {
        if (surroundedBy(state, from, to, marker)) {
          return {
            changes: [
              { from: from - marker.length, to: from },
              { from: to, to: to + marker.length },
            ],
            range: EditorSelection.cursor(from - marker.length),
          };
        }
        const word = state.wordAt(from);
        if (!word) {
          return {
            changes: { from, insert: marker + marker },
            range: EditorSelection.cursor(from + marker.length),
          };
        }
        ({ from, to } = word);
      }
      const offset = range.head - from;
      if (surroundedBy(state, from, to, marker)) {
        const start = from - marker.length;
        return {
          changes: [
            { from: start, to: from },
            { from: to, to: to + marker.length },
          ],
          range: range.empty
            ? EditorSelection.cursor(start + offset)
            : EditorSelection.range(start, to - marker.length),
        };
      }
      const text = state.sliceDoc(from, to);
      if (includesMarker(text, marker)) {
        const inner = text.slice(marker.length, text.length - marker.length);
        return {
          changes: { from, to, insert: inner },
          range: EditorSelection.range(from, from + inner.length),
        };
      }
      return {
        changes: [
          { from, insert: marker },
          { from: to, insert: marker },
        ],
        range: range.empty
          ? EditorSelection.cursor(from + marker.length + offset)
          : EditorSelection.range(from + marker.length, to + marker.length),
      };
    });
    dispatch(state.update(transaction, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** Length of the run of `char` ending at `pos` (backwards) or starting at it (forwards). */
function runLength(state: EditorState, pos: number, char: string, direction: -1 | 1): number {
  let count = 0;
  for (;;) {
    const at = direction < 0 ? pos - count - 1 : pos + count;
    if (at < 0 || at >= state.doc.length || state.sliceDoc(at, at + 1) !== char) return count;
    count++;
  }
}

/**
 * True when the marker sits right outside `from..to`. For `*`/`_` the run length matters:
 * `**bold**` is not italic, but `***both***` is both.
 */
function surroundedBy(state: EditorState, from: number, to: number, marker: string): boolean {
  const char = marker[0]!;
  const before = runLength(state, from, char, -1);
  const after = runLength(state, to, char, 1);
  return matchesRun(before, marker) && matchesRun(after, marker);
}

function matchesRun(run: number, marker: string): boolean {
  if (marker === '*' || marker === '_' || marker === '**' || marker === '__') {
    return run === marker.length || run === 3;
  }
  return run >= marker.length;
}

/** True when `text` itself starts and ends with the marker (the author selected it too). */
function includesMarker(text: string, marker: string): boolean {
  if (text.length < marker.length * 2 + 1) return false;
  if (!text.startsWith(marker) || !text.endsWith(marker)) return false;
  const char = marker[0]!;
  const leading = text.length - text.replace(new RegExp(`^\\${char}+`), '').length;
  const trailing = text.length - text.replace(new RegExp(`\\${char}+$`), '').length;
  return matchesRun(leading, marker) && matchesRun(trailing, marker);
}

/** Toggles `**bold**` around each selection (or the word at the cursor). */
export const toggleBold: StateCommand = toggleMarker('**');

/** Toggles `*italic*` around each selection (or the word at the cursor). */
export const toggleItalic: StateCommand = toggleMarker('*');

/** Toggles `~~strikethrough~~` (GFM) around each selection (or the word at the cursor). */
export const toggleStrikethrough: StateCommand = toggleMarker('~~');

/** Toggles `` `inline code` `` around each selection (or the word at the cursor). */
export const toggleInlineCode: StateCommand = toggleMarker('`');
