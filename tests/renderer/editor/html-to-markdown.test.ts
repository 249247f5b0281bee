import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../renderer/src/editor/html-to-markdown';

describe('htmlToMarkdown', () => {
  it('turns a web page fragment into GFM Markdown', () => {
    const html =
      '<meta charset="utf-8"><h2>Title</h2><p>Some <b>bold</b>, <em>italic</em> and <a href="https://ok.example/">a link</a>.</p>' +
      '<ul><li>one</li><li>two</li></ul><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>';
    expect(htmlToMarkdown(html)).toBe(
      '## Title\n\nSome **bold**, *italic* and [a link](https://ok.example/).\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |',
    );
  });

  it('drops scripts, handlers and dangerous URLs like the preview does', () => {
    const markdown = htmlToMarkdown(
      '<p><a href="javascript:alert(1)">bad</a> <img src="x" onerror="alert(1)" alt="pic"></p><script>alert(2)</script>' +
        '<iframe src="https://evil.example"></iframe><p><a href="data:text/html,x">data</a> <strong>kept</strong></p>',
    )!;
    expect(markdown).not.toMatch(/javascript|alert|onerror|iframe|data:/);
    expect(markdown).toContain('bad');
    expect(markdown).toContain('**kept**');
  });

  it('leaves HTML that is only text to the plain-text paste', () => {
    expect(htmlToMarkdown('<div><span>const a = 1;</span></div><div><span>a *= 2;</span></div>')).toBeNull();
    expect(htmlToMarkdown('')).toBeNull();
  });

  it('survives deeply nested hostile markup', () => {
    const nested = '<div>'.repeat(3000) + '<b>deep</b>' + '</div>'.repeat(3000);
    expect(() => htmlToMarkdown(nested)).not.toThrow();
  });
});
