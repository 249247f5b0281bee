import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';

describe('source lines', () => {
  it('marks every top-level block with its first and last source line', () => {
    const html = renderMarkdown('---\ntitle: x\n---\n\nPara\ngraph\n\n- a\n- b\n\n| a |\n|---|\n| 1 |\n');
    expect(html).toContain('<p data-line="5" data-line-end="6">');
    expect(html).toContain('<ul data-line="8" data-line-end="9">');
    expect(html).toContain('<table data-line="11" data-line-end="13">');
    expect(html).not.toMatch(/<li[^>]*data-line/);
  });

  it('renders a link left open before the footnotes section, which the HTML parser opens again', () => {
    const text = 'See a note.[^a]\n  <a href="https://example.com">\n[^A]: The note.\n';
    const html = renderMarkdown(text);
    expect(html).toContain('<section data-footnotes');
    expect(html).toContain('The note.');
  });
});
