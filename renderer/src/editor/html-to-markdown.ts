import type { Root as HastRoot } from 'hast';
import type { Nodes, Parent, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { removeUnsafeUrls, sanitizeSchema } from '../../../shared/markdown';

/** Pasted HTML larger than this is pasted as plain text instead (characters). */
export const maxPastedHtmlChars = 2_000_000;

/**
 * HTML → Markdown for pasting from web pages. The HTML is parsed by parse5 into a syntax tree
 * (an inert document: nothing is loaded, run or assigned to `innerHTML`), sanitized with the
 * preview's schema and URL rules, turned into mdast and written as GFM Markdown.
 */
const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, sanitizeSchema)
  .use(() => (tree: HastRoot) => removeUnsafeUrls(tree))
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
  })
  .freeze();

/** mdast nodes that plain text cannot carry; HTML with none of them pastes as plain text. */
const plainTypes = new Set(['root', 'paragraph', 'text', 'break']);

/**
 * Replaces links whose URL the URL rules removed (e.g. `javascript:`) by their text, and says
 * whether the tree holds anything richer than paragraphs of text.
 */
function tidy(node: Nodes): boolean {
  let rich = !plainTypes.has(node.type);
  if ('children' in node) {
    const parent = node as Parent;
    parent.children = parent.children.flatMap((child) =>
      child.type === 'link' && !child.url ? child.children : [child],
    );
    for (const child of parent.children) if (tidy(child as Nodes)) rich = true;
  }
  return rich;
}

/**
 * Converts pasted HTML to Markdown. Returns null when plain text serves as well (HTML that is
 * only text, such as code copied from another editor) or the HTML is too large or too deeply
 * nested to convert; the caller then lets the plain text paste.
 */
export function htmlToMarkdown(html: string): string | null {
  if (html.length > maxPastedHtmlChars) return null;
  try {
    const tree = processor.runSync(processor.parse(html)) as Root;
    if (!tidy(tree)) return null;
    const markdown = processor.stringify(tree).trim();
    return markdown === '' ? null : markdown;
  } catch {
    // Hostile nesting can exhaust the stack of the tree walkers: paste the plain text instead.
    return null;
  }
}
