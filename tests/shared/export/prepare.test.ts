import { describe, expect, it } from 'vitest';
import { buildHtmlDocument, prepareArticle, textOf } from '../../../shared/export';
import { markdownCorpus } from '../../helpers/markdown-corpus';

const options = {
  css: '.folio-article {}',
  images: new Map([['a.png', 'data:image/png;base64,AA==']]),
  toc: true,
  titleBlock: 'always' as const,
  linkArticlesAsHtml: true,
};

describe('preparing an article from the pipeline tree', () => {
  it('exports every corpus article byte-identically to re-parsing the preview HTML', () => {
    const differing: string[] = [];
    for (const { name, markdown } of markdownCorpus()) {
      const fast = prepareArticle('notes/post.md', markdown);
      const reparsed = prepareArticle('notes/post.md', markdown, { reparse: true });
      const same =
        textOf(fast.body) === textOf(reparsed.body) &&
        JSON.stringify([fast.headings, fast.images, fast.links]) ===
          JSON.stringify([reparsed.headings, reparsed.images, reparsed.links]) &&
        buildHtmlDocument(fast, options) === buildHtmlDocument(reparsed, options);
      if (!same) differing.push(name);
    }
    expect(differing).toEqual([]);
    // Hundreds of renders twice over: on a loaded shared machine this takes a while.
  }, 300_000);

  it('keeps CRLF articles exactly as parsing the HTML gives them (line feeds only)', () => {
    const article = prepareArticle('post.md', '# A\r\n\r\nline one\r\nline two\r\n');
    expect(textOf(article.body)).not.toContain('\r');
    expect(buildHtmlDocument(article, options)).toContain('line one\nline two');
  });
});
