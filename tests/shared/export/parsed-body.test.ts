import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { buildHtmlDocument, prepareArticle, textOf } from '../../../shared/export';
import { asParsedFromHtml } from '../../../shared/export/parsed-body';
import { renderMarkdownTree } from '../../../shared/markdown';
import { parsedFromHtml, randomHast, shapeOf } from '../../helpers/random-hast';
import { seededRandom } from '../../helpers/seeded-random';

const el = (tagName: string, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** Both ways of reading a body back, compared as shapes and as bytes. */
function expectLikeWholeParse(tree: Root): void {
  const whole = parsedFromHtml(tree.children);
  const cheap = asParsedFromHtml(structuredClone(tree));
  expect(shapeOf(cheap.children)).toEqual(shapeOf(whole));
  expect(toHtml(cheap)).toBe(toHtml({ type: 'root', children: whole }));
}

const exportOptions = {
  css: '.folio-article {}',
  images: new Map([['a.png', 'data:image/png;base64,AA==']]),
  toc: true,
  titleBlock: 'always' as const,
  linkArticlesAsHtml: true,
};

/**
 * Markdown whose raw HTML the sanitizer leaves in shapes an HTML parser reads differently: each
 * body would export differently if it were used as the pipeline gives it.
 */
const hostileArticles: Record<string, string> = {
  'a block left inside a paragraph by an unwrapped <object>':
    '# Top\n\nBefore.\n\n<p>a <object><div>inside</div></object> b</p>\n\nAfter *this*.\n',
  'a table with stray text from an unwrapped <caption>':
    'Intro.\n\n<table><caption>stray words</caption><tr><td>cell</td></tr></table>\n\n| a |\n| - |\n| b |\n',
  'a link nested in a link through an unwrapped <object>':
    'Intro.\n\n<a href="https://a.example/"><object><a href="https://b.example/">inner</a></object> outer</a>\n\n[after](https://c.example/)\n',
  'a heading nested in a heading': 'Intro.\n\n<h1>one <object><h2>two</h2></object></h1>\n\n## Three\n',
  'a line feed first in <pre> once an element is unwrapped':
    'Intro.\n\n<pre><object>\nkept line</object></pre>\n\n```\n\nblank first line\n```\n',
  'carriage returns from character references':
    'Intro <span title="a&#13;b">x&#13;y</span>.\n\nA &#13; B and ![alt &#13; text](a.png "t&#13;")\n',
  'a list item in a list item through an unwrapped element':
    '- <span><li>inner</li></span> outer\n- next\n\n<ul><li><object><li>deep</li></object></li></ul>\n',
};

describe('reading a sanitized body as an HTML parser reads its HTML', () => {
  it('gives what parsing all of the HTML gives, for 3,000 random bodies', () => {
    for (let seed = 1; seed <= 3_000; seed++) expectLikeWholeParse(randomHast(seededRandom(seed), 8, 4));
  });

  it.each(Object.entries(hostileArticles))('exports %s as re-parsing all of it does', (_, markdown) => {
    const { tree } = renderMarkdownTree(markdown);
    // The case matters: the pipeline's own tree is not what the parser gives.
    expect(shapeOf(tree.children)).not.toEqual(shapeOf(parsedFromHtml(tree.children)));
    expectLikeWholeParse(tree);
    const cheap = prepareArticle('notes/post.md', markdown);
    const whole = prepareArticle('notes/post.md', markdown, { reparse: true });
    expect(textOf(cheap.body)).toBe(textOf(whole.body));
    expect([cheap.headings, cheap.images, cheap.links]).toEqual([whole.headings, whole.images, whole.links]);
    expect(buildHtmlDocument(cheap, exportOptions)).toBe(buildHtmlDocument(whole, exportOptions));
  });

  it('reads a run after an element in body mode, as the whole parse does', () => {
    // Alone, a leading `<tr>` would put the parser in a table mode; after a paragraph it is dropped.
    expectLikeWholeParse({
      type: 'root',
      children: [el('p', [text('a')]), el('tr', [el('td', [text('x')])])],
    });
  });

  it('parses the whole body when its first element puts the parser in a table mode', () => {
    // The cell makes the parser drop the table after it: keeping that table would be wrong.
    const table = el('table', [el('tbody', [el('tr', [el('td', [text('y')])])])]);
    expectLikeWholeParse({ type: 'root', children: [el('td', [text('x')]), table, el('p', [text('z')])] });
  });

  it('parses the whole body when a run leaves the parser inside an element', () => {
    // Everything after `<plaintext>` is its text, the paragraph after it included.
    const tree: Root = {
      type: 'root',
      children: [el('p', [text('a')]), el('plaintext', [text('b')]), el('p', [text('c')])],
    };
    expectLikeWholeParse(tree);
    expect(textOf(asParsedFromHtml(structuredClone(tree)))).toContain('<p>c</p>');
  });

  it('keeps the stable nodes themselves, not copies', () => {
    const stable = el('p', [text('kept')]);
    const tree: Root = { type: 'root', children: [stable, el('p', [el('div', [text('x')])])] };
    expect(asParsedFromHtml(tree).children[0]).toBe(stable);
    expect(fromHtml(toHtml(tree), { fragment: true }).children[0]).not.toBe(stable);
  });
});
