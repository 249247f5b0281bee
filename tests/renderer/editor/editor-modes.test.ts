import { insertNewlineContinueMarkup } from '@codemirror/lang-markdown';
import { ensureSyntaxTree } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { paragraphAt } from '../../../renderer/src/editor/focus-mode';
import { hangingIndentOf } from '../../../renderer/src/editor/list-indent';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';
import { describeKey } from '../../../renderer/src/editor/editor-commands';
import { markedOf, stateOf } from './cursor-markers';

function enter(marked: string): string {
  let state = stateOf(marked, markdownEditing());
  ensureSyntaxTree(state, state.doc.length, 5000);
  insertNewlineContinueMarkup({ state, dispatch: (tr) => (state = tr.state) });
  return markedOf(state);
}

describe('list and quote continuation on Enter (below frontmatter too)', () => {
  it('continues bullet, numbered and task lists and quotes', () => {
    expect(enter('- one|')).toBe('- one\n- |');
    expect(enter('1. one|')).toBe('1. one\n2. |');
    expect(enter('- [x] done|')).toBe('- [x] done\n- [ ] |');
    expect(enter('> quoted|')).toBe('> quoted\n> |');
    expect(enter('---\ntitle: x\n---\n\n- item|')).toBe('---\ntitle: x\n---\n\n- item\n- |');
  });
  it('ends the list when Enter is pressed on an empty item again', () => {
    expect(enter(enter('- one\n- |'))).toBe('- one\n\n|');
  });
});

describe('hangingIndentOf', () => {
  it('measures list markers and quote prefixes', () => {
    expect(hangingIndentOf('- item')).toBe(2);
    expect(hangingIndentOf('  10. item')).toBe(6);
    expect(hangingIndentOf('- [ ] task')).toBe(6);
    expect(hangingIndentOf('> quote')).toBe(2);
    expect(hangingIndentOf('plain text')).toBe(0);
  });
});

describe('paragraphAt (focus mode)', () => {
  it('finds the run of non-blank lines around a position', () => {
    const state = stateOf('a\n\nb\nc|\n\nd');
    expect(paragraphAt(state, state.selection.main.head)).toEqual({ first: 3, last: 4 });
  });
});

describe('describeKey', () => {
  it('spells shortcuts for each platform', () => {
    expect(describeKey('Mod-Shift-p', false)).toBe('Ctrl+Shift+P');
    expect(describeKey('Mod-Alt-1', true)).toBe('⌘⌥1');
  });
});
