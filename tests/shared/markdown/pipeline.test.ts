import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../../../shared/markdown';

describe('the markdown pipeline', () => {
  it('renders GFM and hides the frontmatter', () => {
    const html = renderMarkdown('---\ntitle: x\n---\n\n# Title\n\n| a |\n|---|\n| 1 |\n\n- [x] done\n');
    expect(html).not.toContain('title: x');
    expect(html).toContain('<h1 id="title" data-line="5" data-line-end="5">Title</h1>');
    expect(html).toContain('<table');
    expect(html).toContain('type="checkbox"');
  });

  it('removes scripts, handlers and unsafe URLs from raw HTML and links', () => {
    const html = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '<img src="x" onerror="alert(1)">',
        '[a](javascript:alert(1)) [b](//evil.example/x) [c](\\\\server\\share)',
        '<a href="vbscript:x">v</a> <iframe src="https://evil.example"></iframe>',
        '<img srcset="javascript:alert(1) 1x" src="ok.png">',
        '<div id="x" name="y">clobber</div>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(
      /<script|onerror|javascript:|vbscript:|<iframe|evil\.example|srcset|\\\\server/i,
    );
    expect(html).toContain('id="user-content-x"');
    expect(html).toContain('src="ok.png"');
  });

  it('accepts only relative, http, https and mailto URLs', () => {
    expect(isSafeUrl('images/a.png')).toBe(true);
    expect(isSafeUrl('#part')).toBe(true);
    expect(isSafeUrl('https://example.com')).toBe(true);
    expect(isSafeUrl('mailto:a@example.com')).toBe(true);
    expect(isSafeUrl('//example.com')).toBe(false);
    expect(isSafeUrl('java\tscript:alert(1)')).toBe(false);
    expect(isSafeUrl('C:/Windows')).toBe(false);
    expect(isSafeUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeUrl('irc://x')).toBe(false);
  });
});
