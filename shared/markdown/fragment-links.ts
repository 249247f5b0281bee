import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElement } from './each-element';

const prefix = 'user-content-';

/**
 * Points in-page links (`#intro`, footnote references and back-references) at the prefixed
 * ids the sanitizer writes (`#user-content-intro`), so anchors work in the preview and in an
 * export without any script. Runs before sanitize; generated ids are written unprefixed
 * (remark-rehype's `clobberPrefix: ''`) so that each id is prefixed exactly once.
 */
const fragmentLinks: Plugin<[], Root> = () => (tree) => {
  eachElement(tree, (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
    if (!href.startsWith(`#${prefix}`)) node.properties.href = `#${prefix}${href.slice(1)}`;
  });
};

export default fragmentLinks;
