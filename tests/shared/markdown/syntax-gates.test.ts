import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { renderMarkdown } from '../../../shared/markdown';
import syntaxGates, { documentGates } from '../../../shared/markdown/syntax-gates';
import { markdownCorpus } from '../../helpers/markdown-corpus';
import { seededRandom } from './random-article';

const stock = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath);
const gated = unified()
  .use(remarkParse)
  .use(syntaxGates)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath);

function tree(processor: typeof stock | typeof gated, markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** Pieces that bring each gated construct close to matching, or just short of it. */
const pieces = [
  'mail me@example.com',
  'a.b-c+d_e@x.org.',
  ' @handle ',
  'user@',
  '@domain.com',
  'x@y',
  'contact&#64;example.com',
  'www.example.com/path',
  'WWW.Example.COM',
  'www.',
  'wwwx.',
  'https://example.com/a_(b)',
  'HTTP://X.Y',
  'http:/no',
  'httpx://a.b',
  '[link](https://example.com)',
  '<https://angle.org>',
  '`www.code.org`',
  '| a | b |',
  '| --- | :-: |',
  '|---|',
  'a | b',
  '--|--',
  '- | - |',
  '> | x |',
  '> | - |',
  '  | - |',
  '[^n]: | a |',
  '    | - |',
  '---',
  '***',
  '$x$',
  '$$',
  ' ',
  '\t',
  '*',
  '_',
  '~~',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\n> ',
  '\n- ',
  '\n1. ',
  '\n    ',
  'word',
  'héllo',
];

function randomDocument(random: () => number, parts: number): string {
  const out: string[] = random() < 0.1 ? ['\uFEFF'] : [];
  for (let index = 0; index < parts; index++) {
    out.push(pieces[Math.floor(random() * pieces.length)]!);
    if (random() < 0.5) out.push(' ');
  }
  return out.join('');
}

describe('the syntax gates', () => {
  it('parse the corpus and a long article to the same tree as GFM without them, positions included', () => {
    const cases = [...markdownCorpus().map((entry) => entry.markdown), generateArticle(5_000)];
    for (const markdown of cases) expect(tree(gated, markdown)).toEqual(tree(stock, markdown));
  }, 120_000);

  it('parse random documents full of near-miss e-mails, bare links and tables to the same tree', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 3_000; round++) {
      const markdown = randomDocument(random, 4 + Math.floor(random() * 40));
      expect(tree(gated, markdown), JSON.stringify(markdown)).toEqual(tree(stock, markdown));
    }
  }, 120_000);

  it('still find e-mails, bare links and tables where they are', () => {
    const html = renderMarkdown(
      'Write to me@example.com, see www.example.com or https://example.com.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    );
    expect(html).toContain('href="mailto:me@example.com"');
    expect(html).toContain('href="http://www.example.com"');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('<td>2</td>');
  });

  it('leave out what the document cannot hold and test the rest where it is tried', () => {
    expect(documentGates('Plain words only.\n\nMore words.')).toEqual({
      email: false,
      www: false,
      protocol: false,
      table: false,
    });
    const gates = documentGates('a b@c.d\nwww.x https://y\n| h |\n| - |\n');
    const { email, www, protocol, table } = gates;
    if (!email || !www || !protocol || !table) throw new Error('every gate should be open');
    expect([0, 2, 3].map(email)).toEqual([false, true, false]);
    expect([8, 9].map(www)).toEqual([true, false]);
    expect([14, 15].map(protocol)).toEqual([true, false]);
    // Line 3 (the head row) has a delimiter row under it; line 2 does not.
    expect([2, 3].map(table)).toEqual([false, true]);
  });

  it('count offsets after a byte order mark as micromark does', () => {
    const email = documentGates('\uFEFFme@x.org').email;
    if (!email) throw new Error('the e-mail gate should be open');
    expect(email(0)).toBe(true);
  });
});
