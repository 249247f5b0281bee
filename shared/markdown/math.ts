import type { Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';

/**
 * KaTeX settings for Folio: `trust: false` (no `\href`, `\url`, `\includegraphics`, classes or
 * ids from the author), a bounded `maxExpand` and `maxSize` so macro bombs stop quickly, no
 * throwing (a bad formula shows as an error in place), and MathML output only. MathML needs no
 * inline `style` attributes, which the sanitizer would otherwise have to allow; Chromium,
 * Firefox and Safari all lay MathML out natively.
 */
export const katexOptions = {
  trust: false,
  maxExpand: 200,
  maxSize: 20,
  throwOnError: false,
  strict: 'ignore',
  output: 'mathml',
} as const;

/** Renders `$inline$` and `$$display$$` math (parsed by `remark-math`) with KaTeX. */
const math: Plugin<[], Root> = function () {
  // rehype-katex is itself a plugin: run its transformer with Folio's settings.
  const transform = rehypeKatex.call(this, katexOptions) as (tree: Root, file: VFile) => void;
  return (tree, file) => {
    const positions = tree.children.map((node) => node.position);
    transform(tree, file);
    // Display math replaces its block without a position; keep it for source lines.
    if (tree.children.length !== positions.length) return;
    tree.children.forEach((node, index) => {
      if (!node.position && node.type === 'element') node.position = positions[index];
    });
  };
};

export default math;
