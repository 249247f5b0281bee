import { describe, expect, it } from 'vitest';
import { capNesting, renderMarkdown } from '../../../shared/markdown';
import { maxContainerDepth } from '../../../shared/markdown/nesting-cap';

describe('the nesting cap', () => {
  it('renders 3,000 nested block quotes without overflowing the stack', () => {
    const html = renderMarkdown(`${'>'.repeat(3000)} deep`);
    expect(html.match(/<blockquote>/g)?.length ?? 0).toBeLessThanOrEqual(maxContainerDepth + 1);
    expect(html).toContain('deep');
  });

  it('renders a line of 3,000 list markers', () => {
    expect(() => renderMarkdown(`${'- '.repeat(3000)}x`)).not.toThrow();
  });

  it('renders thousands of ever deeper indented list items', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
    expect(renderMarkdown(text)).toContain('item');
  });

  it('shows 5,000 nested divs as text instead of crashing', () => {
    const html = renderMarkdown(`${'<div>'.repeat(5000)}x`);
    expect(html).toContain('&#x3C;div>');
  });

  it('keeps the length and the line count of the source', () => {
    const source = `${'> '.repeat(100)}x\n${' '.repeat(400)}- y\nplain`;
    const capped = capNesting(source);
    expect(capped.length).toBe(source.length);
    expect(capped.split('\n').length).toBe(3);
    expect(capNesting('plain text\n\n- list')).toBe('plain text\n\n- list');
  });
});
