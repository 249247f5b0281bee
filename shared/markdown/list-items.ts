import type { Element, RootContent as HastContent } from 'hast';
import type { List, ListItem, Nodes as MdastNodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Block } from './cut-units';
import { innerUnitMinChars, type InnerRun } from './inner-blocks';

/**
 * Node types that make an item tell something to the rest of the article (ids, numbers,
 * definitions), or whose raw HTML the HTML parser reads with every item around it (an element
 * left open in one item is opened again in the next): an item holding one is rendered with its
 * list.
 */
const coupling = new Set(['html', 'heading', 'definition', 'footnoteDefinition', 'footnoteReference']);

function holdsCoupling(node: MdastNodes): boolean {
  let found = false;
  visit(node, (child) => {
    if (coupling.has(child.type)) {
      found = true;
      return false;
    }
  });
  return found;
}

/**
 * Whether a list renders loose, as remark-rehype decides it: a blank line between two items
 * (`spread`) or inside one makes every item's paragraphs `<p>` elements.
 */
function listLoose(list: List): boolean {
  return (
    list.spread === true ||
    list.children.some((item) =>
      item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread,
    )
  );
}

/**
 * The items of a long top-level list whose HTML can be replaced alone, as inner runs of the
 * list's element (see inner-blocks.ts): a unit of one list block of {@link innerUnitMinChars} or
 * more, without raw HTML anywhere in it, rendered as one `<ul>` or `<ol>` whose `<li>` children
 * are its items in order. Items holding a heading, a definition or a footnote are left out.
 * `windowText` is the rendered part's source, which starts at offset `partFrom` of the article.
 * Typing in a changelog's item then renders that item, not its list of a hundred.
 */
export function listItemRuns(
  group: readonly Block[],
  nodes: readonly HastContent[],
  windowText: string,
  partFrom: number,
): Map<Element, InnerRun[]> {
  const found = new Map<Element, InnerRun[]>();
  const block = group[0];
  if (group.length !== 1 || !block || block.node.type !== 'list') return found;
  if (block.to - block.from < innerUnitMinChars || nodes.length !== 1) return found;
  const element = nodes[0]!;
  if (element.type !== 'element' || (element.tagName !== 'ul' && element.tagName !== 'ol')) return found;
  const list = block.node;
  if (holdsHtml(list)) return found;
  const items = element.children.flatMap((child, index) =>
    child.type === 'element' && child.tagName === 'li' ? [{ child, index }] : [],
  );
  if (items.length !== list.children.length) return found;
  const loose = listLoose(list);
  const lineOffset = block.line - (list.position?.start.line ?? block.line);
  const runs: InnerRun[] = [];
  list.children.forEach((item: ListItem, at) => {
    const start = item.position?.start.offset;
    let end = item.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (end > start && windowText[end - 1] === '\n') end--;
    const lineStart = windowText.lastIndexOf('\n', start - 1) + 1;
    const from = partFrom + lineStart;
    const { child, index } = items[at]!;
    if (child.position?.start.offset !== start || holdsCoupling(item)) return;
    const itemBlock: Block = {
      from,
      to: partFrom + end,
      line: item.position!.start.line + lineOffset,
      lineEnd:
        item.position!.end.line + lineOffset - (windowText[item.position!.end.offset! - 1] === '\n' ? 1 : 0),
      node: item,
      htmlDepth: 0,
      tags: [],
    };
    const tail = listTail(item, windowText);
    runs.push({
      block: itemBlock,
      raw: false,
      parent: element,
      index,
      count: 1,
      listItem: { first: at === 0, loose, item: at, tail: tail === null ? undefined : tail - lineStart },
    });
  });
  if (runs.length > 0) found.set(element, runs);
  return found;
}

/** Whether raw HTML stands anywhere in a list. */
function holdsHtml(list: List): boolean {
  let found = false;
  visit(list, 'html', () => {
    found = true;
    return false;
  });
  return found;
}

/**
 * The start of the line where the list an item ends with starts (an offset of `value`, in which
 * the item was parsed), when that list has `minChars` or more: a changelog's "Libraries" item
 * holding the release's fifty entries. `null` when the item's last block is no such list.
 */
export function listTail(item: ListItem, value: string, minChars = innerUnitMinChars): number | null {
  const last = item.children[item.children.length - 1];
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (last?.type !== 'list' || item.children.length < 2 || start === undefined || end === undefined)
    return null;
  if (end - start < minChars || end !== item.position?.end.offset) return null;
  return value.lastIndexOf('\n', start - 1) + 1;
}
