import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { sanitizeSchema } from '../../../shared/markdown';

/** Pasted HTML larger than this is pasted as plain text instead (characters). */
export const maxPastedHtmlChars = 2_000_000;

/**
 * HTML → Markdown for pasting from web pages. The HTML is parsed by parse5 into a syntax tree
 * (an inert document: nothing is loaded, run or assigned to `innerHTML`), sanitized with the
 * preview's schema, turned into mdast and written as GFM Markdown.
 */
const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })
  .freeze();

/**
 * Converts pasted HTML to Markdown. Returns null when there is nothing worth converting (the
 * caller then pastes the plain text), e.g. for HTML that holds only text.
 */
export function htmlToMarkdown(html: string): string | null {
  if (html.length > maxPastedHtmlChars) return null;
  const markdown = String(processor.processSync(html)).trim();
  return markdown === '' ? null : markdown;
}
