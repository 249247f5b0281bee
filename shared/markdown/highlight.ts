import type { Root } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import type { Plugin } from 'unified';

/**
 * Highlights fenced code whose info string names a language highlight.js knows (the common
 * set), with `hljs-` classes that the theme colours. No language detection: a block without a
 * language stays plain text. The info string is never HTML: remark-rehype turns its first word
 * into a `language-*` class, which the sanitizer limits to word characters, and drops the rest.
 */
const highlight: Plugin<[], Root> = function () {
  return rehypeHighlight.call(this, { detect: false, plainText: ['text', 'txt', 'plain'] }) as ReturnType<
    Plugin<[], Root>
  >;
};

export default highlight;
