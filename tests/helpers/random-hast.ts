import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * The tag names a sanitized body may hold (GitHub's schema, `mark`, a MathML element), some
 * tags the sanitizer removes (so that shapes it could leave behind are covered too), and a
 * custom element.
 */
const tags = [
  'a', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em', 'h1',
  'h2', 'h3', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'ol', 'p', 'picture', 'pre', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'section', 'source', 'span', 'strike', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var',
  'mark', 'math', 'object', 'button', 'caption', 'folio-x', 'a', 'a', 'span', 'p',
]; // prettier-ignore

const texts = ['x', 'a b', ' ', '\n', '\nlead', '\n\n', '', 'tail\n', '\t', 'cr\r\nlf', 'nul\0', '&<>'];

const propertyChoices: (() => Properties)[] = [
  () => ({}),
  () => ({}),
  () => ({ className: ['hljs-keyword'] }),
  () => ({ className: ['two words'] }),
  () => ({ title: 'line\rbreak' }),
  () => ({ dataLine: '3' }),
  () => ({ href: 'https://example.com/' }),
];

/** A random hast tree of at most `depth` levels, with `width` top-level nodes, from `random`. */
export function randomHast(random: () => number, width = 6, depth = 4): Root {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const node = (level: number): ElementContent => {
    if (level >= depth || random() < 0.3) return { type: 'text', value: pick(texts) };
    const count = Math.floor(random() * 4);
    const children: ElementContent[] = [];
    for (let i = 0; i < count; i++) children.push(node(level + 1));
    return { type: 'element', tagName: pick(tags), properties: pick(propertyChoices)(), children };
  };
  const children: RootContent[] = [];
  for (let i = 0; i < width; i++) children.push(node(0));
  return { type: 'root', children };
}

/** What an HTML parser gives for `nodes`' HTML, parsed as one fragment. */
export function parsedFromHtml(nodes: readonly RootContent[]): RootContent[] {
  return fromHtml(toHtml({ type: 'root', children: [...nodes] }), { fragment: true }).children;
}

/**
 * A comparable picture of `nodes`: tag names, attributes as written, class names, and text, with adjacent
 * text nodes merged and empty ones left out (an HTML parser never gives either).
 */
export function shapeOf(nodes: readonly (RootContent | ElementContent)[]): unknown[] {
  const shape: unknown[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value === '') continue;
      if (typeof shape[shape.length - 1] === 'string') shape[shape.length - 1] += node.value;
      else shape.push(node.value);
    } else if (node.type === 'element') {
      const element: Element = { ...node, children: [] };
      // Class names are read one by one (the export looks for `katex`, `hljs-…`).
      const classes = node.properties.className;
      shape.push({
        tag: node.tagName,
        attributes: toHtml(element),
        classes,
        children: shapeOf(node.children),
      });
    } else {
      shape.push({ type: node.type });
    }
  }
  return shape;
}
