import type { Html, Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';

/** Deepest container nesting (block quotes and list items) a single line may open. */
export const maxContainerDepth = 32;
/** Leading indentation kept on a line, in characters; deeper indentation only costs time. */
export const maxIndent = 128;
/** Deepest tree the renderer builds; deeper subtrees are replaced by a short notice. */
export const maxTreeDepth = 256;
/** Deepest raw HTML element nesting kept as HTML; past it all raw HTML shows as text. */
export const maxHtmlDepth = 128;

const marker = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * Caps container nesting in the source before parsing, line by line (so line numbers never
 * change): past {@link maxContainerDepth} markers on one line the next marker is escaped, and
 * indentation past {@link maxIndent} is cut. A stock parser overflows its stack on a line of
 * 3,000 list markers and takes quadratic time on thousands of nested indented list items.
 */
export function capNesting(markdown: string): string {
  if (!needsCap(markdown)) return markdown;
  return markdown
    .split('\n')
    .map((line) => capLine(line))
    .join('\n');
}

function needsCap(markdown: string): boolean {
  // Cheap test first: only lines with very long marker runs or indentation are touched.
  return new RegExp(`(^|\\n)[ \\t>*+\\-.)0-9]{${maxContainerDepth * 2},}`).test(markdown);
}

function capLine(line: string): string {
  let rest = line;
  let prefix = '';
  let depth = 0;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    if (indent.length > maxIndent) {
      rest = rest.slice(indent.length - maxIndent);
    }
    const match = marker.exec(rest);
    if (!match) break;
    if (++depth > maxContainerDepth) {
      const lead = /^ */.exec(rest)![0];
      return `${prefix}${lead}\\${rest.slice(lead.length)}`;
    }
    prefix += match[0];
    rest = rest.slice(match[0].length);
  }
  return prefix + rest;
}

const tooDeep = 'Nested too deeply to show.';

/**
 * Bounds the tree the renderer walks: subtrees deeper than {@link maxTreeDepth} become a short
 * notice, and when raw HTML would nest deeper than {@link maxHtmlDepth} (thousands of `<div>`s
 * overflow the HTML-to-tree step), every raw HTML node is shown as text instead. Iterative, so
 * it cannot overflow itself.
 */
const nestingCap: Plugin<[], Root> = () => (tree) => {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  const html: Html[] = [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'html') html.push(node);
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (depth + 1 >= maxTreeDepth && 'children' in child) {
        children[index] = { type: 'text', value: tooDeep, position: child.position } as Nodes;
        continue;
      }
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  if (html.length > 0 && htmlDepth(html) > maxHtmlDepth) {
    for (const node of html) (node as unknown as { type: string }).type = 'text';
  }
};

const voidElements = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

/** Upper bound of the element nesting the raw HTML fragments open, read in document order. */
function htmlDepth(nodes: readonly Html[]): number {
  let depth = 0;
  let max = 0;
  for (const node of nodes) {
    for (const match of node.value.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
      if (voidElements.has(match[2]!.toLowerCase()) || match[3]) continue;
      depth += match[1] ? -1 : 1;
      if (depth < 0) depth = 0;
      max = Math.max(max, depth);
    }
  }
  return max;
}

export default nestingCap;
