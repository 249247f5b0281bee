import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { suggestMode } from '../../../renderer/src/review/critic-editor';

/** Runs a user edit through suggest mode on a bare state; `|` marks the cursor in the result. */
function edit(doc: string, from: number, to: number, insert: string, userEvent: string): string {
  let state = EditorState.create({ doc, extensions: [suggestMode()] });
  state = state.update({ changes: { from, to, insert }, userEvent }).state;
  const at = state.selection.main.head;
  const text = state.doc.toString();
  return text.slice(0, at) + '|' + text.slice(at);
}

function typeText(doc: string, at: number, letters: string): string {
  let state = EditorState.create({ doc, selection: { anchor: at }, extensions: [suggestMode()] });
  for (const letter of letters) {
    const head = state.selection.main.head;
    state = state.update({ changes: { from: head, insert: letter }, userEvent: 'input.type' }).state;
  }
  return state.doc.toString();
}

function backspace(doc: string, at: number, times: number): string {
  let state = EditorState.create({ doc, selection: { anchor: at }, extensions: [suggestMode()] });
  for (let i = 0; i < times; i++) {
    const head = state.selection.main.head;
    state = state.update({ changes: { from: head - 1, to: head }, userEvent: 'delete.backward' }).state;
  }
  return state.doc.toString();
}

describe('suggest mode', () => {
  it('turns typing into one insertion that grows as the author types', () => {
    expect(edit('Hello world', 5, 5, ',', 'input.type')).toBe('Hello{++,|++} world');
    expect(typeText('Hello world', 5, ' dear')).toBe('Hello{++ dear++} world');
  });

  it('turns deleting into one deletion that grows with each backspace', () => {
    expect(edit('Hello world', 6, 11, '', 'delete.backward')).toBe('Hello |{--world--}');
    expect(backspace('Hello world', 11, 5)).toBe('Hello {--world--}');
  });

  it('turns replacing a selection into a substitution', () => {
    expect(edit('Hello world', 6, 11, 'there', 'input.type')).toBe('Hello {~~world~>there|~~}');
  });

  it('edits the suggested text itself directly and removes an emptied insertion', () => {
    expect(backspace('a {++xy++} b', 7, 1)).toBe('a {++x++} b');
    expect(backspace('a {++x++} b', 9, 1)).toBe('a  b');
  });

  it('steps over a deletion instead of deleting its sigils', () => {
    expect(backspace('ab{--c--}', 9, 1)).toBe('a{--bc--}');
  });

  it('leaves undo and other commands alone', () => {
    const state = EditorState.create({ doc: 'abc', extensions: [suggestMode()] });
    const next = state.update({ changes: { from: 0, to: 3, insert: 'x' } }).state;
    expect(next.doc.toString()).toBe('x');
  });
});
