import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { DecorationSet } from '@codemirror/view';
import {
  criticDecorations,
  nextCriticDecorations,
  suggestMode,
} from '../../../renderer/src/review/critic-editor';
import { seededRandom } from '../../helpers/seeded-random';

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

describe('critic highlighting while typing', () => {
  /** Every decoration as `from-to:class`, in order, to compare two sets. */
  function describeSet(set: DecorationSet): string[] {
    const out: string[] = [];
    const cursor = set.iter();
    for (; cursor.value; cursor.next()) out.push(`${cursor.from}-${cursor.to}:${cursor.value.spec.class}`);
    return out;
  }

  it('moves decorations along or reads the document again, always equal to a fresh read (4,000 random edits)', () => {
    const random = seededRandom(20261128);
    // Prose, sigils and their pieces, so that edits make, break and extend marks.
    const pieces = [
      'word ',
      'x',
      ' ',
      '\n',
      '{++',
      '++}',
      '{--',
      '--}',
      '{~~',
      '~>',
      '~~}',
      '{>>',
      '<<}',
      '{==',
      '==}',
      '{',
      '}',
      '+',
      '-',
      '~',
      '>',
      '<',
      '=',
    ];
    const pick = (): string => pieces[Math.floor(random() * pieces.length)]!;
    let state = EditorState.create({
      doc: 'Intro {++added++} and {--gone--}{>>why<<} then {~~old~>new~~} and {==this==}.\n\nMore prose here.',
    });
    let decorations = criticDecorations(state.doc.toString());
    let moved = 0;
    for (let step = 0; step < 4000; step++) {
      const length = state.doc.length;
      const from = Math.floor(random() * (length + 1));
      const to = Math.min(length, from + (random() < 0.3 ? Math.floor(random() * 4) : 0));
      // Mostly plain letters, as in typing prose; sometimes a sigil piece.
      const insert = random() < 0.8 ? (random() < 0.5 ? 'a' : ' ') : pick();
      const tr = state.update({ changes: { from, to, insert } });
      const next = nextCriticDecorations(decorations, state.doc, tr.changes, tr.state.doc);
      // Counted as the function decides, to show the moving-along path is the one mostly checked.
      const near = (text: string): boolean => /[{}+\-~=<>]/.test(text);
      if (
        !near(state.doc.sliceString(Math.max(0, from - 2), to + 2)) &&
        !near(tr.state.doc.sliceString(Math.max(0, from - 2), from + insert.length + 2))
      ) {
        moved++;
      }
      decorations = next;
      state = tr.state;
      expect(describeSet(decorations), `step ${step}`).toEqual(
        describeSet(criticDecorations(state.doc.toString())),
      );
    }
    expect(moved).toBeGreaterThan(500);
  });
});
