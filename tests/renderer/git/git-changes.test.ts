import { describe, expect, it } from 'vitest';
import {
  changeMarks,
  changesByPath,
  countChanges,
  isArticlePath,
} from '../../../renderer/src/git/git-changes';

describe('countChanges', () => {
  it('counts changed articles apart from other files, in words', () => {
    const changes = [
      { path: 'a.md', kind: 'modified' },
      { path: 'notes/b.markdown', kind: 'new' },
      { path: 'assets/a-1.png', kind: 'new' },
    ] as const;
    expect(countChanges(changes)).toEqual({
      articles: 2,
      files: 1,
      text: '2 changed articles and 1 other file',
    });
  });
  it('says one article in the singular, and files alone as changed files', () => {
    expect(countChanges([{ path: 'a.md', kind: 'deleted' }]).text).toBe('1 changed article');
    expect(
      countChanges([
        { path: 'x.png', kind: 'new' },
        { path: 'y.png', kind: 'new' },
      ]).text,
    ).toBe('2 changed files');
  });
  it('says so when nothing changed', () => {
    expect(countChanges([])).toEqual({ articles: 0, files: 0, text: 'No changes' });
  });
});

describe('changesByPath', () => {
  it('finds each change by its library path', () => {
    const marks = changesByPath([
      { path: 'a.md', kind: 'conflicted' },
      { path: 'b/c.md', kind: 'new' },
    ]);
    expect(marks.get('b/c.md')).toBe('new');
    expect(marks.get('a.md')).toBe('conflicted');
    expect(marks.has('d.md')).toBe(false);
  });
});

describe('changeMarks', () => {
  it('gives every kind a distinct letter and words, so colour is never the only sign', () => {
    const symbols = Object.values(changeMarks).map((mark) => mark.symbol);
    expect(new Set(symbols).size).toBe(4);
    for (const mark of Object.values(changeMarks)) expect(mark.description.length).toBeGreaterThan(5);
  });
});

describe('isArticlePath', () => {
  it('tells Markdown articles from assets, whatever the case of the extension', () => {
    expect(isArticlePath('Essays/On Time.MD')).toBe(true);
    expect(isArticlePath('assets/cover.png')).toBe(false);
    expect(isArticlePath('md')).toBe(false);
  });
});
