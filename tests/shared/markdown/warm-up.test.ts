import { describe, expect, it } from 'vitest';
import { planChunks } from '../../../shared/markdown/chunk-plan';
import { renderChunk } from '../../../shared/markdown/chunk-render';
import { renderMarkdownTree } from '../../../shared/markdown';
import { warmUpPipeline, warmUpText } from '../../../shared/markdown/warm-up';

describe('the pipeline warm-up', () => {
  it('renders every chunk of its text as a worker renders an article, each construct included', () => {
    const text = warmUpText();
    const plan = planChunks(text, { chunkSize: 4_000 });
    expect(plan!.chunks.length).toBeGreaterThanOrEqual(3);
    // No chunk falls back (raw HTML, a block across a cut): each runs the worker's whole path.
    for (const chunk of plan!.chunks) expect(renderChunk(chunk).problem).toBeNull();
    // The constructs of a long article are all there, as the pipeline renders them.
    const html = JSON.stringify(renderMarkdownTree(text).tree);
    for (const expected of [
      'em',
      'strong',
      'code',
      'blockquote',
      'table',
      'del',
      'katex',
      'hljs',
      'footnote',
      'checkbox',
      'img',
      'critic',
    ]) {
      expect(html, expected).toContain(expected);
    }
    expect(() => warmUpPipeline()).not.toThrow();
  });
});
