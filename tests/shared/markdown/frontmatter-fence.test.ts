import { describe, expect, it } from 'vitest';
import { renderMarkdown, unsafeTreeProcessor } from '../../../shared/markdown/pipeline';
import { unclosedFrontmatterFence } from '../../../shared/markdown/frontmatter-fence';

const variants = [
  '---\ntitle: x\n---\nBody\n',
  '---\n---\nBody',
  '---  \r\ntitle: x\r\n---  \r\nBody',
  '---\ntitle: x\n----\nBody\n',
  '---\ntitle: x\n --- \nBody\n',
  '---\ntitle: x\n---x\nBody\n',
  '---\ntitle: x\n\nBody\n',
  '---\ntitle: x\n---',
  '+++\ntitle = "x"\n+++\nBody\n',
  '+++\ntitle = "x"\n\nBody\n',
  '+++\n---\n',
  '--- \nno closing at all',
];

describe('an unclosed frontmatter fence', () => {
  it('is recognised exactly where the frontmatter parser finds no closing fence', () => {
    for (const text of variants) {
      // remark-frontmatter's toml node is not in mdast's own list of types.
      const first: string | undefined = unsafeTreeProcessor.parse(text).children[0]?.type;
      const closed = first === 'yaml' || first === 'toml';
      expect(unclosedFrontmatterFence(text) === null, JSON.stringify(text)).toBe(closed);
    }
  });

  it('renders the article as a plain document, as GitHub does', () => {
    const html = renderMarkdown('---\ntitle: x\n\n> quote\n\n- item\n');
    expect(html).toContain('<hr data-line="1" data-line-end="1">');
    expect(html).toContain('<p data-line="2" data-line-end="2">title: x</p>');
    expect(html).toContain('<blockquote data-line="4" data-line-end="4">');
    expect(html).toContain('<ul data-line="6" data-line-end="6">');
  });

  it('keeps an unclosed +++ as the text it is', () => {
    const html = renderMarkdown('+++\ntitle = "x"\n\n> quote\n');
    expect(html).toContain('<p data-line="1" data-line-end="2">+++\ntitle = "x"</p>');
    expect(html).toContain('<blockquote');
    expect(html).not.toContain('\uE000');
  });

  it('still hides a closed frontmatter block', () => {
    expect(renderMarkdown('---\ntitle: x\n---\n\n> quote\n')).toBe(
      '<blockquote data-line="5" data-line-end="5">\n<p>quote</p>\n</blockquote>',
    );
  });
});
