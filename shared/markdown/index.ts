export { IncrementalRenderer, type BlockHtml, type RenderPatch, type TextChange } from './incremental';
export { capNesting } from './nesting-cap';
export {
  processor,
  renderMarkdown,
  renderMarkdownTree,
  wholeRenderCount,
  type RenderTreeOptions,
  type RenderedTree,
} from './pipeline';
export { isSafeUrl } from './safe-urls';
export { sanitizeSchema } from './sanitize-schema';
