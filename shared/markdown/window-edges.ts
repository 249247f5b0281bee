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
  const tailText = textOf(trailing);
  const endsWithText =
    edges.textMayFollow &&
    lastProducing !== undefined &&
    nodesPerGroup[lastProducing]![nodesPerGroup[lastProducing]!.length - 1]?.type === 'text';
  if (!(tailText === '' || (tailText === '\n' && hasFooter)) || endsWithText)
    throw new WindowMismatch(edges.atEnd ? 'all' : 'end');
  // Raw HTML in the last block that renders may leave an element open that its tags do not
  // show (a mistyped end tag, an end tag the parser implies): unless its tags nest, take in
  // a rendering block after it, into which the tree then shows the element spanning (see
  // `groupReach`).
  if (!edges.atEnd && lastProducing !== undefined && !wellNested(groups[lastProducing]!))
    throw new WindowMismatch('end');
  if (edges.from === 0 && leading.length > 0) throw new WindowMismatch('all');
}
