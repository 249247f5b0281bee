import { describe, expect, it } from 'vitest';
import { article } from '../../helpers/article-summary';
import { allTags, buildTree, fuzzyScore } from '../../../renderer/src/library/library-tree';

const articles = [
  article('b.md', 'Beta', { status: 'published', tags: ['x'], updated: '2026-03-01T00:00:00.000Z' }),
  article('a.md', 'alpha', { status: 'draft', updated: '2026-01-01T00:00:00.000Z' }),
  article('notes/c.md', 'Gamma', { status: 'review', tags: ['x', 'y'] }),
  article('notes/deep/d.md', 'Delta'),
];

describe('the library tree', () => {
  it('groups articles by folder with counts, folders first, empty folders kept', () => {
    const tree = buildTree(articles, ['notes', 'notes/deep', 'empty'], 'title', { status: null, tag: null });
    expect(tree.count).toBe(4);
    expect(tree.folders.map((f) => [f.path, f.count])).toEqual([
      ['empty', 0],
      ['notes', 2],
    ]);
    expect(tree.folders[1]!.folders[0]!.articles.map((a) => a.title)).toEqual(['Delta']);
    expect(tree.articles.map((a) => a.title)).toEqual(['alpha', 'Beta']);
  });

  it('leaves out an images or assets folder that holds no articles, at any depth', () => {
    const withMedia = [
      ...articles,
      article('assets/kept.md', 'Kept'),
      article('notes/Images/e.md', 'Epsilon'),
    ];
    const tree = buildTree(
      withMedia,
      ['images', 'Assets', 'assets', 'notes/images', 'notes/Images', 'notes/deep/assets/x', 'pictures'],
      'title',
      { status: null, tag: null },
    );
    expect(tree.folders.map((f) => f.path)).toEqual(['assets', 'notes', 'pictures']);
    expect(tree.folders[0]!.count).toBe(1);
    const notes = tree.folders[1]!;
    expect(notes.folders.map((f) => f.path)).toEqual(['notes/deep', 'notes/Images']);
    expect(notes.folders[0]!.folders).toEqual([]);
  });

  it('sorts by last update or by status', () => {
    const byUpdate = buildTree(articles, [], 'updated', { status: null, tag: null });
    expect(byUpdate.articles.map((a) => a.title)).toEqual(['Beta', 'alpha']);
    const byStatus = buildTree(articles.slice(0, 3), [], 'status', { status: null, tag: null });
    expect(byStatus.articles.map((a) => a.title)).toEqual(['alpha', 'Beta']);
  });

  it('filters by status and tag, hiding folders left empty', () => {
    const tagged = buildTree(articles, ['empty', 'notes'], 'title', { status: null, tag: 'x' });
    expect(tagged.count).toBe(2);
    expect(tagged.folders.map((f) => f.path)).toEqual(['notes']);
    const none = buildTree(articles, [], 'title', { status: 'none', tag: null });
    expect(none.count).toBe(1);
    expect(allTags(articles)).toEqual(['x', 'y']);
  });
});

describe('quick-open matching', () => {
  it('matches letters in order and prefers word starts in titles', () => {
    expect(fuzzyScore('gm', 'Gamma', 'notes/c.md')).toBeGreaterThan(0);
    expect(fuzzyScore('xyz', 'Gamma', 'notes/c.md')).toBe(-1);
    expect(fuzzyScore('fg', 'Field Guide', 'x.md')).toBeGreaterThan(fuzzyScore('fg', 'Buffering', 'y.md'));
  });
});
