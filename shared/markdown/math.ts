import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import type { Plugin } from 'unified';
import { SKIP, visitParents } from 'unist-util-visit-parents';

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

/**
 * Typesets `$inline$` and `$$display$$` math (and ```` ```math ```` fences) with KaTeX, like
 * `rehype-katex`, whose browser build needs `DOMParser` and so cannot run in the preview
 * worker: this parses KaTeX's output with parse5 (`hast-util-from-html`) everywhere. Display
 * math keeps its block's source position for the source-line attributes.
 */
const math: Plugin<[], Root> = () => (tree) => {
  visitParents(tree, 'element', (element: Element, parents) => {
    const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
    const fenced = classes.includes('language-math');
    const display = classes.includes('math-display');
    if (!fenced && !display && !classes.includes('math-inline')) return;
    let parent = parents[parents.length - 1];
    let scope: Element = element;
    let displayMode = display;
    if (fenced && parent?.type === 'element' && parent.tagName === 'pre') {
      scope = parent;
      parent = parents[parents.length - 2];
      displayMode = true;
    }
    if (!parent) return;
    const source = toText(scope, { whitespace: 'pre' });
    let html: string;
    try {
      html = katex.renderToString(source, { ...katexOptions, displayMode });
    } catch (error) {
      const replacement: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['katex-error'], title: String(error) },
        children: [{ type: 'text', value: source }],
      };
      parent.children.splice(parent.children.indexOf(scope), 1, replacement);
      return SKIP;
    }
    const nodes = fromHtml(html, { fragment: true }).children as ElementContent[];
    if (nodes.length === 1 && nodes[0]!.type === 'element') nodes[0]!.position = scope.position;
    parent.children.splice(parent.children.indexOf(scope), 1, ...nodes);
    return SKIP;
  });
};

export default math;
