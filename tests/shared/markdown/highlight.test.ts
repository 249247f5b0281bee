import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';

describe('syntax highlighting', () => {
  it('highlights fenced code in a known language', () => {
    const html = renderMarkdown('```ts\nconst x: number = 1; // one\n```');
    expect(html).toContain('<code class="hljs language-ts">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="hljs-comment">// one</span>');
  });

  it('leaves code without a language, or in an unknown one, as plain text', () => {
    expect(renderMarkdown('```\nconst x\n```')).toBe(
      '<pre data-line="1" data-line-end="3"><code>const x\n</code></pre>',
    );
    expect(renderMarkdown('```nosuchlanguage\nconst x\n```')).not.toContain('hljs-');
  });
});
