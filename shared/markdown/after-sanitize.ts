import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { unprefixHeadingIds } from './heading-anchors';
import { removeUnsafeUrls } from './safe-urls';

/**
 * What every render does right after sanitizing a tree (the whole article, a chunk, a block of
 * the incremental preview): the stricter URL gate ({@link removeUnsafeUrls}), then heading ids
 * back to their plain slugs ({@link unprefixHeadingIds}).
 */
export function afterSanitize(tree: Root): void {
  removeUnsafeUrls(tree);
  unprefixHeadingIds(tree);
}

/** The unified plugin form of {@link afterSanitize}. */
const afterSanitizePlugin: Plugin<[], Root> = () => afterSanitize;

export default afterSanitizePlugin;
