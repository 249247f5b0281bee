import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import autolinkLiteralPrefilter from '../../../shared/markdown/autolink-literal-prefilter';
import { markdownCorpus } from '../../helpers/markdown-corpus';

const stock = unified().use(remarkParse).use(remarkGfm).freeze();
const filtered = unified().use(remarkParse).use(remarkGfm).use(autolinkLiteralPrefilter).freeze();

type AnyProcessor = typeof stock | typeof filtered;

function tree(processor: AnyProcessor, markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}

describe('the autolink-literal prefilter', () => {
  it('gives the same tree as remark-gfm alone, bare links and e-mail addresses included', () => {
    const cases = [
      ...markdownCorpus().map((entry) => entry.markdown),
      'Visit www.example.com, https://example.com/a_(b) or HTTP://EXAMPLE.COM today.',
      'Mail me@example.com, mailto:a@b.co or xmpp:x@y.org/res; not a @handle.',
      '[www.example.com](https://x.y) and `https://in.code` and <https://angle.org>',
      generateArticle(2_000),
    ];
    for (const markdown of cases) expect(tree(filtered, markdown)).toEqual(tree(stock, markdown));
  }, 120_000);

  it('replaces remark-gfm’s transform in the processor, so a tree without candidates is not searched', () => {
    const stockTransform = gfmAutolinkLiteralFromMarkdown().transforms![0];
    const transforms = (processor: AnyProcessor): unknown[] =>
      (processor.data('fromMarkdownExtensions') ?? [])
        .flat()
        .flatMap((extension) => (extension as { transforms?: unknown[] }).transforms ?? []);
    expect(transforms(stock)).toContain(stockTransform);
    expect(transforms(filtered)).not.toContain(stockTransform);
    expect(transforms(filtered())).not.toContain(stockTransform);
  });
});
