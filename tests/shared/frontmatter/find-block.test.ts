import { describe, expect, it } from 'vitest';
import { findFrontmatter, openingFence } from '../../../shared/frontmatter';

describe('the opening fence', () => {
  it('is `---` or `+++` alone on the first line, after a BOM, with trailing blanks', () => {
    expect(openingFence('---\ntitle: x')).toEqual({ fence: '---', kind: 'yaml', from: 0, lineEnd: 3 });
    expect(openingFence('\uFEFF+++ \t\r\n')).toEqual({ fence: '+++', kind: 'toml', from: 1, lineEnd: 6 });
    expect(openingFence('---')).toMatchObject({ fence: '---', lineEnd: 3 });
    for (const text of ['---js\n', ' ---\n', '----\n', '# ---\n', '', '--\n---\n']) {
      expect(openingFence(text), text).toBeNull();
    }
  });

  it('opens a block only when a closing fence follows', () => {
    expect(findFrontmatter('---')).toBeNull();
    expect(findFrontmatter('---\ntitle: x\n')).toBeNull();
    expect(findFrontmatter('---\n---\n')).toMatchObject({ kind: 'yaml', content: '', to: 8 });
    expect(findFrontmatter('---\rtitle: x\r---\rBody')).toMatchObject({ content: 'title: x\r', to: 17 });
    expect(findFrontmatter('+++\ntitle = 1\n---\n')).toBeNull();
  });
});
