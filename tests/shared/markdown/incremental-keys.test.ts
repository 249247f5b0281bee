import { describe, expect, it } from 'vitest';
import { renderMarkdown, type BlockHtml } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';

const article = [
  '# Title',
  '',
  'A paragraph that cites a note.[^note]',
  '',
  'A paragraph that stays as it is.',
  '',
  '- a list',
  '- that stays too',
  '',
  '[^note]: The note.',
  '',
].join('\n');

function keyOf(blocks: readonly BlockHtml[], text: string): number {
  const block = blocks.find((candidate) => candidate.html.includes(text));
  if (!block) throw new Error(`no block holds ${text}`);
  return block.key;
}

describe('IncrementalRenderer keys', () => {
  it('keeps the keys of the blocks a whole render leaves as they were, and only those', () => {
    const renderer = new IncrementalRenderer();
    const opened = renderer.reset(article).blocks;
    // A note whose label stops existing renumbers the notes: one whole render.
    const at = article.indexOf('[^note]:') + 2;
    const patch = renderer.edit([{ from: at, to: at + 'note'.length, insert: 'other' }]);
    expect(patch.full).toBe(true);
    expect(renderer.html()).toBe(renderMarkdown(article.replace('[^note]:', '[^other]:')));
    for (const kept of ['Title', 'stays as it is', 'that stays too']) {
      expect(keyOf(patch.blocks, kept)).toBe(keyOf(opened, kept));
    }
    expect(keyOf(patch.blocks, 'cites')).not.toBe(keyOf(opened, 'cites'));
    expect(new Set(patch.blocks.map((block) => block.key)).size).toBe(patch.blocks.length);
  });

  it('gives repeated blocks their keys in order, once each', () => {
    const text = 'Same.\n\nSame.\n\nOther.\n';
    const renderer = new IncrementalRenderer();
    const first = renderer.reset(text).blocks.map((block) => block.key);
    const again = renderer.reset(`${text}\nSame.\n`).blocks.map((block) => block.key);
    expect(again.slice(0, 3)).toEqual(first);
    expect(first).not.toContain(again[3]);
  });
});
