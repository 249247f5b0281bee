import type { Html, Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';

/** Deepest container nesting (block quotes and list items) a single line may open. */
export const maxContainerDepth = 32;
/** Leading indentation kept on a line, in characters; deeper indentation only costs time. */
export const maxIndent = 64;
/** Deepest tree the renderer builds; deeper subtrees are replaced by a short notice. */
export const maxTreeDepth = 256;
/** Deepest raw HTML element nesting kept as HTML; past it all raw HTML shows as text. */
export const maxHtmlDepth = 128;

const marker = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * Caps container nesting in the source before parsing, keeping every offset and line (source
 * positions stay exact): past {@link maxContainerDepth} markers on one line the next marker is
 * swapped for a look-alike that is text, and indentation past {@link maxIndent} becomes
 * non-breaking spaces. A stock parser overflows its stack on a line of
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

/** Stand-ins that look like container markers but are not: the cap keeps every offset. */
const inert: Record<string, string> = {
  '>': '\u203a',
  '-': '\u2010',
  '*': '\u2217',
  '+': '\u2795',
  '.': '\u2024',
  ')': '\u2769',
};

function capLine(line: string): string {
  let out = '';
  let rest = line;
  let depth = 0;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    if (indent.length > maxIndent) {
      // Non-breaking spaces look the same but are text, so the line stops nesting here.
      out += indent.slice(0, maxIndent) + '\u00a0'.repeat(indent.length - maxIndent);
      return out + rest.slice(indent.length);
    }
    const match = marker.exec(rest);
    if (!match) break;
    if (++depth > maxContainerDepth) {
      const lead = /^ */.exec(rest)![0];
      const body = rest.slice(lead.length);
      const digits = /^\d*/.exec(body)![0];
      const char = body.charAt(digits.length);
      return `${out}${lead}${digits}${inert[char] ?? char}${body.slice(digits.length + 1)}`;
    }
    out += match[0];
    rest = rest.slice(match[0].length);
  }
  return out + rest;
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

const voidElements = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

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
