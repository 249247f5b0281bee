import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkCriticMarkup from '../review/remark-critic-markup';
import afterSanitize from './after-sanitize';
import autolinkLiteralPrefilter from './autolink-literal-prefilter';
import fragmentLinks from './fragment-links';
import plainFence, { plainFenceSource } from './frontmatter-fence';
import headingIds from './heading-ids';
import highlight from './highlight';
import math from './math';
import nestingCap, { capNesting } from './nesting-cap';
import rawWhenNeeded from './raw-when-needed';
import { sanitizeSchema } from './sanitize-schema';
import sourceLines from './source-lines';
import syntaxGates from './syntax-gates';

/**
 * A new, unfrozen processor with the steps before sanitizing, which both processors below start
 * from. Deriving `processor` from the frozen `unsafeTreeProcessor` (`unsafeTreeProcessor().use(…)`)
 * ran every attacher again on data already holding their syntax extensions, so the full render
 * parsed with each micromark and mdast extension registered twice: every failed construct
 * attempt (GFM autolinks, tables, math, frontmatter) ran twice.
 */
function unsafeSteps() {
  return unified()
    .use(remarkParse)
    .use(syntaxGates)
    .use(remarkGfm)
    .use(autolinkLiteralPrefilter)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(plainFence)
    .use(remarkMath)
    .use(nestingCap)
    .use(remarkCriticMarkup)
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rawWhenNeeded)
    .use(math)
    .use(highlight)
    .use(headingIds)
    .use(fragmentLinks)
    .use(sourceLines);
}

/**
 * Everything before sanitizing: Markdown (GFM, footnotes, frontmatter, math) to an unsafe hast
 * tree with raw HTML parsed, math typeset, code highlighted, heading ids and source lines. The
 * incremental renderer runs this on parts of an article and sanitizes each block itself with
 * the same schema; nothing else may use its output unsanitized.
 */
export const unsafeTreeProcessor = unsafeSteps().freeze();

/**
 * The one markdown pipeline: preview, export and CLI all render through it, so the export is
 * the preview. Sanitize runs after the last step that can add HTML, then a stricter URL gate and
 * plain heading ids (`after-sanitize`).
 * Built once and frozen.
 */
export const processor = unsafeSteps()
  .use(rehypeSanitize, sanitizeSchema)
  .use(afterSanitize)
  .use(rehypeStringify)
  .freeze();

let wholeRenders = 0;

/**
 * How many whole articles this thread has rendered ({@link renderMarkdown} and
 * {@link renderMarkdownTree} calls, since it started). The export must render each article once:
 * the tests and the bench read this before and after an export to check it.
 */
export function wholeRenderCount(): number {
  return wholeRenders;
}

/**
 * Renders an article's Markdown (frontmatter included) to safe HTML: the simple full-render
 * entry point (export, CLI). Throws only on input too deeply nested to walk (a `RangeError`);
 * callers show "too complex to preview".
 */
export function renderMarkdown(markdown: string): string {
  wholeRenders++;
  return String(processor.processSync(plainFenceSource(capNesting(markdown))));
}

/** Options of {@link renderMarkdownTree}. */
export interface RenderTreeOptions {
  /**
   * Re-parse the whole tree with parse5 even without raw HTML (default false): what the
   * pipeline did before it skipped that step, kept for the equivalence tests.
   */
  readonly fullRaw?: boolean;
}

/** What {@link renderMarkdownTree} returns. */
export interface RenderedTree {
  /** The safe tree that `renderMarkdown` serializes: `toHtml(tree)` is its output. */
  readonly tree: Root;
  /** True when the article had raw HTML (the tree then went through parse5). */
  readonly hadRawHtml: boolean;
}

/**
 * {@link renderMarkdown} without the last step: the sanitized hast tree instead of its HTML, so
 * that the export can read and change the body without parsing the HTML again.
 */
export function renderMarkdownTree(markdown: string, options: RenderTreeOptions = {}): RenderedTree {
  wholeRenders++;
  // The same file renderMarkdown processes (an unclosed frontmatter fence masked), plus the flag.
  const file = plainFenceSource(capNesting(markdown));
  file.data.folioFullRaw = options.fullRaw ?? false;
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, hadRawHtml: file.data.folioHadRawHtml ?? false };
}
