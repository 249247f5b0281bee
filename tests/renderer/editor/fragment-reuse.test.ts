import { ensureSyntaxTree } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { EditorState } from '@codemirror/state';
import { IterMode, Tree, TreeFragment } from '@lezer/common';
import { GFM, parser as markdownParser } from '@lezer/markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import { reuseFragments } from '../../../renderer/src/editor/fragment-reuse';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';
import { paragraphLinesNear, realBook, realDocuments } from '../../helpers/real-documents';
import { seededRandom } from '../../helpers/seeded-random';
import { randomLargeEdit } from '../../shared/markdown/random-article';

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

/**
 * Makes `edits` random edits to `doc` in the editor (inserting one of `pieces`, or deleting up to
 * `longestDelete` characters, a `deletes` share of the time) and checks the tree after each
 * against a whole parse of the same text.
 */
function editAndCompare(
  doc: string,
  random: () => number,
  how: { edits: number; pieces: readonly string[]; deletes: number; longestDelete: number },
  seed: number,
): void {
  let state = EditorState.create({ doc, extensions: markdownEditing() });
  wholeTree(state);
  for (let edit = 0; edit < how.edits; edit++) {
    const from = Math.floor(random() * state.doc.length);
    const change =
      random() < how.deletes
        ? { from, to: Math.min(state.doc.length, from + 1 + Math.floor(random() * how.longestDelete)) }
        : { from, insert: how.pieces[Math.floor(random() * how.pieces.length)]! };
    state = state.update({ changes: change }).state;
    const fresh = EditorState.create({ doc: state.doc, extensions: markdownEditing() });
    expect(outline(wholeTree(state)), `seed ${seed}, edit ${edit}`).toEqual(outline(wholeTree(fresh)));
  }
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

/** Text that changes where list items, quotes and leaf blocks end. */
const listPieces = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '- ',
  '  ',
  '    ',
  '> ',
  '1. ',
  '---\n',
  '===',
  '```',
  '|',
  '* ',
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

  it('parses again only the items next to a keystroke in a long tight list', () => {
    const items = Array.from(
      { length: 600 },
      (_, i) => `- Item ${i} with [a link](https://example.com/${i}) and \`code\``,
    );
    const doc = `# Changes\n\nSome text.\n\n${items.join('\n')}\n\nAfter the list.\n`;
    let state = EditorState.create({ doc, extensions: markdownEditing() });
    const itemsOf = (tree: Tree): Tree[] => {
      const found: Tree[] = [];
      tree.iterate({
        mode: IterMode.IgnoreMounts,
        enter: (node) => {
          if (node.name === 'ListItem' && node.tree) found.push(node.tree);
        },
      });
      return found;
    };
    const before = new Set(itemsOf(wholeTree(state)));
    const at = state.doc.line(5 + 300).to - 2;
    state = state.update({ changes: { from: at, insert: 'x' } }).state;
    const after = itemsOf(wholeTree(state));
    expect(after).toHaveLength(600);
    // The items before the keystroke were parsed again, all 300, while no blank line ended one.
    expect(after.filter((item) => !before.has(item)).length).toBeLessThan(10);
  });

  it('keeps no block that the edited line may still extend', () => {
    // The Markdown parser alone: the editor's mixed parse happens to reuse fewer blocks.
    const parser = reuseFragments(markdownParser.configure(GFM));
    // Blocks long enough to be reused whole (short ones sit in buffers, parsed again anyway),
    // in a text short enough to stay one fragment (see `cutInSteps`).
    const long = Array.from({ length: 150 }, (_, i) => `[link ${i}](https://example.com/${i}) *and*`).join(
      ' ',
    );
    const cases = [
      // A paragraph's next line becomes its setext underline, or a lazy line of it.
      { doc: `Intro\n\n${long}\nbar\n\nend\n`, edit: { at: 'bar', length: 3, insert: '===' } },
      { doc: `Intro\n\n${long}\n- bar\n\nend\n`, edit: { at: ' bar', length: 1, insert: '' } },
      // In a list item, the next item's line becomes a lazy line of the item's paragraph.
      { doc: `Intro\n\n- a\n- ${long}\n- bar\n- baz\n`, edit: { at: '- bar', length: 0, insert: 'x' } },
      { doc: `Intro\n\n> ${long}\n- bar\n`, edit: { at: ' bar', length: 1, insert: '' } },
    ];
    for (const [index, { doc, edit }] of cases.entries()) {
      const from = doc.indexOf(edit.at);
      const edited = doc.slice(0, from) + edit.insert + doc.slice(from + edit.length);
      const fragments = TreeFragment.applyChanges(TreeFragment.addTree(parser.parse(doc)), [
        { fromA: from, toA: from + edit.length, fromB: from, toB: from + edit.insert.length },
      ]);
      expect(outline(parser.parse(edited, fragments)), `case ${index}`).toEqual(
        outline(parser.parse(edited)),
      );
    }
  });

  it('gives the tree a whole parse gives, after random edits in long lists and quotes', () => {
    // Lists without blank lines, with nested lists, lazy lines, code and quotes in items, and
    // the blocks whose end a later line decides: setext headings, tables, indented code.
    const item = (i: number): string =>
      [
        `- Item ${i}`,
        `- Item ${i} goes on\nlazily`,
        `  1. nested ${i}\n  2. nested`,
        `- > quoted ${i}\n  > more`,
        `-     code ${i}`,
        `- Title ${i}\n  ---`,
        `- | a | b |\n  | - | - |\n  | ${i} | x |`,
        `*   wide ${i}`,
        `- Text ${i}\n\n  after a blank line`,
      ][i % 9]!;
    for (let seed = 1; seed <= 6; seed++) {
      const random = seededRandom(seed * 31);
      const list = Array.from({ length: 120 }, (_, i) => item(i + seed)).join('\n');
      const doc = `Intro\n\n${list}\n\n> quote\nlazy\n> more\n\n${list}\n`;
      editAndCompare(doc, random, { edits: 40, pieces: listPieces, deletes: 0.25, longestDelete: 12 }, seed);
    }
  });

  it('gives the tree a whole parse gives, after random edits to long real text', () => {
    const book = realBook();
    for (let seed = 1; seed <= 4; seed++) {
      const random = seededRandom(seed);
      const start = Math.floor(random() * (book.length - 80_000));
      const doc = book.slice(start, start + 60_000);
      editAndCompare(doc, random, { edits: 25, pieces, deletes: 0.3, longestDelete: 40 }, seed);
    }
  });

  it('gives the tree a whole parse gives, after cuts, pastes and edits at several cursors of real READMEs', () => {
    const documents = realDocuments().filter(
      (document) => document.markdown.length > 3_000 && document.markdown.length < 60_000,
    );
    for (let seed = 1; seed <= 6; seed++) {
      const random = seededRandom(seed);
      const document = documents[Math.floor(random() * documents.length)]!;
      let state = EditorState.create({ doc: document.markdown, extensions: markdownEditing() });
      wholeTree(state);
      for (let edit = 0; edit < 25; edit++) {
        const changes = randomLargeEdit(random, state.doc.toString());
        state = state.update({ changes }).state;
        const fresh = EditorState.create({ doc: state.doc, extensions: markdownEditing() });
        expect(outline(wholeTree(state)), `seed ${seed}, ${document.name}, edit ${edit}`).toEqual(
          outline(wholeTree(fresh)),
        );
      }
    }
  });
});
