import { describe, expect, it } from 'vitest';
import { buildHtmlDocument, prepareArticle, textOf } from '../../../shared/export';
import { markdownCorpus } from '../../helpers/markdown-corpus';
import { realBook, realDocuments } from '../../helpers/real-documents';

const options = {
  css: '.folio-article {}',
  images: new Map([['a.png', 'data:image/png;base64,AA==']]),
  toc: true,
  titleBlock: 'always' as const,
  linkArticlesAsHtml: true,
};

/** The names of the documents whose export differs from one that re-parses all the preview HTML. */
function differingFromReparse(documents: readonly { name: string; markdown: string }[]): string[] {
  const differing: string[] = [];
  for (const { name, markdown } of documents) {
    const fast = prepareArticle('notes/post.md', markdown);
    const reparsed = prepareArticle('notes/post.md', markdown, { reparse: true });
    const same =
      textOf(fast.body) === textOf(reparsed.body) &&
      JSON.stringify([fast.headings, fast.images, fast.links]) ===
        JSON.stringify([reparsed.headings, reparsed.images, reparsed.links]) &&
      buildHtmlDocument(fast, options) === buildHtmlDocument(reparsed, options);
    if (!same) differing.push(name);
  }
  return differing;
}

describe('preparing an article from the pipeline tree', () => {
  // Hundreds of renders twice over: on a loaded shared machine these take a while.
  it('exports every corpus article byte-identically to re-parsing the preview HTML', () => {
    expect(differingFromReparse(markdownCorpus())).toEqual([]);
  }, 300_000);

  it('exports the real book byte-identically to re-parsing the preview HTML', () => {
    expect(differingFromReparse([{ name: 'real book', markdown: realBook() }])).toEqual([]);
  }, 300_000);

  it('exports every real document byte-identically to re-parsing the preview HTML', () => {
    const documents = realDocuments();
    expect(documents.length).toBeGreaterThan(500);
    expect(differingFromReparse(documents)).toEqual([]);
  }, 600_000);

  it('keeps CRLF articles exactly as parsing the HTML gives them (line feeds only)', () => {
    const article = prepareArticle('post.md', '# A\r\n\r\nline one\r\nline two\r\n');
    expect(textOf(article.body)).not.toContain('\r');
    expect(buildHtmlDocument(article, options)).toContain('line one\nline two');
  });
});
