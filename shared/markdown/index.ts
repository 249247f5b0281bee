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
export { isLocalNetworkHost, isLocalNetworkUrl } from './local-network-urls';
export { clobberPrefix, headingAnchorId } from './heading-anchors';
export { isSafeUrl, listDroppedResources, removeUnsafeUrls, type DroppedResource } from './safe-urls';
export { sanitizeSchema } from './sanitize-schema';
