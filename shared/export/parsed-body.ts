import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { parsesBackUnchanged } from './parse-stable';

/**
 * Start tags that, as the first of a fragment, put the parser in a table or head mode for the
 * rest of it: a body whose first element is one of these is parsed whole.
 */
const modeSettingTags = new Set([
  'base',
  'basefont',
  'bgsound',
  'caption',
  'col',
  'colgroup',
  'link',
  'meta',
  'noframes',
  'script',
  'style',
  'tbody',
  'td',
  'template',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
]);

/** Written after a run of nodes: it must come back last and empty, or something stayed open. */
const endMark = 'folio-parse-end';

/**
 * The body as an HTML parser reads `toHtml(tree)` (`fromHtml(toHtml(tree), { fragment: true })`),
 * without writing and parsing all of it: the top-level nodes that are known to come back
 * unchanged ({@link parsesBackUnchanged}) are kept as they are, and each run of the others is
 * written and parsed on its own, from the state the whole parse would be in there (nothing
 * open, in body mode once an element came before). A run is checked to leave nothing open (an
 * element written after it must come back last and empty); when one does not, or when the
 * first element could change the parser's mode for the whole fragment, the whole tree is parsed.
 * Changes and returns `tree`'s children (or a new tree).
 */
export function asParsedFromHtml(tree: Root): Root {
  const nodes = tree.children;
  const children: RootContent[] = [];
  let afterElement = false;
  let index = 0;
  while (index < nodes.length) {
    const node = nodes[index]!;
    if (parsesBackUnchanged(node)) {
      children.push(node);
      afterElement ||= node.type === 'element';
      index++;
      continue;
    }
    let end = index + 1;
    while (end < nodes.length && !parsesBackUnchanged(nodes[end]!)) end++;
    const run = nodes.slice(index, end);
    const parsed = parseRun(run, afterElement);
    if (parsed === null) return fromHtml(toHtml(tree), { fragment: true });
    children.push(...parsed);
    afterElement ||= run.some((item) => item.type === 'element');
    index = end;
  }
  tree.children = children;
  return tree;
}

/**
 * The nodes an HTML parser gives for `run`'s HTML, read from where the whole body's parse would
 * be; `null` when that cannot be reproduced on its own (see {@link asParsedFromHtml}).
 */
function parseRun(run: RootContent[], afterElement: boolean): RootContent[] | null {
  if (!afterElement) {
    const first = run.find((node): node is Element => node.type === 'element');
    if (first && modeSettingTags.has(first.tagName)) return null;
  }
  // The fragment parser picks its mode from the first start tag: an empty `<div>` picks body
  // mode, as the elements before this run did in the whole parse.
  const opener = afterElement ? '<div></div>' : '';
  const parsed = fromHtml(`${opener}${toHtml({ type: 'root', children: run })}<${endMark}></${endMark}>`, {
    fragment: true,
  }).children;
  if (!isEmptyElement(parsed[parsed.length - 1], endMark)) return null;
  if (afterElement && !isEmptyElement(parsed[0], 'div')) return null;
  return parsed.slice(afterElement ? 1 : 0, -1);
}

function isEmptyElement(node: RootContent | undefined, tagName: string): boolean {
  return node?.type === 'element' && node.tagName === tagName && node.children.length === 0;
}
