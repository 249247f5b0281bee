import { describe, expect, it } from 'vitest';
import { article } from '../../helpers/article-summary';
import { buildTree } from '../../../renderer/src/library/library-tree';
import {
  treeKeyAction,
  typeAheadMatch,
  visibleRows,
  type TreeRow,
} from '../../../renderer/src/library/tree-navigation';

const articles = [
  article('index.md', 'Home'),
  article('about.md', 'About'),
  article('drafts/nightjar.md', 'Nightjars'),
  article('drafts/notes/owl.md', 'Owls'),
  article('essays/élan.md', 'Élan'),
];
const tree = buildTree(articles, ['drafts', 'drafts/notes', 'essays'], 'title', { status: null, tag: null });
const keys = (rows: readonly TreeRow[]) => rows.map((row) => row.key);

describe('the rows of the library tree', () => {
  it('lists folders before articles, depth first, with levels and parents', () => {
    const rows = visibleRows(tree, new Set());
    expect(keys(rows)).toEqual([
      'folder:drafts',
      'folder:drafts/notes',
      'article:drafts/notes/owl.md',
      'article:drafts/nightjar.md',
      'folder:essays',
      'article:essays/élan.md',
      'article:about.md',
      'article:index.md',
    ]);
    expect(rows[2]).toMatchObject({ level: 3, parent: 'folder:drafts/notes' });
  });

  it('gives each row its place among its siblings, folder counts and article summaries', () => {
    const rows = visibleRows(tree, new Set());
    const at = (key: string) => rows.find((row) => row.key === key)!;
    // The root holds drafts, essays, about.md and index.md.
    expect(at('folder:drafts')).toMatchObject({ setSize: 4, posInSet: 1, count: 2, article: null });
    expect(at('folder:essays')).toMatchObject({ setSize: 4, posInSet: 2, count: 1 });
    expect(at('article:index.md')).toMatchObject({ setSize: 4, posInSet: 4, count: 0 });
    expect(at('article:index.md').article?.title).toBe('Home');
    // drafts holds the notes folder, then nightjar.
    expect(at('folder:drafts/notes')).toMatchObject({ level: 2, setSize: 2, posInSet: 1, count: 1 });
    expect(at('article:drafts/nightjar.md')).toMatchObject({ setSize: 2, posInSet: 2 });
    expect(at('article:drafts/notes/owl.md')).toMatchObject({ level: 3, setSize: 1, posInSet: 1 });
  });

  it('leaves out what collapsed folders hold', () => {
    expect(keys(visibleRows(tree, new Set(['drafts'])))).toEqual([
      'folder:drafts',
      'folder:essays',
      'article:essays/élan.md',
      'article:about.md',
      'article:index.md',
    ]);
  });
});

describe('keys in the library tree', () => {
  const rows = visibleRows(tree, new Set());
  const collapsedRows = visibleRows(tree, new Set(['drafts']));

  it('moves with Up, Down, Home and End, stopping at the ends', () => {
    expect(treeKeyAction(rows, 'folder:drafts', 'ArrowDown')).toEqual({
      kind: 'focus',
      key: 'folder:drafts/notes',
    });
    expect(treeKeyAction(rows, 'folder:drafts', 'ArrowUp')).toBeNull();
    expect(treeKeyAction(rows, 'article:index.md', 'ArrowDown')).toBeNull();
    expect(treeKeyAction(rows, 'article:about.md', 'Home')).toEqual({ kind: 'focus', key: 'folder:drafts' });
    expect(treeKeyAction(rows, 'folder:drafts', 'End')).toEqual({ kind: 'focus', key: 'article:index.md' });
  });

  it('expands a closed folder with Right, then enters it; Left closes it, then goes to the parent', () => {
    expect(treeKeyAction(collapsedRows, 'folder:drafts', 'ArrowRight')).toEqual({
      kind: 'expand',
      path: 'drafts',
    });
    expect(treeKeyAction(rows, 'folder:drafts', 'ArrowRight')).toEqual({
      kind: 'focus',
      key: 'folder:drafts/notes',
    });
    expect(treeKeyAction(rows, 'folder:drafts', 'ArrowLeft')).toEqual({ kind: 'collapse', path: 'drafts' });
    expect(treeKeyAction(rows, 'article:drafts/notes/owl.md', 'ArrowLeft')).toEqual({
      kind: 'focus',
      key: 'folder:drafts/notes',
    });
    expect(treeKeyAction(rows, 'article:index.md', 'ArrowLeft')).toBeNull();
    expect(treeKeyAction(rows, 'article:index.md', 'ArrowRight')).toBeNull();
  });

  it('activates with Enter and expands all sibling folders with *', () => {
    expect(treeKeyAction(rows, 'article:about.md', 'Enter')).toMatchObject({
      kind: 'activate',
      row: { path: 'about.md' },
    });
    expect(treeKeyAction(collapsedRows, 'article:index.md', '*')).toEqual({
      kind: 'expandAll',
      paths: ['drafts', 'essays'],
    });
  });

  it('finds rows by the first letters typed, ignoring case and accents, and cycles on a repeated letter', () => {
    expect(typeAheadMatch(rows, 'folder:drafts', 'o')).toBe('article:drafts/notes/owl.md');
    expect(typeAheadMatch(rows, 'folder:drafts', 'el')).toBe('article:essays/élan.md');
    expect(typeAheadMatch(rows, 'folder:drafts', 'e')).toBe('folder:essays');
    expect(typeAheadMatch(rows, 'folder:essays', 'e')).toBe('article:essays/élan.md');
    expect(typeAheadMatch(rows, 'article:essays/élan.md', 'ee')).toBe('folder:essays');
    expect(typeAheadMatch(rows, 'article:index.md', 'dr')).toBe('folder:drafts');
    expect(typeAheadMatch(rows, 'folder:drafts', 'zebra')).toBeNull();
  });
});
