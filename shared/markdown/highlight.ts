import type { Element, ElementContent, Root } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { eachElement } from './each-element';

/** A highlighted block as highlight.js left it: the `<code>`'s classes and children. */
interface Highlighted {
  readonly className: readonly string[];
  readonly children: readonly ElementContent[];
}

/** How many highlighted blocks are kept (the most recently used), and how much code in all. */
const memoBlocks = 2_000;
const memoChars = 2_000_000;

/**
 * Highlighted blocks by language class and code: the preview renders the blocks around each
 * keystroke again, neighbouring code blocks included, and a whole render after a fence is
 * typed highlights every block of the article again; highlight.js is the slowest step of
 * either. Kept per thread, most recent last.
 */
const memo = new Map<string, Highlighted>();
let memoSize = 0;

function remember(key: string, value: Highlighted): void {
  memo.set(key, value);
  memoSize += key.length;
  for (const [oldest] of memo) {
    if (memo.size <= memoBlocks && memoSize <= memoChars) break;
    memo.delete(oldest);
    memoSize -= oldest.length;
  }
}

/** The `<code>` of a `<pre>` (its only element child), and the memo's key for it. */
function codeOf(pre: Element): { code: Element; key: string } | null {
  const code = pre.children.find((child): child is Element => child.type === 'element');
  if (!code || code.tagName !== 'code' || !Array.isArray(code.properties.className)) return null;
  if (!code.children.every((child) => child.type === 'text')) return null;
  const text = code.children.map((child) => (child as { value: string }).value).join('');
  return { code, key: `${code.properties.className.join(' ')}\u0000${text}` };
}

/**
 * Highlights fenced code whose info string names a language highlight.js knows (the common
 * set), with `hljs-` classes that the theme colours. No language detection: a block without a
 * language stays plain text. The info string is never HTML: remark-rehype turns its first word
 * into a `language-*` class, which the sanitizer limits to word characters, and drops the rest.
 *
 * rehype-highlight walks the whole tree for `<code>` in `<pre>`; here it gets only the
 * outermost `<pre>` elements (found with one cheap walk), which hold every such `<code>`, and
 * changes them in place as it would have in the tree. An article without code costs one walk.
 * A block highlighted before (same language, same code) takes a copy of that result instead.
 */
const highlight: Plugin<[], Root> = function () {
  const transform = rehypeHighlight.call(this, {
    detect: false,
    plainText: ['text', 'txt', 'plain'],
  }) as unknown as (tree: Root, file: VFile) => void;
  // Two parameters, like rehype-highlight's own: unified then runs it synchronously.
  return (tree, file) => {
    const blocks: Element[] = [];
    eachElement(tree, (element) => {
      if (element.tagName !== 'pre') return;
      blocks.push(element);
      return false;
    });
    const fresh: { code: Element; key: string; children: ElementContent[] }[] = [];
    const toHighlight = blocks.filter((pre) => {
      const found = codeOf(pre);
      if (!found) return true;
      const known = memo.get(found.key);
      if (!known) {
        fresh.push({ ...found, children: found.code.children });
        return true;
      }
      memo.delete(found.key);
      memo.set(found.key, known);
      found.code.properties.className = [...known.className];
      found.code.children = structuredClone(known.children) as ElementContent[];
      return false;
    });
    if (toHighlight.length === 0) return;
    transform({ type: 'root', children: toHighlight }, file);
    // Only blocks highlight.js changed are kept (an unknown language leaves them, with a message).
    for (const { code, key, children } of fresh) {
      if (code.children === children) continue;
      remember(key, {
        className: (code.properties.className as (string | number)[]).map(String),
        children: structuredClone(code.children),
      });
    }
  };
};

export default highlight;
