import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElement } from './each-element';
import { clobberPrefix } from './heading-anchors';

/**
 * Points footnote citations and back-references (`#fn-1`, `#fnref-1`, which remark-rehype
 * writes unprefixed: `clobberPrefix: ''`) at the prefixed ids the sanitizer gives the notes
 * (`#user-content-fn-1`), so notes work in the preview and an export without any script. Other
 * in-page links stay as written: `#introduction` reaches the heading, whose id is its plain
 * slug (`heading-anchors`). Runs before sanitize.
 */
const fragmentLinks: Plugin<[], Root> = () => (tree) => {
  eachElement(tree, (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
    const note = 'dataFootnoteRef' in node.properties || 'dataFootnoteBackref' in node.properties;
    if (note && !href.startsWith(`#${clobberPrefix}`))
      node.properties.href = `#${clobberPrefix}${href.slice(1)}`;
  });
};

export default fragmentLinks;
