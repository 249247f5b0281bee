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

/** The start of the line holding `pos` in `input`, looking back no further than `floor`. */
function lineStart(input: Input, pos: number, floor: number): number {
  for (let end = pos; end > floor;) {
    const start = Math.max(floor, end - 256);
    const newline = input.read(start, end).lastIndexOf('\n');
    if (newline >= 0) return start + newline + 1;
    end = start;
  }
  return floor;
}

/**
 * `fragment`, when an edit cut it short, ending at the start of the line before the edit's
 * line, and no longer open there.
 *
 * A fragment that ends at an edit is open at its end, and `@lezer/markdown` then reuses only
 * blocks that end before the last blank line of the fragment: a block that ends at the edit
 * might go on over the edited text. A list whose items no blank line separates has no such
 * line, so a keystroke in the 300th item of a list parsed the 299 before it again (8 ms in a
 * 600-item changelog list). Markdown's blocks end where a later line ends them, and the
 * parser reads lines in order: whether a line ends a block depends only on that line and the
 * ones before it. A block that ended before a line the edit left alone, with the old tree
 * parsed past it, ends there in the new text too. The parser's own rule still keeps the blocks
 * that can go on over blank lines (lists, list items, indented code) from being the last one
 * reused. A fragment that ends where its tree ends (a parse that stopped early) is left open.
 */
function closedAtLine(fragment: TreeFragment, input: Input): TreeFragment {
  if (!fragment.openEnd || fragment.to + fragment.offset >= fragment.tree.length) return fragment;
  const editLine = lineStart(input, fragment.to, fragment.from);
  if (editLine <= fragment.from) return fragment;
  const lineBefore = lineStart(input, editLine - 1, fragment.from);
  if (lineBefore <= fragment.from) return fragment;
  return new TreeFragment(
    fragment.from,
    lineBefore,
    fragment.tree,
    fragment.offset,
    fragment.openStart,
    false,
  );
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
 * A parser that hands `parser` the previous tree's fragments closed at the line before an edit
 * (see {@link closedAtLine}) and cut in steps (see {@link cutInSteps}), so that a keystroke in a
 * long Markdown article reuses the blocks around it, in groups rather than one by one.
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
export function reuseFragments(parser: Parser): Parser {
  return new (class extends Parser {
    createParse(
      input: Input,
      fragments: readonly TreeFragment[],
      ranges: readonly { from: number; to: number }[],
    ): PartialParse {
      return parser.createParse(
        input,
        fragments.flatMap((fragment) => cutInSteps(closedAtLine(fragment, input))),
        ranges,
      );
    }
  })();
}
