import { ensureSyntaxTree } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { altTextFor, isInCode } from '../../../renderer/src/editor/image-paste';
import { markdownEditing } from '../../../renderer/src/editor/markdown-editing';
import { stateOf } from './cursor-markers';

describe('altTextFor', () => {
  it('proposes a readable alt text from the file name', () => {
    expect(altTextFor('my_screen-shot.png')).toBe('my screen shot');
    expect(altTextFor('image.png')).toBe('image');
    expect(altTextFor('[x]\\.png')).toBe('x');
  });
});

describe('isInCode', () => {
  function at(marked: string): boolean {
    const state = stateOf(marked, markdownEditing());
    ensureSyntaxTree(state, state.doc.length, 5000);
    return isInCode(state, state.selection.main.head);
  }
  it('knows fenced code, inline code and frontmatter from prose', () => {
    expect(at('```js\nlet a|\n```')).toBe(true);
    expect(at('a `co|de` b')).toBe(true);
    expect(at('---\ntitle: |x\n---\n')).toBe(true);
    expect(at('plain |text')).toBe(false);
  });
});
