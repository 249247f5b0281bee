/**
 * How the form talks to the editor: each form edit becomes ONE CodeMirror transaction, so the
 * editor's undo history covers form edits too, and jumps put the cursor in the YAML.
 */
import { redo, undo } from '@codemirror/commands';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { errorMessage } from '../../../shared/errors';
import {
  addKey,
  removeKey,
  setField,
  type FieldValue,
  type TextEdit,
  type ValueStyle,
} from '../../../shared/frontmatter';

/**
 * How a form edit joins the undo history: `typing` groups quick keystrokes in one field like
 * typing in the editor does; `change` (a choice, a chip, a date) is always its own step.
 */
export type EditKind = 'typing' | 'change';

/** The outcome of a form edit: `null` when applied, else why it was refused (nothing changed). */
export type EditOutcome = string | null;

function dispatch(view: EditorView, edits: readonly TextEdit[], kind: EditKind): void {
  if (edits.length === 0) return;
  view.dispatch({
    changes: edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })),
    userEvent: kind === 'typing' ? 'input.type.frontmatter' : 'input.frontmatter',
  });
}

function attempt(
  view: EditorView | null,
  compute: (text: string) => TextEdit[],
  kind: EditKind,
): EditOutcome {
  if (!view) return 'The editor is not ready.';
  if (view.state.readOnly) return 'This article is read-only.';
  try {
    // Always compute on the editor's current text, so offsets can never be stale.
    const edits = compute(view.state.doc.toString());
    dispatch(view, edits, kind);
    return null;
  } catch (error) {
    return errorMessage(error, String(error));
  }
}

/**
 * Sets one field from the form (adding the key when missing). `style` is the quoting the field
 * had when it got focus, preferred over a quote a half-typed value needed for a moment.
 */
export function setFieldInEditor(
  view: EditorView | null,
  key: string,
  value: FieldValue,
  kind: EditKind,
  style?: ValueStyle,
): EditOutcome {
  return attempt(view, (text) => setField(text, key, value, style ? { style } : {}), kind);
}

/** Appends a new key (the file's indentation and line endings), as one undo step. */
export function addFieldInEditor(view: EditorView | null, key: string, value: FieldValue): EditOutcome {
  return attempt(view, (text) => addKey(text, key, value), 'change');
}

/** Removes one key from the form. */
export function removeFieldInEditor(view: EditorView | null, key: string): EditOutcome {
  return attempt(view, (text) => removeKey(text, key), 'change');
}

/** Selects `from`–`to` in the editor, scrolls it into view and focuses the editor. */
export function revealInEditor(view: EditorView | null, from: number, to = from): void {
  if (!view) return;
  const length = view.state.doc.length;
  view.dispatch({
    selection: EditorSelection.single(Math.min(from, length), Math.min(to, length)),
    scrollIntoView: true,
  });
  view.focus();
}

/** Undo and redo of the editor, for Mod-z inside the form (whose inputs are views of the YAML). */
export function undoInEditor(view: EditorView | null, redoInstead = false): boolean {
  if (!view) return false;
  return redoInstead ? redo(view) : undo(view);
}
