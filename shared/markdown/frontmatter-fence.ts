import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { findFrontmatter, openingFence } from '../frontmatter/find-block';

declare module 'vfile' {
  interface DataMap {
    /** Set when an unclosed `+++` fence was masked before parsing (see {@link plainFenceSource}). */
    folioMaskedFence: boolean;
  }
}

/** A private-use character standing in for the first `+` of a masked fence (same length). */
const mask = '\uE000';

/**
 * The fence of a frontmatter block opened on line 1 and never closed (`---` or `+++`), or
 * `null`. micromark-extension-frontmatter tries such a block to the end of the article and,
 * failing, leaves the parser unable to open block quotes or lists for the rest of it; GitHub
 * and remark without frontmatter read the article as a plain document instead.
 */
export function unclosedFrontmatterFence(text: string): '---' | '+++' | null {
  const open = openingFence(text);
  // Only a fence line with a line break after it opens a block; a BOM is micromark's to skip.
  if (!open || open.from !== 0 || open.lineEnd === text.length) return null;
  return findFrontmatter(text) ? null : open.fence;
}

/**
 * `text` with an unclosed frontmatter fence on line 1 made plain, keeping every offset: `---`
 * becomes `***` (the same thematic break), `+++` starts with a private-use stand-in that
 * {@link plainFence} turns back into `+` after parsing. Other text is returned as it is.
 */
export function plainFenceSource(text: string): VFile {
  const fence = unclosedFrontmatterFence(text);
  if (fence === '---') return new VFile({ value: `***${text.slice(3)}` });
  if (fence === '+++')
    return new VFile({ value: `${mask}${text.slice(1)}`, data: { folioMaskedFence: true } });
  return new VFile({ value: text });
}

/**
 * Puts back the `+` that {@link plainFenceSource} masked, in the text node that starts the
 * article; does nothing for files it did not mask.
 */
const plainFence: Plugin<[], Root> = () => (tree, file) => {
  if (!file.data.folioMaskedFence) return;
  visit(tree, 'text', (node) => {
    if (node.position?.start.offset !== 0 || !node.value.startsWith(mask)) return undefined;
    node.value = `+${node.value.slice(1)}`;
    return false;
  });
};

export default plainFence;
