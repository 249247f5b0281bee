// The incremental renderer (`./incremental`) is the preview's: imported from its own module, it keeps
// the rope it needs (`@codemirror/state`) out of what the main process loads.
export type { BlockHtml, RenderPatch, TextChange } from './render-patch';
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
