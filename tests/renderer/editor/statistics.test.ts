import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import {
  articleStatistics,
  countText,
  readingMinutes,
  selectionCounts,
  wordTargetOf,
} from '../../../renderer/src/editor/statistics';

describe('articleStatistics', () => {
  it('counts the body only, not the frontmatter', () => {
    const stats = articleStatistics('---\ntitle: Many words in a title\nwordTarget: 500\n---\nTwo words\n');
    expect(stats).toEqual({ words: 2, characters: 9, readingMinutes: 1, wordTarget: 500 });
  });

  it('counts characters without line breaks, by code point', () => {
    expect(countText('é😀\nab')).toEqual({ words: 2, characters: 4 });
  });
});

describe('wordTargetOf', () => {
  it('accepts a positive number or numeric string and ignores anything else', () => {
    expect(wordTargetOf('---\nwordTarget: "1200"\n---\n')).toBe(1200);
    expect(wordTargetOf('---\nwordTarget: -5\n---\n')).toBeNull();
    expect(wordTargetOf('---\nwordTarget: lots\n---\n')).toBeNull();
    expect(wordTargetOf('---\nwordTarget: [1\n---\n')).toBeNull();
    expect(wordTargetOf('no frontmatter')).toBeNull();
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes, at least one for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
  });
});

describe('selectionCounts', () => {
  it('adds up every selected range and is null for bare cursors', () => {
    const state = EditorState.create({
      doc: 'one two three four',
      selection: EditorSelection.create([EditorSelection.range(0, 7), EditorSelection.range(14, 18)]),
      extensions: EditorState.allowMultipleSelections.of(true),
    });
    expect(selectionCounts(state)).toEqual({ words: 3, characters: 11 });
    expect(selectionCounts(EditorState.create({ doc: 'x' }))).toBeNull();
  });
});
