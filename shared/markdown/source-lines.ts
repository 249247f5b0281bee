import type { Root } from 'hast';
import type { Plugin } from 'unified';

/**
 * Marks every top-level block with its source lines (`data-line`, `data-line-end`, 1-based)
 * so that the preview can sync scrolling and jump to the source of a click.
 */
const sourceLines: Plugin<[], Root> = () => (tree) => {
  for (const node of tree.children) {
    if (node.type !== 'element' || !node.position) continue;
    node.properties.dataLine = node.position.start.line;
    node.properties.dataLineEnd = node.position.end.line;
  }
};

export default sourceLines;
