import { defaultHighlightStyle, ensureSyntaxTree } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { EditorState } from '@codemirror/state';
import { TreeCursor, type Tree } from '@lezer/common';
import { classHighlighter, highlightTree, type Highlighter } from '@lezer/highlight';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { highlightBlocks } from '../../../renderer/src/editor/block-highlighting';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';
import { realBook } from '../../helpers/real-documents';
import { seededRandom } from '../../helpers/seeded-random';

/** The editor's parse of the whole of `state`. */
function wholeTree(state: EditorState): Tree {
  return ensureSyntaxTree(state, state.doc.length, 60_000)!;
}

type Highlight = (
  tree: Tree,
  highlighter: Highlighter,
  put: (from: number, to: number, classes: string) => void,
  from: number,
  to: number,
) => void;

/** The spans `highlight` gives for `[from, to)` of `tree`. */
function spans(
  highlight: Highlight,
  tree: Tree,
  highlighter: Highlighter,
  from: number,
  to: number,
): string[] {
  const found: string[] = [];
  highlight(tree, highlighter, (start, end, classes) => found.push(`${start}-${end} ${classes}`), from, to);
  return found;
}

const upstream: Highlight = (tree, highlighter, put, from, to) =>
  highlightTree(tree, highlighter, put, from, to);

describe('highlighting the blocks in view of a long article', () => {
  // Fences in every language, parsed in it: their code is highlighted through mounted trees.
  beforeAll(async () => {
    await Promise.all(languages.map((language) => language.load()));
  });

  const nextSibling = TreeCursor.prototype.nextSibling;
  afterEach(() => {
    TreeCursor.prototype.nextSibling = nextSibling;
  });

  it('gives the spans that highlighting the whole tree gives, for any range', () => {
    const book = realBook();
    const tree = wholeTree(EditorState.create({ doc: book, extensions: markdownEditing() }));
    const random = seededRandom(7);
    const ranges = [
      [0, 4_000],
      [book.length - 4_000, book.length],
      [0, book.length],
    ];
    for (let i = 0; i < 60; i++) {
      const from = Math.floor(random() * book.length);
      ranges.push([from, Math.min(book.length, from + 1 + Math.floor(random() * 6_000))]);
    }
    let compared = 0;
    for (const [from, to] of ranges as [number, number][]) {
      for (const highlighter of [classHighlighter, defaultHighlightStyle]) {
        const expected = spans(upstream, tree, highlighter, from, to);
        expect(spans(highlightBlocks, tree, highlighter, from, to), `${from}-${to}`).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });

  it('gives the same spans in a tree that reuses the last one after edits', () => {
    const book = realBook();
    const random = seededRandom(11);
    const start = Math.floor(book.length / 3);
    let state = EditorState.create({
      doc: book.slice(start, start + 200_000),
      extensions: markdownEditing(),
    });
    wholeTree(state);
    const pieces = ['x', '\n\n', '```js\n', '<div>\n', '- ', '> ', '`'];
    for (let edit = 0; edit < 30; edit++) {
      const from = Math.floor(random() * state.doc.length);
      state = state.update({ changes: { from, insert: pieces[edit % pieces.length]! } }).state;
      const tree = wholeTree(state);
      const at = Math.max(0, from - 1_500);
      const to = Math.min(state.doc.length, from + 1_500);
      expect(spans(highlightBlocks, tree, classHighlighter, at, to), `edit ${edit}`).toEqual(
        spans(upstream, tree, classHighlighter, at, to),
      );
    }
  });

  it('does not step through the blocks before the range', () => {
    const book = realBook();
    const tree = wholeTree(EditorState.create({ doc: book, extensions: markdownEditing() }));
    let steps = 0;
    TreeCursor.prototype.nextSibling = function (this: TreeCursor) {
      steps++;
      return nextSibling.call(this);
    };
    const from = book.length - 3_000;
    spans(highlightBlocks, tree, classHighlighter, from, book.length);
    const ours = steps;
    steps = 0;
    spans(upstream, tree, classHighlighter, from, book.length);
    // The whole tree's walk steps through each of the book's 8,500 top-level blocks before it.
    expect(steps).toBeGreaterThan(8_000);
    expect(ours).toBeLessThan(steps / 10);
  });
});
