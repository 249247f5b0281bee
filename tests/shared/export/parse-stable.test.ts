import type { Element, ElementContent, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { parsesBackUnchanged } from '../../../shared/export/parse-stable';
import { renderMarkdownTree } from '../../../shared/markdown';
import { parsedFromHtml, randomHast, shapeOf } from '../../helpers/random-hast';
import { seededRandom } from '../../helpers/seeded-random';

const el = (
  tagName: string,
  children: ElementContent[] = [],
  properties: Element['properties'] = {},
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** Shapes a sanitized tree can hold that an HTML parser reads differently, each with why. */
const hostileShapes: Record<string, RootContent> = {
  'a block inside a paragraph (an unwrapped <object> held it)': el('p', [text('a'), el('div', [text('b')])]),
  'a list item inside a list item (through a <span>)': el('ul', [
    el('li', [el('span', [el('li', [text('x')])])]),
  ]),
  'a link inside a link': el('a', [el('a', [text('x')], { href: 'https://b.example/' })], {
    href: 'https://a.example/',
  }),
  'a heading inside a heading': el('h1', [el('h2', [text('x')])]),
  'text straight inside a table': el('table', [
    text('stray'),
    el('tbody', [el('tr', [el('td', [text('x')])])]),
  ]),
  'a row straight inside a table': el('table', [el('tr', [el('td', [text('x')])])]),
  'a cell outside a table': el('div', [el('td', [text('x')])]),
  'a line feed first in <pre>': el('pre', [text('\nx')]),
  'a carriage return in text': el('p', [text('a\r\nb')]),
  'a NUL in text': el('p', [text('a\0b')]),
  'a carriage return in an attribute': el('span', [text('x')], { title: 'a\rb' }),
  'a class name holding a space': el('span', [text('x')], { className: ['katex html'] }),
  'a void element with children': el('img', [text('alt')], { src: 'a.png' }),
};

describe('deciding that a node comes back from the HTML parser unchanged', () => {
  it('never calls a node stable that the parser reads differently (4,000 random trees)', () => {
    const wrong: string[] = [];
    let stable = 0;
    let total = 0;
    for (let seed = 1; seed <= 4_000; seed++) {
      for (const node of randomHast(seededRandom(seed), 3, 4).children) {
        total++;
        if (!parsesBackUnchanged(node)) continue;
        stable++;
        if (JSON.stringify(shapeOf(parsedFromHtml([node]))) !== JSON.stringify(shapeOf([node])))
          wrong.push(`seed ${seed}: ${JSON.stringify(shapeOf([node]))}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Not a vacuous "nothing is stable": a good share of the random nodes is.
    expect(stable / total).toBeGreaterThan(0.3);
  });

  it.each(Object.entries(hostileShapes))(
    'does not call %s stable, and the parser does change it',
    (_, node) => {
      expect(parsesBackUnchanged(node)).toBe(false);
      expect(shapeOf(parsedFromHtml([node]))).not.toEqual(shapeOf([node]));
    },
  );

  it('calls every block of a Markdown body without raw HTML stable, math aside', () => {
    const markdown = [
      '# Title',
      'Some *words*, **strong**, `code`, ~~gone~~, a [link](https://example.com/ "t") and ![an image](a.png).[^1]',
      '- one\n- two\n  - nested\n\n  continued',
      '1. first\n2. second',
      '- [x] done\n- [ ] todo',
      '> quoted\n> still',
      '```js\nconst x = 1;\n```',
      '```\n\nstarts with a blank line\n```',
      '    indented code',
      '| a | b |\n| --- | ---: |\n| 1 | `2` |',
      'Hard  \nbreak and a rule:\n\n***',
      '[^1]: The note.',
    ].join('\n\n');
    const { tree, hadRawHtml } = renderMarkdownTree(markdown);
    expect(hadRawHtml).toBe(false);
    const unstable = tree.children.filter((node) => !parsesBackUnchanged(node));
    expect(unstable.map((node) => (node.type === 'element' ? node.tagName : node.type))).toEqual([]);
  });
});
