import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { buildHtmlDocument, exportCsp, prepareArticle, usedFeatures } from '../../../shared/export';
import { hostileArticle } from '../../helpers/hostile-article';
import { dangerousParts, expectValidHtml as expectValid } from '../../helpers/html-checks';

function build(
  markdown: string,
  options: Partial<Parameters<typeof buildHtmlDocument>[1]> = {},
  path = 'a.md',
) {
  return buildHtmlDocument(prepareArticle(path, markdown), { css: 'body{}', images: new Map(), ...options });
}

const rich = [
  '---',
  'title: A rich article',
  'description: What it is about',
  'author: [Ada, Grace]',
  'date: 2024-03-05',
  'lang: fr-CA',
  'canonical: https://example.com/rich',
  'image: https://example.com/cover.png',
  'tags: [one, two]',
  '---',
  '',
  '## First part',
  '',
  'Text with a [link](#first-part), a footnote.[^1] and `code`.',
  '',
  '### A detail',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '- [x] done',
  '- [ ] not done',
  '',
  '```js',
  'let x = 1;',
  '```',
  '',
  '## Second part',
  '',
  '> quoted',
  '',
  '[^1]: The note.',
  '',
].join('\n');

describe('buildHtmlDocument', () => {
  it('writes a standalone HTML5 page that html-validate accepts without errors', async () => {
    const html = build(rich, { toc: true, titleBlock: 'always' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr-CA">')).toBe(true);
    await expectValid(html);
  });

  it('puts every metadata field in the head, escaped', () => {
    const html = build(rich);
    expect(html).toContain('<title>A rich article</title>');
    expect(html).toContain('<meta name="description" content="What it is about">');
    expect(html).toContain('<meta name="author" content="Ada, Grace">');
    expect(html).toContain('<link rel="canonical" href="https://example.com/rich">');
    expect(html).toContain('<meta property="og:image" content="https://example.com/cover.png">');
    expect(html).toContain('<meta property="article:published_time" content="2024-03-05">');
    expect(html).toContain('<meta property="article:tag" content="two">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('keeps a title containing </title><script> as text', () => {
    const html = build('---\ntitle: "x </title><script>alert(1)</script>"\n---\nBody\n');
    expect(html).toContain('<title>x &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).not.toMatch(/<script/i);
  });

  it('carries a CSP meta that allows no script at all', () => {
    const html = build(rich);
    expect(html).toContain(`content="${exportCsp('inline').replaceAll("'", '&#39;')}"`);
    expect(exportCsp('inline')).toContain("script-src 'none'");
    expect(exportCsp('inline')).toContain("default-src 'none'");
    expect(exportCsp('inline')).not.toContain("'self'");
    expect(exportCsp('copy')).toContain("img-src data: https: http: 'self'");
  });

  it('renders the body exactly as the preview pipeline does, inside <article>, without source-line attributes', () => {
    const html = build('Plain **bold** text.\n', { titleBlock: 'never' });
    expect(html).toContain(
      '<article class="folio-article">\n<p>Plain <strong>bold</strong> text.</p>\n</article>',
    );
    expect(html).not.toContain('data-line');
  });

  it('shows the title block only when the body has no H1 of its own, unless asked', () => {
    expect(build('---\ntitle: T\n---\nText\n')).toContain('<header class="folio-title-block">\n<h1>T</h1>');
    expect(build('Text without any title\n')).not.toContain('folio-title-block');
    expect(build('---\ntitle: T\n---\n# Own heading\n')).not.toContain('folio-title-block');
    expect(build('---\ntitle: T\n---\nText\n', { titleBlock: 'never' })).not.toContain('folio-title-block');
  });

  it('builds a nested table of contents from H2 and H3 with working anchors', () => {
    const html = build(rich, { toc: true });
    expect(html).toContain(
      '<li><a href="#first-part">First part</a>\n<ol>\n<li><a href="#a-detail">A detail</a></li>\n</ol>\n</li>',
    );
    expect(html).toContain('<h2 id="first-part">First part</h2>');
    expect(html).toContain('<a href="#first-part">link</a>');
  });

  it('points in-page links at plain heading slugs, footnotes and ids written in the article’s HTML', () => {
    const html = build(
      [
        '## Setup',
        '## Setup',
        '<a name="old-anchor"></a>',
        '<h2 id="raw-part">Raw part</h2>',
        '[a](#setup) [b](#setup-1) [c](#old-anchor) [d](#raw-part) [e](#nowhere) [f](#user-content-fn-1) Note[^1].',
        '[^1]: Text.',
      ].join('\n\n'),
      { toc: true },
    );
    expect(html).toContain('<h2 id="setup">Setup</h2>');
    expect(html).toContain('<h2 id="setup-1">Setup</h2>');
    expect(html).toContain('<li><a href="#setup">Setup</a></li>\n<li><a href="#setup-1">Setup</a></li>');
    expect(html).toContain('<a href="#setup">a</a> <a href="#setup-1">b</a>');
    expect(html).toContain('<a href="#user-content-old-anchor">c</a> <a href="#user-content-raw-part">d</a>');
    expect(html).toContain('<a href="#nowhere">e</a> <a href="#user-content-fn-1">f</a>');
    expect(html).toMatch(/<li id="user-content-fn-1">[\s\S]*href="#user-content-fnref-1"/);
  });

  it('adds KaTeX, highlight and review styles only when the article uses them', () => {
    const options = { mathCss: '.katex{MATH}', highlightCss: '.hljs{HL}', reviewCss: '.critic{REVIEW}' };
    const plain = build('Text\n', options);
    expect(plain).not.toContain('MATH');
    expect(plain).not.toContain('HL');
    expect(plain).not.toContain('REVIEW');
    const prepared = prepareArticle('a.md', 'Text\n');
    const withAll = buildHtmlDocument(
      { ...prepared, usesMath: true, usesKatexHtml: true, usesHighlight: true, usesCriticMarkup: true },
      { css: '', images: new Map(), ...options },
    );
    expect(withAll).toContain('MATH');
    expect(withAll).toContain('HL');
    expect(withAll).toContain('REVIEW');
    const mathMlOnly = buildHtmlDocument(
      { ...prepared, usesMath: true },
      { css: '', images: new Map(), ...options },
    );
    expect(mathMlOnly).not.toContain('MATH');
  });

  it('reads which styles a body needs from its class names', () => {
    const none = usedFeatures(fromHtml('<p>plain <code>x</code></p>', { fragment: true }));
    expect(none).toEqual({
      usesMath: false,
      usesKatexHtml: false,
      usesHighlight: false,
      usesCriticMarkup: false,
    });
    const mathMl = usedFeatures(
      fromHtml('<p><span class="katex"><math><mi>x</mi></math></span></p>', { fragment: true }),
    );
    expect(mathMl).toMatchObject({ usesMath: true, usesKatexHtml: false });
    const all = usedFeatures(
      fromHtml(
        '<span class="katex-display"><span class="katex"><span class="katex-html">x</span></span></span>' +
          '<pre><code class="language-js"><span class="hljs-keyword">let</span></code></pre><ins class="critic critic-ins">a</ins>',
        { fragment: true },
      ),
    );
    expect(all).toEqual({ usesMath: true, usesKatexHtml: true, usesHighlight: true, usesCriticMarkup: true });
  });

  it('rewrites links to articles as .html links in a library export, keeping anchors', () => {
    const html = build(
      '[b](../notes/b.md#part) [c](c.markdown) [site](https://example.com/x.md)',
      { linkArticlesAsHtml: true },
      'posts/a.md',
    );
    expect(html).toContain('href="../notes/b.html#part"');
    expect(html).toContain('href="c.html"');
    expect(html).toContain('href="https://example.com/x.md"');
  });

  it('replaces local images from the map, keeps remote ones, and turns missing ones into their alt text', () => {
    const html = build('![here](img/a.png) ![remote](https://example.com/r.png) ![gone](img/missing.png)', {
      images: new Map([['img/a.png', 'data:image/png;base64,AAAA']]),
    });
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="here">');
    expect(html).toContain('<img src="https://example.com/r.png" alt="remote">');
    expect(html).not.toContain('missing.png');
    expect(html).toContain('gone');
  });

  it('lets no script, event handler or unsafe URL through from hostile body or frontmatter', async () => {
    const html = build(hostileArticle, { toc: true, titleBlock: 'always' });
    expect(dangerousParts(html)).toEqual([]);
    expect(html).not.toMatch(/="\s*(javascript|vbscript|data:text)/i);
    expect(html).not.toMatch(/srcset=/i);
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:image');
    expect(html).not.toMatch(
      /\sname="(?!user-content-|viewport|description|author|keywords|generator|color-scheme|referrer)/,
    );
    await expectValid(html);
  });

  it('cannot be broken out of its <style> element by a custom stylesheet', () => {
    const html = build('x', { css: 'a{} </style><script>alert(1)</script>' });
    expect(dangerousParts(html)).toEqual([]);
  });
});
