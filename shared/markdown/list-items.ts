import type { Element, RootContent as HastContent } from 'hast';
import type { List, ListItem, Nodes as MdastNodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Block } from './cut-units';
import { innerUnitMinChars, type InnerRun } from './inner-blocks';
import { htmlBalance, htmlTags } from './raw-html-tags';

/**
 * Node types that make an item tell something to the rest of the article (ids, numbers,
 * definitions): an item holding one is rendered with its list.
 */
const coupling = new Set(['heading', 'definition', 'footnoteDefinition', 'footnoteReference']);

/**
 * Elements that raw HTML in an item may open and close, which the HTML parser places inside the
 * item's `<li>` whatever is around it: containers and phrasing content. Not `li`, `dd`, `dt`
 * and the like, whose start closes an element around them, nor tables, forms, headings (ids),
 * raw text or foreign content.
 */
const itemHtmlElements = new Set(
  (
    'a abbr address article aside b bdi bdo blockquote br center cite code data del details dfn div ' +
    'em figcaption figure footer header hr i img ins kbd main mark nav p picture q s samp section ' +
    'small source span strong sub summary sup time u var wbr'
  ).split(' '),
);

/**
 * Whether the raw HTML in a list item, if any, stays inside it: it closes every element it opens,
 * in order, leaves no comment or tag unfinished, and names only {@link itemHtmlElements}. The HTML
 * parser then reads the item alone as it reads it among the others: nothing it opens is opened
 * again in the next item, and nothing closes the `<li>` around it.
 */
export function itemHtmlStaysInside(item: ListItem): boolean {
  let any = false;
  visit(item, 'html', () => {
    any = true;
    return false;
  });
  if (!any) return true;
  const tags = htmlTags(item);
  if (tags === null || htmlBalance(item) !== 0) return false;
  const open: string[] = [];
  for (const tag of tags) {
    const name = tag.slice(1);
    if (!itemHtmlElements.has(name)) return false;
    if (tag.startsWith('+')) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

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
 * more, whose items each keep their raw HTML inside them ({@link itemHtmlStaysInside}), rendered as one `<ul>` or `<ol>` whose `<li>` children
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
  // Raw HTML in any item is read in one stream with every item after it: each must keep its own.
  if (!list.children.every(itemHtmlStaysInside)) return found;
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
