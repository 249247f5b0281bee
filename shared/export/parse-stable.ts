import type { Element, ElementContent, RootContent } from 'hast';
import { find, html } from 'property-information';

/**
 * Deciding, without parsing, that one top-level node of a sanitized tree is exactly what an HTML
 * parser (parse5, as `hast-util-from-html` runs it) gives back for its HTML. Hand-written: no
 * library answers this question. The rules follow the HTML standard's "in body", "in table",
 * "in table body", "in row" and "in cell" insertion modes, and are deliberately narrower than
 * it: whatever they do not know is "not stable", and the caller parses that node's HTML.
 *
 * The parser starts each top-level node with nothing open (the node before it closed all it
 * opened). A node is stable when every start tag in its HTML is simply inserted where it is
 * (no element closed before it, no table fixed up, no formatting element re-opened), every end
 * tag closes the element it belongs to, and every character comes through as it is. Then the
 * parser also ends the node with nothing open, and the next node starts the same way.
 */

/** Start tags that close an open `<p>` (in button scope) before they are inserted. */
const closesParagraph = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dd',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
]);

/**
 * Elements the parser inserts as they come in body content, given the conditions checked in
 * {@link isStableElement}: the sanitizer's tag names (GitHub's and `mark`), less `rp` and `rt`
 * (which close open ruby parts) and the table parts (checked on their own). MathML is left out:
 * foreign content follows rules of its own.
 */
const bodyElements = new Set([
  ...closesParagraph,
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'mark',
  'picture',
  'q',
  'ruby',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements without content: their HTML has no room for children. */
const voidElements = new Set(['br', 'hr', 'img', 'input', 'source', 'wbr']);

/** The children the parser accepts as they are inside each table part. */
const tableChildren: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['table', new Set(['thead', 'tbody', 'tfoot'])],
  ['thead', new Set(['tr'])],
  ['tbody', new Set(['tr'])],
  ['tfoot', new Set(['tr'])],
  ['tr', new Set(['td', 'th'])],
]);

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** What is open around a node while its HTML is read. */
interface Context {
  /** The parent's tag name (`''` at the top level). */
  readonly parent: string;
  /** A `<p>` is open: block start tags would close it. */
  readonly inParagraph: boolean;
  /** An `<a>` is open: another `<a>` would close it. */
  readonly inLink: boolean;
  /** A heading is open: another heading may close it. */
  readonly inHeading: boolean;
}

const topLevel: Context = { parent: '', inParagraph: false, inLink: false, inHeading: false };

/**
 * True when an HTML parser reading `toHtml(node)` with nothing open gives back `node` exactly
 * (the same elements, attributes and characters; adjacent text nodes may come back merged) and
 * leaves nothing open. False means "not known to be stable", not "unstable".
 */
export function parsesBackUnchanged(node: RootContent): boolean {
  if (node.type === 'text') return stableText(node.value, topLevel);
  return node.type === 'element' && isStableElement(node, topLevel);
}

function isStableElement(element: Element, context: Context): boolean {
  const tag = element.tagName;
  const tableParent = tableChildren.get(context.parent);
  if (tableParent) {
    if (!tableParent.has(tag)) return false;
  } else if (tableChildren.has(tag) && tag !== 'table') {
    return false;
  } else if (tag === 'td' || tag === 'th' || !bodyElements.has(tag)) {
    return false;
  }
  if (closesParagraph.has(tag) && context.inParagraph) return false;
  if (tag === 'a' && context.inLink) return false;
  if (headings.has(tag) && context.inHeading) return false;
  // An `<li>` looks for an open `<li>` to close up to the nearest list; a `<dd>`/`<dt>` likewise.
  if (tag === 'li' && context.parent !== 'ul' && context.parent !== 'ol') return false;
  if ((tag === 'dd' || tag === 'dt') && context.parent !== 'dl') return false;
  if (!stableProperties(element)) return false;
  const children = element.children;
  if (voidElements.has(tag)) return children.length === 0;
  // The parser drops a line feed right after `<pre>`.
  if (tag === 'pre' && leadingText(children).startsWith('\n')) return false;
  const inner: Context = {
    parent: tag,
    inParagraph: context.inParagraph || tag === 'p',
    inLink: context.inLink || tag === 'a',
    inHeading: context.inHeading || headings.has(tag),
  };
  for (const child of children) {
    if (child.type === 'text') {
      if (!stableText(child.value, inner)) return false;
    } else if (child.type !== 'element' || !isStableElement(child, inner)) {
      return false;
    }
  }
  return true;
}

/**
 * Characters come back as they are, except CR (CR LF and CR become LF) and NUL (dropped), and
 * text directly inside a table part, which is moved out of the table unless it is whitespace.
 */
function stableText(value: string, context: Context): boolean {
  if (tableChildren.has(context.parent)) return /^[ \t\n\f]*$/.test(value);
  return !/[\r\0]/.test(value);
}

/** The text before the first element among `children`. */
function leadingText(children: readonly ElementContent[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'element') break;
    if (child.type === 'text') text += child.value;
  }
  return text;
}

/**
 * Attribute values come back as they were written (CR and NUL aside). Lists are written joined
 * and split again when read: an item holding a separator, or an empty one, would come back cut
 * differently (class names are read by the export). A property that is not written at all
 * (`null`, `undefined`, `false` on a non-boolean attribute) is simply absent when read back.
 */
function stableProperties(element: Element): boolean {
  const properties = element.properties;
  for (const key in properties) {
    const value = properties[key];
    if (typeof value === 'string') {
      if (/[\r\0]/.test(value)) return false;
    } else if (Array.isArray(value)) {
      for (const item of value) if (typeof item !== 'number' && !/^[^\s,\0]+$/.test(item)) return false;
    } else if (value === null || value === undefined || (value === false && !find(html, key).boolean)) {
      return false;
    }
  }
  return true;
}
