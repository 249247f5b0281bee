import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';

const bannedElements = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'meta',
  'base',
  'link',
  'style',
  'svg',
  'frame',
]);
const urlProperties = ['href', 'src', 'srcSet', 'cite', 'action', 'formAction', 'poster', 'longDesc', 'data'];

/** What a payload left that could run, load or navigate: an empty list when it is harmless. */
function dangers(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (bannedElements.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if (name === 'style') found.push(`${node.tagName}[style]`);
      if (!urlProperties.includes(name)) continue;
      if (name === 'srcSet') found.push(`${node.tagName}[srcset]`);
      const url = new URL(String(value), 'https://folio.invalid/library/');
      if (!['https:', 'http:', 'mailto:'].includes(url.protocol)) found.push(`${name}=${String(value)}`);
      if (url.host && url.host !== 'folio.invalid') found.push(`${name}=${String(value)}`);
    }
  });
  return found;
}

/** Payloads by class, as listed in SECURITY.md; none may survive the pipeline. */
const payloads: Record<string, string[]> = {
  'script elements': [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<svg><script>alert(1)</script></svg>',
  ],
  'event handlers': [
    '<img src="a.png" onerror="alert(1)">',
    '<div onmouseover="alert(1)">x</div>',
    '<svg onload=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<body onload=alert(1)>',
  ],
  'dangerous URL schemes': [
    '[a](javascript:alert(1))',
    '[a](JaVaScRiPt:alert(1))',
    '[a](jav&#x09;ascript:alert(1))',
    '<a href="vbscript:msgbox(1)">v</a>',
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '![i](data:image/svg+xml,<svg onload=alert(1)>)',
    '[irc](irc://evil.example) [x](xmpp:evil@example.com) [f](file:///etc/passwd)',
    '<a href=" javascript:alert(1)">s</a>',
  ],
  'protocol-relative, backslash and UNC paths': [
    '[a](//evil.example/x)',
    '<img src="//evil.example/x.png">',
    '[b](\\\\evil\\share)',
    '<a href="\\\\evil.example\\x">u</a>',
    '[c](/\\evil.example)',
  ],
  srcset: [
    '<img srcset="javascript:alert(1) 1x, //evil.example/x.png 2x" src="ok.png">',
    '<picture><source srcset="//evil.example/x.png"></picture>',
  ],
  'embedding and navigation elements': [
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<form action="https://evil.example"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<style>body{background:url(https://evil.example/x)}</style>',
  ],
  'inline styles': ['<p style="background:url(https://evil.example/x)">s</p>'],
  'math with trust off': [
    '$\\href{javascript:alert(1)}{x}$',
    '$\\url{javascript:alert(1)}$',
    '$\\includegraphics{https://evil.example/x.png}$',
    '$\\htmlClass{x}{y}\\htmlId{evil}{z}\\htmlStyle{color:red}{w}$',
  ],
};

describe('the sanitizer', () => {
  for (const [kind, list] of Object.entries(payloads)) {
    it(`removes ${kind}`, () => {
      for (const payload of list) {
        const html = renderMarkdown(`Before.\n\n${payload}\n\nAfter.`);
        expect(dangers(html), payload).toEqual([]);
        expect(html).toContain('After.');
      }
    });
  }

  it('prefixes author ids, names and footnote ids against DOM clobbering, not heading slugs', () => {
    const html = renderMarkdown(
      '# Title\n\n<div id="folio-preview" name="location">x</div>\n\nA[^n].\n\n[^n]: Note.',
    );
    expect(html).toContain('id="user-content-folio-preview"');
    expect(html).toContain('name="user-content-location"');
    expect(html).toContain('<h1 id="title"');
    expect(html).toContain('id="user-content-fn-n"');
    expect(html).toContain('href="#user-content-fn-n"');
    expect(html).toContain('id="user-content-fnref-n"');
    expect(html).not.toMatch(/user-content-user-content/);
  });

  it('treats code info strings, link titles and alt text as text', () => {
    const html = renderMarkdown(
      '```js" onmouseover="alert(1) <img src=x onerror=alert(1)>\nx\n```\n\n[a](page.md "\\"><script>alert(1)</script>") ![<img src=x onerror=alert(1)>](a.png)',
    );
    expect(dangers(html)).toEqual([]);
    expect(html).toContain('<code class="hljs language-js&#x22;">');
    expect(html).toContain('title="&#x22;><script>alert(1)</script>"');
    expect(html).toContain('alt="<img src=x onerror=alert(1)>"');
  });

  it('keeps the source-line attributes of the renderer and drops those written by the author', () => {
    const html = renderMarkdown('<div data-line="999"><p data-line="5">x</p></div>');
    expect(html).toContain('<div data-line="1" data-line-end="1">');
    expect(html).not.toContain('999');
    expect(html).not.toContain('data-line="5"');
  });
});
