import type { Element, Root } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { eachElement } from './each-element';

/**
 * Highlights fenced code whose info string names a language highlight.js knows (the common
 * set), with `hljs-` classes that the theme colours. No language detection: a block without a
 * language stays plain text. The info string is never HTML: remark-rehype turns its first word
 * into a `language-*` class, which the sanitizer limits to word characters, and drops the rest.
 *
 * rehype-highlight walks the whole tree for `<code>` in `<pre>`; here it gets only the
 * outermost `<pre>` elements (found with one cheap walk), which hold every such `<code>`, and
 * changes them in place as it would have in the tree. An article without code costs one walk.
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
    if (blocks.length > 0) transform({ type: 'root', children: blocks }, file);
  };
};

export default highlight;
