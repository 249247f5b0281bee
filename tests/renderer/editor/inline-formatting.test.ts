import { describe, expect, it } from 'vitest';
import {
  toggleBold,
  toggleInlineCode,
  toggleItalic,
  toggleStrikethrough,
} from '../../../renderer/src/editor/inline-formatting';
import { run, stateOf } from './cursor-markers';

describe('toggleBold', () => {
  it('wraps the selection in double asterisks and keeps it selected', () => {
    expect(run(toggleBold, 'a «word» b')).toBe('a **«word»** b');
  });
  it('unwraps a selection that sits between the markers', () => {
    expect(run(toggleBold, 'a **«word»** b')).toBe('a «word» b');
  });
  it('unwraps a selection that includes the markers', () => {
    expect(run(toggleBold, 'a «**word**» b')).toBe('a «word» b');
  });
  it('acts on the word under an empty cursor and keeps the cursor in it', () => {
    expect(run(toggleBold, 'a wo|rd b')).toBe('a **wo|rd** b');
    expect(run(toggleBold, 'a **wo|rd** b')).toBe('a wo|rd b');
  });
  it('inserts an empty pair away from words, and removes an empty pair', () => {
    expect(run(toggleBold, 'a | b')).toBe('a **|** b');
    expect(run(toggleBold, 'a **|** b')).toBe('a | b');
  });
  it('handles every cursor of a multiple selection', () => {
    expect(run(toggleBold, '«one» and «two»')).toBe('**«one»** and **«two»**');
  });
  it('does not treat italic markers as bold ones', () => {
    expect(run(toggleBold, '*«word»*')).toBe('***«word»***');
  });
  it('refuses to edit a read-only document', async () => {
    const { EditorState } = await import('@codemirror/state');
    const state = stateOf('a «b»', EditorState.readOnly.of(true));
    expect(toggleBold({ state, dispatch: () => {} })).toBe(false);
  });
});

describe('toggleItalic', () => {
  it('wraps the selection in single asterisks', () => {
    expect(run(toggleItalic, '«word»')).toBe('*«word»*');
  });
  it('does not mistake bold for italic', () => {
    expect(run(toggleItalic, '**«word»**')).toBe('***«word»***');
  });
  it('removes the italic part of bold italic text', () => {
    expect(run(toggleItalic, '***«word»***')).toBe('**«word»**');
  });
});

describe('toggleStrikethrough', () => {
  it('wraps and unwraps with double tildes', () => {
    expect(run(toggleStrikethrough, 'x «gone» y')).toBe('x ~~«gone»~~ y');
    expect(run(toggleStrikethrough, 'x ~~«gone»~~ y')).toBe('x «gone» y');
  });
});

describe('toggleInlineCode', () => {
  it('wraps and unwraps with backticks', () => {
    expect(run(toggleInlineCode, 'call «fn()» now')).toBe('call `«fn()»` now');
    expect(run(toggleInlineCode, 'call `«fn()»` now')).toBe('call «fn()» now');
  });
});
