import { ensureSyntaxTree } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { EditorState } from '@codemirror/state';
import { IterMode, Tree } from '@lezer/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';
import { paragraphLinesNear, realBook } from '../../helpers/real-documents';
import { seededRandom } from '../../helpers/seeded-random';

/** The editor's parse of the whole of `state`. */
function wholeTree(state: EditorState): Tree {
  return ensureSyntaxTree(state, state.doc.length, 60_000)!;
}

/** Every named Markdown node of `tree`, with its position: what a fresh parse must agree on. */
function outline(tree: Tree): string[] {
  const nodes: string[] = [];
  tree.iterate({
    mode: IterMode.IgnoreMounts,
    enter: (node) => {
      nodes.push(`${node.name} ${node.from}-${node.to}`);
    },
  });
  return nodes;
}

/** The anonymous groups above the blocks of `tree` (the balanced tree's inner nodes). */
function groups(tree: Tree, into: Tree[] = []): Tree[] {
  for (const child of tree.children) {
    if (child instanceof Tree && child.type.isAnonymous) {
      into.push(child);
      groups(child, into);
    }
  }
  return into;
}

/** Text that changes how the blocks around it parse: fences, lists, quotes, HTML, blank lines. */
const pieces = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '```\n',
  '- ',
  '1. ',
  '> ',
  '    ',
  '# ',
  '<div>\n',
  '-->',
  '|a|b|\n',
];

describe('the editor parse after a keystroke in a long article', () => {
  // As in an editor that has shown them: a fence whose language is still loading cuts the
  // previous tree where it stands until the language is there.
  beforeAll(async () => {
    await Promise.all(languages.map((language) => language.load()));
  });

  it('builds again only a few of the groups above its blocks', () => {
    const book = realBook();
    const lines = paragraphLinesNear(book, [0.01, 0.5, 0.99]);
    for (const line of lines) {
      let state = EditorState.create({ doc: book, extensions: markdownEditing() });
      const before = new Set(groups(wholeTree(state)));
      const at = state.doc.line(line).to - 2;
      state = state.update({ changes: { from: at, insert: 'x' } }).state;
      const after = groups(wholeTree(state));
      const built = after.filter((group) => !before.has(group)).length;
      // Reused one block at a time, every group above them was new: about 1,500 of 1,500.
      expect(built, `keystroke at line ${line}`).toBeLessThan(after.length * 0.15);
    }
  });

  it('gives the tree a whole parse gives, after random edits to long real text', () => {
    const book = realBook();
    for (let seed = 1; seed <= 4; seed++) {
      const random = seededRandom(seed);
      const start = Math.floor(random() * (book.length - 80_000));
      let state = EditorState.create({
        doc: book.slice(start, start + 60_000),
        extensions: markdownEditing(),
      });
      wholeTree(state);
      for (let edit = 0; edit < 25; edit++) {
        const from = Math.floor(random() * state.doc.length);
        const change =
          random() < 0.3
            ? { from, to: Math.min(state.doc.length, from + 1 + Math.floor(random() * 40)) }
            : { from, insert: pieces[Math.floor(random() * pieces.length)]! };
        state = state.update({ changes: change }).state;
        const fresh = EditorState.create({ doc: state.doc, extensions: markdownEditing() });
        expect(outline(wholeTree(state)), `seed ${seed}, edit ${edit}`).toEqual(outline(wholeTree(fresh)));
      }
    }
  });
});
