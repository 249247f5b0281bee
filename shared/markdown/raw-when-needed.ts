import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { find, html } from 'property-information';
import type { Plugin } from 'unified';

declare module 'vfile' {
  interface DataMap {
    /** Parse the whole tree again even without raw HTML (the equivalence tests' reference). */
    folioFullRaw: boolean;
    /** Set by the plugin: whether the tree had raw HTML (and so went through parse5). */
    folioHadRawHtml: boolean;
    /**
     * The tree is a part of an article that has elements before it: parse5 was "in body" there
     * before the part's first raw HTML, even where the part has no element before it.
     */
    folioInBody: boolean;
  }
}

/**
 * `rehype-raw`, but only where it changes something. Passing a tree through parse5 turns raw
 * HTML into elements and fixes the nesting around it; a tree that came from Markdown alone is
 * already well formed, and re-parsing it cost about a third of a full render of a long article.
 * So the top-level blocks before the first one holding raw HTML are kept as they are, and
 * parse5 runs on the rest (raw HTML left open swallows whatever follows it, so everything after
 * goes through). A tree without raw HTML is not re-parsed at all. The blocks kept get the two
 * changes the round trip would have made to them (see {@link likeReparsed}). The tests render
 * every fixture both ways (`file.data.folioFullRaw`) and require identical bytes.
 */
const rawWhenNeeded: Plugin<[], Root> = () => (tree, file) => {
  const first = file.data.folioFullRaw ? 0 : tree.children.findIndex(containsRaw);
  file.data.folioHadRawHtml = file.data.folioFullRaw || first !== -1;
  // parse5's fragment mode starts "in template", where the first start tag picks the mode; the
  // full parse had already seen a Markdown block (which sets "in body"), so the tail starts
  // after an empty element that does the same, and that element is dropped afterwards. (In
  // "in template", an end tag before the first start tag is ignored: a stray `</p>` makes no
  // empty paragraph.) A part of an article after its first element starts "in body" too.
  const prefix = tree.children.slice(0, first === -1 ? tree.children.length : first);
  const startsInBody = file.data.folioInBody === true || prefix.some((node) => node.type === 'element');
  if (first !== -1 && !startsInBody) {
    return raw(tree, { file }) as Root;
  }
  for (const node of prefix) if (node.type === 'element') likeReparsed(node);
  if (first === -1) return;
  const opener: Element = { type: 'element', tagName: 'div', properties: {}, children: [] };
  const tail = raw({ type: 'root', children: [opener, ...tree.children.slice(first)] }, { file }) as Root;
  tree.children = [...prefix, ...tail.children.slice(1)];
};

/**
 * What passing an element without raw HTML through parse5 (as `hast-util-raw` feeds it, token by
 * token) changes in it, done in place: a property set to `true` that is not a boolean attribute
 * becomes `''` (it went out as `data-footnote-ref=""` and came back as a string), and the line
 * feed that starts the first text after a `<pre>` start tag is dropped, even inside `<code>`
 * (parse5 skips it until the next character, comment or end tag; start tags do not reset it).
 */
function likeReparsed(element: Element): void {
  const props = element.properties;
  for (const key in props) {
    if (props[key] !== true) continue;
    const info = find(html, key);
    if (!info.boolean && !info.overloadedBoolean && !info.booleanish) props[key] = '';
  }
  if (element.tagName === 'pre' || element.tagName === 'listing') dropLeadingLineFeed(element);
  for (const child of element.children) if (child.type === 'element') likeReparsed(child);
}

function dropLeadingLineFeed(element: Element): void {
  let node: ElementContent | undefined = element.children[0];
  while (node?.type === 'element') node = node.children[0];
  if (node?.type === 'text' && node.value.startsWith('\n')) node.value = node.value.slice(1);
}

function containsRaw(node: RootContent): boolean {
  if (node.type === 'raw') return true;
  return node.type === 'element' && node.children.some((child) => containsRaw(child));
}

export default rawWhenNeeded;
