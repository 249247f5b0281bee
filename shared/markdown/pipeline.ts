import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkCriticMarkup from '../review/remark-critic-markup';
import safeUrls from './safe-urls';
import { sanitizeSchema } from './sanitize-schema';
import sourceLines from './source-lines';

/**
 * The one markdown pipeline: preview, export and CLI all render through it, so the export is
 * the preview. Sanitize runs after the last step that can add HTML. Built once and frozen.
 */
export const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkCriticMarkup)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(sourceLines)
  .use(rehypeSanitize, sanitizeSchema)
  .use(safeUrls)
  .use(rehypeStringify)
  .freeze();

/** Renders an article's Markdown (frontmatter included) to safe HTML. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
