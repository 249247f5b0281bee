import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Plugin, Processor } from 'unified';

type Transform = (tree: Root) => Root | undefined | void;

/** remark-gfm's autolink-literal transform (a module-level function, so the same reference). */
const literalTransform = gfmAutolinkLiteralFromMarkdown().transforms?.[0] as Transform | undefined;

/**
 * Text that any of the transform's four patterns could match must hold one of these: its URL
 * pattern needs `http://`, `https://` or `www.` (any case) and its e-mail, `mailto:` and `xmpp:`
 * patterns need an `@`.
 */
const candidate = /https?:\/\/|www\.|@/i;

/**
 * Skips remark-gfm's autolink-literal transform when no text in the tree could hold a literal
 * link. That transform (`mdast-util-find-and-replace`) walks the whole tree once per pattern,
 * four times, and took about a seventh of the export of a long article that has no bare URL at
 * all. Here one walk looks for text holding a candidate (`http://`, `www.`, `@`); only then does
 * the stock transform run, unchanged, over the whole tree. Without a candidate none of its
 * patterns can match and it would change nothing, so the output is the same either way. Use it
 * right after remark-gfm.
 */
const autolinkLiteralPrefilter: Plugin<[], Root> = function (this: Processor) {
  if (!literalTransform) return;
  const extensions = (this.data('fromMarkdownExtensions') ?? []) as unknown[];
  const wrapped: Transform = (tree) => (hasCandidate(tree) ? literalTransform(tree) : undefined);
  replaceTransform(extensions, literalTransform, wrapped);
};

function replaceTransform(extensions: readonly unknown[], from: Transform, to: Transform): void {
  for (const extension of extensions) {
    if (Array.isArray(extension)) {
      replaceTransform(extension, from, to);
      continue;
    }
    const transforms = (extension as { transforms?: Transform[] } | null)?.transforms;
    if (!Array.isArray(transforms)) continue;
    const index = transforms.indexOf(from);
    if (index !== -1) transforms[index] = to;
  }
}

/** Whether any text node (links included: a superset is safe) holds a candidate. */
function hasCandidate(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (candidate.test(node.value)) return true;
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child);
    }
  }
  return false;
}

export default autolinkLiteralPrefilter;
