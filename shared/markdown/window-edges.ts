import type { Text as HastText } from 'hast';
import { textOf, wellNested, type Block, type PlacedNodes } from './cut-units';
import { WindowMismatch } from './window-mismatch';

/** Where a rendered part of an article sits in it, for {@link checkWindowEdges}. */
export interface WindowEdges {
  /** Offset of the part in the article (0: it starts the article). */
  readonly from: number;
  /** Whether the part runs to the end of the article. */
  readonly atEnd: boolean;
  /** Whether text may follow the part (what comes after it does not start with an element). */
  readonly textMayFollow: boolean;
  /**
   * The incremental renderer's windows: the index of the first unit after the window that
   * renders and whose raw HTML nests cleanly (see {@link nestingUnitFrom}), which a window
   * whose last block's raw HTML does not nest takes in at once. Without it the window grows by
   * doubling.
   */
  readonly throughNesting?: number;
  /**
   * The incremental renderer's windows: whether the unit right after the window renders
   * something (see {@link textAtEndOfWindow}). Unknown: text at the end is not looked at.
   */
  readonly nextProduces?: boolean;
}

/**
 * Checks that a part's edges are where the article's blocks part, so that it renders alone as it
 * does in the whole article: nothing made up by the HTML parser before the first block or after
 * the last, no bare text there that could merge with a neighbour's, and raw HTML in the last
 * block that nests cleanly. Throws a {@link WindowMismatch} saying which way the part would have
 * to grow. Used by the incremental renderer's windows (render-range.ts) and the export's chunks
 * (chunk-render.ts). `groups` are the part's blocks as raw HTML couples them, `placed` its
 * top-level hast nodes in those groups; `hasFooter`: a footnotes section follows the part's nodes.
 */
export function checkWindowEdges(
  edges: WindowEdges,
  groups: readonly Block[][],
  placed: PlacedNodes,
  hasFooter: boolean,
): void {
  const { nodesPerGroup, gaps } = placed;
  const producing = groups.map((_, index) => index).filter((index) => nodesPerGroup[index]!.length > 0);
  const first = producing[0];
  const lastProducing = producing[producing.length - 1];
  const leading = first !== undefined ? gaps.slice(0, first + 1).flat() : [];
  const trailing = lastProducing !== undefined ? gaps.slice(lastProducing + 1).flat() : gaps.flat();
  if (
    edges.from > 0 &&
    (leading.length > 0 || (first !== undefined && nodesPerGroup[first]![0]?.type === 'text'))
  )
    throw new WindowMismatch('start');
  // Raw HTML that renders nothing (a stray end tag, a comment left open to the end of the
  // article) follows, in the article, the line break written after the block before it. A window
  // with a node of its own after it has that line break lead the node (checked above); one
  // without needs the block before it.
  if (edges.from > 0 && first === undefined && groups.some((group) => group.some(isHtml)))
    throw new WindowMismatch('start');
  const tailText = textOf(trailing);
  const endsWithText =
    edges.textMayFollow &&
    lastProducing !== undefined &&
    nodesPerGroup[lastProducing]![nodesPerGroup[lastProducing]!.length - 1]?.type === 'text';
  if (!(tailText === '' || (tailText === '\n' && hasFooter)) || endsWithText)
    throw new WindowMismatch(edges.atEnd ? 'all' : 'end');
  // Text that raw HTML leaves at the very end of the article keeps its own last line break,
  // which the units would drop as the one between blocks: only a whole render reproduces it.
  const lastNode = lastProducing === undefined ? undefined : nodesPerGroup[lastProducing]!.at(-1);
  if (edges.atEnd && !hasFooter && lastNode?.type === 'text' && lastNode.value.endsWith('\n'))
    throw new WindowMismatch('all');
  // Text at the end of a window takes in, in the article, a line break for each block the tree
  // holds up to the next one that renders (a stray end tag renders nothing): only a window that a
  // rendering unit follows right away knows their number (see `textAtEndOfWindow`).
  if (!edges.atEnd && edges.nextProduces === false && textAtEndOfWindow(groups, placed))
    throw new WindowMismatch('end');
  // Raw HTML in the last block that renders may leave an element open that its tags do not
  // show (a mistyped end tag, an end tag the parser implies): unless its tags nest, take in
  // a rendering block after it, into which the tree then shows the element spanning (see
  // `groupReach`).
  // The blocks in between may hold such raw HTML too (a run of stray end tags): doubling the
  // window until it ends at one that nests ran windows over most of the article, to its end.
  if (!edges.atEnd && lastProducing !== undefined && !wellNested(groups[lastProducing]!))
    throw new WindowMismatch('end', edges.throughNesting);
  if (edges.from === 0 && leading.length > 0) throw new WindowMismatch('all');
}

function isHtml(block: Block): boolean {
  return block.node.type === 'html';
}

/**
 * The text node that ends a window's last rendering group, or `undefined` when the group ends in
 * an element. The HTML parser merges into such text the line break that remark-rehype writes
 * after each block of the tree, up to the next block that makes an element: in the article, the
 * line break before the first block after the window too, which the window's own tree lacks.
 */
export function textAtEndOfWindow(groups: readonly Block[][], placed: PlacedNodes): HastText | undefined {
  const { nodesPerGroup } = placed;
  for (let index = groups.length - 1; index >= 0; index--) {
    const nodes = nodesPerGroup[index]!;
    if (nodes.length === 0) continue;
    const last = nodes[nodes.length - 1]!;
    return last.type === 'text' ? last : undefined;
  }
  return undefined;
}

/**
 * The index of the first unit from `units[from]` on that renders and whose raw HTML nests
 * cleanly (`undefined`: none): the block a window whose last block's raw HTML does not nest
 * must reach, for the tree to show whether an element stays open into it.
 */
export function nestingUnitFrom(
  units: readonly { readonly produces: boolean; readonly nests: boolean }[],
  from: number,
): number | undefined {
  for (let index = from; index < units.length; index++) {
    if (units[index]!.produces && units[index]!.nests) return index;
  }
  return undefined;
}
