export { processor, renderMarkdown } from './pipeline';
export { isSafeUrl } from './safe-urls';
export { sanitizeSchema } from './sanitize-schema';
