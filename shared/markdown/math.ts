import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import type { Plugin } from 'unified';

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
  // Found first, typeset after: the walk never enters a formula, as unist-util-visit-parents'
  // SKIP did, and nothing typeset can hold another formula.
  const found: { element: Element; parent: Root | Element; grandparent: Root | Element | null }[] = [];
  const find = (parent: Root | Element, grandparent: Root | Element | null): void => {
    for (const element of parent.children) {
      if (element.type !== 'element') continue;
      const classes = element.properties.className;
      if (
        Array.isArray(classes) &&
        (classes.includes('language-math') ||
          classes.includes('math-display') ||
          classes.includes('math-inline'))
      ) {
        found.push({ element, parent, grandparent });
        continue;
      }
      find(element, parent);
    }
  };
  find(tree, null);
  for (const { element, parent: elementParent, grandparent } of found) {
    const classes = element.properties.className as (string | number)[];
    const fenced = classes.includes('language-math');
    let parent: Root | Element | null = elementParent;
    let scope: Element = element;
    let displayMode = classes.includes('math-display');
    if (fenced && parent.type === 'element' && parent.tagName === 'pre') {
      scope = parent;
      parent = grandparent;
      displayMode = true;
    }
    if (!parent) continue;
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
      continue;
    }
    const nodes = fromHtml(html, { fragment: true }).children as ElementContent[];
    // Positions in KaTeX's own HTML are not the article's: the units read nodes' positions.
    for (const node of nodes) dropPositions(node);
    if (nodes.length === 1 && nodes[0]!.type === 'element') nodes[0]!.position = scope.position;
    parent.children.splice(parent.children.indexOf(scope), 1, ...nodes);
  }
};

function dropPositions(node: ElementContent): void {
  delete node.position;
  if (node.type === 'element') for (const child of node.children) dropPositions(child);
}

export default math;
