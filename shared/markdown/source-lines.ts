import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { eachElement } from './each-element';

declare module 'vfile' {
  interface DataMap {
    /** Lines before the rendered text in the whole article (the incremental renderer sets it). */
    folioLineOffset: number;
  }
}

/**
 * Marks every top-level block with its source lines (`data-line`, `data-line-end`, 1-based)
 * so that the preview can sync scrolling and jump to the source of a click. The same
 * attributes written by the author in raw HTML are removed first: only the renderer's count.
 */
const sourceLines: Plugin<[], Root> = () => (tree, file) => {
  eachElement(tree, (node: Element) => {
    delete node.properties.dataLine;
    delete node.properties.dataLineEnd;
  });
  const offset = file.data.folioLineOffset ?? 0;
  for (const node of tree.children) {
    if (node.type !== 'element' || !node.position?.start) continue;
    node.properties.dataLine = node.position.start.line + offset;
    // parse5 gives a formatting element it opens again (an `<a>` left open before the footnotes
    // section) a start and no end: it ends where it starts.
    node.properties.dataLineEnd = (node.position.end ?? node.position.start).line + offset;
  }
};

export default sourceLines;
