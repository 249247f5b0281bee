import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { currentHeadingIndex, documentOutline } from '../../../renderer/src/editor/outline';

const doc = (text: string) => Text.of(text.split('\n'));

describe('documentOutline', () => {
  it('lists ATX and setext headings with their levels and lines', () => {
    const outline = documentOutline(
      doc('# Title\n\ntext\n\nSub\n---\n\nOther\n===\n\n### **Deep** [link](x) ###'),
    );
    expect(outline.map((h) => [h.level, h.text, h.line])).toEqual([
      [1, 'Title', 1],
      [2, 'Sub', 5],
      [1, 'Other', 8],
      [3, 'Deep link', 11],
    ]);
  });

  it('skips the frontmatter and fenced code', () => {
    const outline = documentOutline(
      doc('---\ntitle: x\n# not a heading\n---\n# Real\n```\n# code\n```\n~~~~\n# also code\n~~~~\n## After'),
    );
    expect(outline.map((h) => h.text)).toEqual(['Real', 'After']);
  });

  it('does not take a rule under a list or after a blank line for a setext heading', () => {
    expect(documentOutline(doc('- item\n---\n\n---\ntext'))).toEqual([]);
  });

  it('gives each heading its offset so the editor can move there', () => {
    const text = 'intro\n\n## Two';
    expect(documentOutline(doc(text))[0]!.from).toBe(text.indexOf('## Two'));
  });
});

describe('currentHeadingIndex', () => {
  it('finds the section holding a position', () => {
    const outline = documentOutline(doc('intro\n# A\ntext\n# B\ntext'));
    expect(currentHeadingIndex(outline, 0)).toBe(-1);
    expect(currentHeadingIndex(outline, outline[0]!.from)).toBe(0);
    expect(currentHeadingIndex(outline, outline[1]!.from + 3)).toBe(1);
  });
});
