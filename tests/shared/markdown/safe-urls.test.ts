import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../../../shared/markdown';

describe('safe URLs', () => {
  it('reads a scheme only where the URL parser does: a letter, then letters, digits, + - .', () => {
    const relative = [
      'foo):',
      'a b:c',
      '1http://x',
      '-x:y',
      'foo%3Ajavascript:x',
      'é:x',
      '.x:y',
      'x/y:z',
      'x?y:z',
      'x#y:z',
    ];
    expect(relative.filter((url) => !isSafeUrl(url))).toEqual([]);
    const refused = [
      'javascript:alert(1)',
      'JavaScript:x',
      'vbscript:x',
      'data:text/html,x',
      'irc://x',
      'a+b+c:d',
      'file:///etc',
      'c:/x',
      'C:\\x',
    ];
    expect(refused.filter((url) => isSafeUrl(url))).toEqual([]);
    const allowed = [
      'http://example.com',
      'HTTPS://example.com',
      'mailto:a@example.com',
      '#top',
      'a.md',
      '../b.png',
    ];
    expect(allowed.filter((url) => !isSafeUrl(url))).toEqual([]);
  });

  it('keeps a relative link with a colon after a character no scheme has (CommonMark example 500)', () => {
    expect(renderMarkdown('[link](foo\\)\\:)')).toContain('<a href="foo):">link</a>');
    expect(renderMarkdown('<a href="a b:c">x</a> ![y](x%20y:z.png)')).toContain('href="a b:c"');
    expect(renderMarkdown('![y](x%20y:z.png)')).toContain('src="x%20y:z.png"');
  });

  it('still drops every scheme outside http, https and mailto, in links and images', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](irc://x) ![c](data:image/png;base64,AAAA) <a href="jAvAsCrIpT:x">d</a>',
    );
    expect(html).not.toMatch(/href=|src=/);
  });
});
