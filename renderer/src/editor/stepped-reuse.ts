import { Parser, TreeFragment, type Input, type PartialParse, type Tree } from '@lezer/common';

/** Fragments shorter than this are handed on whole: their blocks are few. */
const shortestCut = 4_096;

/** The start of the first top-level block at or after `pos` in `tree` (tree coordinates), if any. */
function blockStartFrom(tree: Tree, pos: number): number | null {
  const cursor = tree.cursor();
  if (!cursor.childAfter(pos)) return null;
  if (cursor.from >= pos) return cursor.from;
  return cursor.nextSibling() ? cursor.from : null;
}

/**
 * `fragment` cut at top-level block starts into pieces that each start further into the
 * document than the last piece is long: each piece about doubles the distance from the
 * document's start. A piece after the first starts one character before its block, because
 * the Markdown parser reuses a fragment only for blocks it starts before.
 */
function cutInSteps(fragment: TreeFragment): TreeFragment[] {
  const pieces: TreeFragment[] = [];
  const { tree, offset } = fragment;
  let from = fragment.from;
  for (;;) {
    const target = from + Math.max(shortestCut, from);
    if (target > fragment.to - shortestCut) break;
    const start = blockStartFrom(tree, target + offset);
    if (start === null || start - offset >= fragment.to - 1) break;
    const cut = start - offset;
    const first = pieces.length === 0;
    pieces.push(
      new TreeFragment(first ? from : from - 1, cut, tree, offset, first ? fragment.openStart : true, true),
    );
    from = cut;
  }
  if (pieces.length === 0) return [fragment];
  pieces.push(new TreeFragment(from - 1, fragment.to, tree, offset, true, fragment.openEnd));
  return pieces;
}

/**
 * A parser that hands `parser` the previous tree's fragments cut in steps (see
 * {@link cutInSteps}), so that a keystroke in a long Markdown article reuses the blocks around
 * it in groups rather than one by one.
 *
 * `@lezer/markdown` reuses a whole group of blocks (a subtree of the balanced tree) only when
 * the group is at most a quarter as long as the distance from the document's start to where
 * the reuse began; it measures that distance once per fragment. The part before a keystroke
 * is one fragment that starts at the document's start, so every block before the keystroke was
 * taken one by one; after a keystroke near the start, so was every block after it. In a
 * 1.4-million-character book that was 8,500 blocks per keystroke: the tree above them was built
 * anew, and the mixed parse walked all of it again to find the code and HTML to nest, several
 * milliseconds and more than a megabyte of garbage per keystroke. Cut in steps, each piece
 * starts far enough in to take its blocks in groups, and the tree is the one a whole parse
 * would build (the tests compare them).
 */
export function steppedReuse(parser: Parser): Parser {
  return new (class extends Parser {
    createParse(
      input: Input,
      fragments: readonly TreeFragment[],
      ranges: readonly { from: number; to: number }[],
    ): PartialParse {
      return parser.createParse(input, fragments.flatMap(cutInSteps), ranges);
    }
  })();
}
