import type { Element, Root } from 'hast';
import { eachElement } from './each-element';
import { sanitizeSchema } from './sanitize-schema';

/**
 * The prefix the sanitizer gives every id and name (DOM clobbering): ids written in the
 * article's HTML, footnotes (`user-content-fn-1`, `user-content-fnref-1`) and, here undone,
 * generated heading ids.
 */
export const clobberPrefix = sanitizeSchema.clobberPrefix ?? 'user-content-';

/**
 * The id a heading with GitHub slug `slug` carries in the page: the slug itself, so that
 * `article.html#introduction` reaches it from anywhere without a script. A slug that is empty
 * or already starts with the clobber prefix (a heading “User content fn 1”) keeps the prefix, as
 * every id does on GitHub: ids in the prefix's space then stay the footnotes' and the author
 * HTML's, and no heading can take one of theirs.
 */
export function headingAnchorId(slug: string): string {
  return slug === '' || slug.startsWith(clobberPrefix) ? clobberPrefix + slug : slug;
}

/**
 * Gives the headings that `heading-ids` slugged (they carry `folioSlugText`) their plain slug
 * back after the sanitizer prefixed it: runs right after sanitizing. Ids written in the
 * article's HTML keep the prefix. A slug is lower case letters, digits, `-` and `_` (marks and
 * letters of other scripts too), so it cannot shadow Folio's own reads of the preview frame
 * (`getElementById`, `addEventListener` have capitals; a document's named properties come from
 * `name` attributes and forms, images and embeds, never from a heading's id).
 */
export function unprefixHeadingIds(tree: Root): void {
  eachElement(tree, (node: Element) => {
    const text = (node.data as { folioSlugText?: string } | undefined)?.folioSlugText;
    const id = node.properties.id;
    if (text === undefined || typeof id !== 'string' || !id.startsWith(clobberPrefix)) return;
    node.properties.id = headingAnchorId(id.slice(clobberPrefix.length));
  });
}
