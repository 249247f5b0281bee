import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { findFrontmatter } from '../../../shared/frontmatter';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';
import { seededRandom } from '../../helpers/seeded-random';

function treeOf(text: string): { state: EditorState; names: (from: number, to: number) => string[] } {
  const state = EditorState.create({ doc: text, extensions: markdownEditing() });
  const tree = ensureSyntaxTree(state, state.doc.length, 5000)!;
  return {
    state,
    names: (from, to) => {
      const found: string[] = [];
      tree.iterate({ from, to, enter: (node) => void found.push(node.name) });
      return found;
    },
  };
}

/** The Frontmatter node's range and its content's, as the editor's tree has them. */
function frontmatterNode(text: string): { to: number; contentFrom: number; contentTo: number } | null {
  const state = EditorState.create({ doc: text, extensions: markdownEditing() });
  const tree = ensureSyntaxTree(state, state.doc.length, 5000)!;
  const node = tree.topNode.getChild('Frontmatter');
  if (!node) return null;
  const [open, close] = node.getChildren('FrontmatterMark');
  return { to: node.to, contentFrom: Math.min(open!.to + 1, close!.from), contentTo: close!.from };
}

describe('frontmatter in the editor', () => {
  it('is a block of its own with the YAML grammar inside, and the body stays Markdown', () => {
    const text = '---\ntitle: Hello\ntags: [a, b]\n---\n\n# Heading\n\nText.\n';
    const { names } = treeOf(text);
    const head = names(0, text.indexOf('\n\n'));
    expect(head).toContain('Frontmatter');
    expect(head).toContain('FrontmatterMark');
    // YAML's own nodes (pairs, keys) are mounted on the content.
    expect(head).toContain('Pair');
    expect(head).not.toContain('HorizontalRule');
    expect(head).not.toContain('SetextHeading2');
    expect(names(text.indexOf('# Heading'), text.length)).toContain('ATXHeading1');
  });

  it('nests HTML as HTML, in the same parse as the frontmatter', () => {
    const text = '---\ntitle: x\n---\n\n<div class="note">Hi</div>\n\nText with <b>bold</b>.\n';
    const { state, names } = treeOf(text);
    expect(names(0, text.length)).toContain('Pair');
    // HTML is an overlay on the Markdown nodes: resolveInner enters it.
    const inner = (word: string): string => syntaxTree(state).resolveInner(text.indexOf(word) + 1, 1).name;
    expect(inner('div')).toBe('TagName');
    expect(inner('class')).toBe('AttributeName');
    expect(inner('<b>')).toBe('TagName');
  });

  it('keeps TOML out of the Markdown parse', () => {
    const text = '+++\ntitle = "Hello"\n+++\n\nText.\n';
    const head = treeOf(text).names(0, 20);
    expect(head).toContain('TomlContent');
    expect(head).not.toContain('Paragraph');
  });

  it('needs its closing fence and the first line, like the preview', () => {
    expect(treeOf('---\ntitle: never closed\n\nText.\n').names(0, 3)).toContain('HorizontalRule');
    expect(treeOf('\n---\ntitle: x\n---\n').names(0, 20)).not.toContain('Frontmatter');
    expect(treeOf('---').names(0, 3)).not.toContain('Frontmatter');
  });

  it('finds the same block as the pipeline for any text', () => {
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const lines = [
      'title: x',
      'a: 1',
      '',
      '--- x',
      '---  ',
      '---',
      ' ---',
      '+++',
      '+++ ',
      'text',
      '-- -',
      'x'.repeat(300),
    ];
    for (let round = 0; round < 400; round++) {
      const fence = pick(['---', '+++', '---\t', '--', '']);
      const body = Array.from({ length: Math.floor(random() * 12) }, () => pick(lines));
      // Now and then a block longer than the search's 16 KB chunks.
      if (round % 40 === 0)
        body.splice(1, 0, ...Array.from({ length: 400 }, (_, i) => `key${i}: ${'v'.repeat(60)}`));
      const text = [fence, ...body].join('\n');
      const expected = findFrontmatter(text);
      const found = frontmatterNode(text);
      if (!expected) {
        expect(found, text).toBeNull();
        continue;
      }
      expect(found, text).not.toBeNull();
      expect(found!.contentFrom, text).toBe(expected.contentFrom);
      expect(found!.contentTo, text).toBe(expected.contentTo);
      expect(text.slice(found!.to, expected.to), text).toMatch(/^\n?$/);
    }
  });
});
