import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * Folio's sanitize schema: GitHub's defaults (which prefix ids and names with `user-content-`),
 * plus the attributes the preview needs (source lines, code languages), and URL protocols limited
 * to http, https and mailto. Relative URLs pass here; `safe-urls` rejects the forms this schema
 * cannot express (`//host`, backslashes).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // CriticMarkup suggestions (shared/review/remark-critic-markup.ts): ins, del, mark, comment span.
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine', 'dataLineEnd'],
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-[\w+#-]+$/]],
    ...Object.fromEntries(
      ['ins', 'del', 'mark', 'span'].map((tag) => [
        tag,
        [...(defaultSchema.attributes?.[tag] ?? []), ['className', /^critic(?:-[a-z]+)?$/]],
      ]),
    ),
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
    src: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
};
