import { describe, expect, it } from 'vitest';
import { htmlPathOf, relativeUrl, resolveLink } from '../../../shared/export';

describe('resolveLink', () => {
  it('resolves relative paths against the article folder, and / against the library root', () => {
    expect(resolveLink('notes/a.md', 'img/x.png')).toEqual({
      kind: 'library',
      path: 'notes/img/x.png',
      fragment: null,
    });
    expect(resolveLink('notes/a.md', '../b.md#Part%20one')).toEqual({
      kind: 'library',
      path: 'b.md',
      fragment: 'Part one',
    });
    expect(resolveLink('notes/a.md', '/img/x.png')).toEqual({
      kind: 'library',
      path: 'img/x.png',
      fragment: null,
    });
    expect(resolveLink('notes/a.md', 'my%20pic.png?v=2')).toEqual({
      kind: 'library',
      path: 'notes/my pic.png',
      fragment: null,
    });
  });

  it('tells fragments, external URLs and paths leaving the library apart', () => {
    expect(resolveLink('a.md', '#x')).toEqual({ kind: 'fragment', fragment: 'x' });
    expect(resolveLink('a.md', 'https://e.com/a.md')).toEqual({
      kind: 'external',
      url: 'https://e.com/a.md',
    });
    expect(resolveLink('a.md', '../secret.png')).toMatchObject({ kind: 'outside' });
    expect(resolveLink('a/b.md', '../../x')).toMatchObject({ kind: 'outside' });
    expect(resolveLink('a.md', '%E0%A4%A.png')).toMatchObject({ kind: 'outside' });
  });
});

describe('relativeUrl and htmlPathOf', () => {
  it('makes encoded relative URLs between library files', () => {
    expect(relativeUrl('notes/deep/a.md', 'notes/b c.html')).toBe('../b%20c.html');
    expect(relativeUrl('a.md', 'notes/b.html')).toBe('notes/b.html');
    expect(relativeUrl('notes/a.md', 'notes/b.html')).toBe('b.html');
    expect(htmlPathOf('notes/A.Markdown')).toBe('notes/A.html');
  });
});
