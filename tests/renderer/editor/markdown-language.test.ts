import { ensureSyntaxTree, Language, LanguageDescription } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { EditorState, type StateField } from '@codemirror/state';
import type { SyntaxNode, Tree } from '@lezer/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';

const fence = '```js\nconst answer = 42;\n```\n';
const html = '<div class="note">\n<b>kept</b>\n</div>\n';

/** Names of the node at `at` in `tree` (nested languages included) and of its ancestors. */
function namesAt(tree: Tree, at: number): string[] {
  const names: string[] = [];
  for (let node: SyntaxNode | null = tree.resolveInner(at + 1, 1); node; node = node.parent) {
    names.push(node.name);
  }
  return names;
}

/** {@link namesAt} the first copy of `word` in the editor's parse of the whole of `state`. */
function namesIn(state: EditorState, word: string): string[] {
  return namesAt(ensureSyntaxTree(state, state.doc.length, 10_000)!, state.doc.toString().indexOf(word));
}

describe('the editor language', () => {
  // A fence's language loads on first use; in the app the next parse picks it up.
  beforeAll(async () => {
    await LanguageDescription.matchLanguageName(languages, 'js')!.load();
  });

  it('parses code and HTML blocks near the view in their own language', () => {
    const state = EditorState.create({ doc: `${fence}\n${html}`, extensions: markdownEditing() });
    expect(namesIn(state, 'answer')).toContain('VariableDefinition');
    expect(namesIn(state, 'b>')).toContain('Element');
  });

  it('leaves code and HTML blocks far from the view until they come into view', () => {
    const filler = 'A paragraph of the long article, far from its fences.\n\n'.repeat(2_000);
    const doc = `${fence}\n${filler}${fence}\n${html}`;
    const state = EditorState.create({ doc, extensions: markdownEditing() });
    const far = doc.indexOf(fence, fence.length);
    // What an editor scrolled to the top parses in the background: its parse context's work
    // with the viewport it has (the first 3,000 characters), to the end of the article.
    // `Language.state` and the context's `work` are CodeMirror internals: no public call parses
    // with the viewport an editor has.
    const field = (Language as unknown as { state: StateField<{ context: unknown }> }).state;
    const context = state.field(field).context as {
      work(until: number, upto?: number): boolean;
      tree: Tree;
    };
    expect(context.work(10_000)).toBe(true);
    const names = (word: string, after = 0): string[] => namesAt(context.tree, doc.indexOf(word, after));
    expect(names('answer')).toContain('VariableDefinition');
    // Still Markdown out of view: the fence is there, only the JavaScript in it waits.
    expect(names('answer', far)).toContain('FencedCode');
    expect(names('answer', far)).not.toContain('VariableDefinition');
    expect(names('b>', far)).not.toContain('Element');
    // Brought into view (as ensureSyntaxTree does with everything up to where it is asked to
    // parse), they are parsed in their language.
    const tree = ensureSyntaxTree(state, doc.length, 10_000)!;
    expect(namesAt(tree, doc.indexOf('answer', far))).toContain('VariableDefinition');
    expect(namesAt(tree, doc.indexOf('b>', far))).toContain('Element');
  });
});
