import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { RootContent as MdastContent } from 'mdast';
import { VFile } from 'vfile';
import { blocksOf, groupOpenHtml, groupReach, joinUnits, mergeReach, placeNodes } from './cut-units';
import { neededStubs, WindowLabels } from './definitions';
import { leavesOpen } from './open-elements';
import { hasFootnoteHeading, holdsFootnotesSection, renumberFootnotes } from './footnotes';
import { innerCandidates, mayHoldMarker, type InnerRun } from './inner-blocks';
import { plainFenceSource } from './frontmatter-fence';
import { slugHeadingsAgain, type HeadingIdContext } from './heading-ids';
import { listItemRuns } from './list-items';
import { capNesting } from './nesting-cap';
import { unsafeTreeProcessor } from './pipeline';
import { serializeNode, serializeWithInner, unitOf, withLines, type Serialized, type Unit } from './unit';
import { checkWindowEdges, textAtEndOfWindow } from './window-edges';
import { WindowMismatch } from './window-mismatch';

/** What {@link renderRange} renders: a part of the article and what it needs of the rest. */
export interface RangeOptions {
  /** The whole article (a string, or a rope that reads the same). */
  readonly text: { readonly length: number; slice(from: number, to: number): string };
  /** The part to render, `text[from, to)`, from the start of a line. */
  readonly from: number;
  readonly to: number;
  /** The part's first line (1-based). */
  readonly line: number;
  /** Definition stubs of the units before the part and after it. */
  readonly stubsBefore: readonly string[];
  readonly stubsAfter: readonly string[];
  /** The headings before the part (heading ids number duplicates across the article). */
  readonly headings: HeadingIdContext;
  /** The footnote citations before the part (footnotes are numbered by first citation). */
  readonly footnoteRefsBefore: readonly string[];
  /** True to render the whole article (no window checks; the footnotes section is kept). */
  readonly whole: boolean;
  /** Whether text may follow the part (a unit after it does not start with an element). */
  readonly textMayFollow: boolean;
  /** An unclosed frontmatter fence on line 1: the article is read as a plain document. */
  readonly plainFence: boolean;
  /** Windows: the first unit after the part that renders and nests (see `WindowEdges`). */
  readonly throughNesting?: number;
  /**
   * Windows: whether the article has an element before the part (the HTML parser then reads the
   * part's raw HTML "in body", as in the whole article).
   */
  readonly afterElement?: boolean;
  /** Windows: whether the unit right after the part renders something (see `WindowEdges`). */
  readonly nextProduces?: boolean;
  /** Whether the article has a footnotes section (raw HTML left open would run into it). */
  readonly hasFooter: boolean;
  /** Gives each new unit its key. */
  readonly nextKey: () => number;
}

/** What {@link renderRange} gives. */
export interface RangeRender {
  readonly units: Unit[];
  /** The footnotes section's HTML (whole renders only; `''` otherwise or without notes). */
  readonly footer: string;
  /** Whether raw HTML is left open at the end of the part (it then runs to the article's end). */
  readonly openAtEnd: boolean;
  /** Whether the footnotes section holds headings (whole renders only). */
  readonly footerHasHeadings: boolean;
  /** Whole renders: the article's HTML as the tree serializes it, to check the units against. */
  readonly exact: string | null;
  /** Whole renders: the units cannot reproduce the HTML (a footnotes section inside raw HTML). */
  readonly irregular: boolean;
  /**
   * Whole renders: raw HTML left open in the last top-level element took the footnotes section
   * in, so the last unit's HTML holds it (and `footer` is empty).
   */
  readonly footerInLast: boolean;
  /** Whether the part had raw HTML (it then went through the HTML parser). */
  readonly hadRawHtml: boolean;
  /**
   * Windows: the last block takes in the line break after the part, so it ends where the
   * article's does only with what follows it there.
   */
  readonly runsOn: boolean;
}

const fenceAtStart = /^(---|\+\+\+)[ \t]*(\r\n?|\n|$)/;

/**
 * Renders a part of an article as a standalone document, with the definitions of the rest of the
 * article that it mentions appended, and cuts the result into units. Throws a
 * {@link WindowMismatch} when the part (not `whole`) would render differently in the article.
 */
export function renderRange(options: RangeOptions): RangeRender {
  const { from, to, line, whole } = options;
  const windowText = capNesting(options.text.slice(from, to));
  const labels = new WindowLabels(windowText);
  const neededBefore = neededStubs(labels, options.stubsBefore);
  const needed = [...neededBefore, ...neededStubs(labels, options.stubsAfter)];
  // A window that does not end the article is followed there by a line break, which a block
  // left open may take in (an unclosed fence in a list item runs on over the blank lines after
  // it): parsed with it, such a block shows that it runs past the window (see `runsOn`).
  const followed = !whole && to < options.text.length;
  const source =
    needed.length > 0
      ? `${windowText}\n\n${needed.join('\n\n')}\n`
      : followed
        ? `${windowText}\n`
        : windowText;
  // Where the stubs of definitions before the window end in the source.
  const beforeEnd = windowText.length + 2 + neededBefore.join('\n\n').length;
  // An unclosed frontmatter fence is read as plain Markdown, as renderMarkdown does.
  const file = from === 0 && options.plainFence ? plainFenceSource(source) : new VFile({ value: source });
  file.data.folioLineOffset = line - 1;
  file.data.folioHeadings = options.headings;
  file.data.folioInBody = options.afterElement === true;
  const mdast = unsafeTreeProcessor.parse(file);
  if (neededBefore.length > 0) {
    // The first definition of a label wins: definitions before the window must come before
    // the window's own. Parsing only needs to know which labels exist, so moving their nodes
    // to the front of the tree is enough (definitions render nothing where they stand).
    const isBefore = (node: MdastContent): boolean => {
      const offset = node.position?.start.offset ?? 0;
      return offset >= windowText.length && offset < beforeEnd;
    };
    mdast.children = [
      ...mdast.children.filter(isBefore),
      ...mdast.children.filter((node) => !isBefore(node)),
    ];
  }
  const blocks = blocksOf(mdast, windowText, from, line);
  const runsPast = mdast.children.some(
    (node) =>
      (node.position?.end.offset ?? 0) > windowText.length &&
      (node.position?.start.offset ?? 0) < windowText.length,
  );
  if (!whole && needed.length > 0 && runsPast) {
    // An unclosed fence, math block or HTML block ran into the appended definitions.
    throw new WindowMismatch('all');
  }
  const runsOn = followed && runsPast;
  // Parsed alone, a window starting with `---` would read it as frontmatter.
  if (from > 0 && fenceAtStart.test(windowText)) throw new WindowMismatch('start');
  if (
    !whole &&
    from === 0 &&
    fenceAtStart.test(windowText) &&
    !['yaml', 'toml'].includes(blocks[0]?.node.type ?? '')
  ) {
    // Frontmatter is all or nothing: its closing fence may lie past the window.
    throw new WindowMismatch('all');
  }
  const footerHasHeadings = whole && hasFootnoteHeading(mdast);
  const hast = unsafeTreeProcessor.runSync(mdast, file) as HastRoot;

  const grouped = groupOpenHtml(blocks);
  const openAtEnd = grouped.openAtEnd;
  let groups = grouped.groups;
  // Raw HTML left open runs into whatever follows the window (other blocks, the appended
  // definitions, the footnotes): take in the blocks after it until it is closed.
  // At the end of the article, it runs to the end as it does in a whole render, unless it
  // runs into what a whole render has after it and a window does not (the definitions
  // appended to the window, the footnotes section): its source lines would differ.
  const atEnd = to >= options.text.length;
  const toEnd = whole || (atEnd && needed.length === 0 && !options.hasFooter);
  if (openAtEnd && !toEnd) throw new WindowMismatch(atEnd ? 'all' : 'end');
  // The count of open elements misses some that stay open (a mistyped end tag, an end tag of an
  // element opened inside another): at the end of the article, such an element would take in
  // the footnotes section or the definitions after the window, and a formatting element would
  // be opened again before the section. Only a whole render places those.
  if (!whole && atEnd && !toEnd && leavesOpen(blocks)) throw new WindowMismatch('all');

  const children = hast.children;
  const last = children[children.length - 1];
  const footerNode =
    last?.type === 'element' &&
    last.tagName === 'section' &&
    'dataFootnotes' in last.properties &&
    !last.position
      ? last
      : undefined;
  let irregular = false;
  for (const node of children) {
    if (node === footerNode) break;
    if (node.type === 'element' && node.tagName === 'section' && 'dataFootnotes' in node.properties)
      irregular = true;
  }
  const reach = groupReach(
    children,
    groups.map((group) => group[0]!.from - from),
    windowText.length,
    footerNode,
  );
  // Raw HTML left open at the end of the article holds the footnotes section: the HTML parser
  // put it inside the last top-level element, which the last unit shows (checked below).
  let footerInLast = false;
  if (!footerNode) {
    const inLast = holdsFootnotesSection(children.slice(-1));
    const inRest = holdsFootnotesSection(children.slice(0, -1));
    footerInLast = whole && !irregular && inLast && !inRest;
    if (!footerInLast && (inLast || inRest)) irregular = true;
  }
  // The footnotes section ended up inside raw HTML left open: only a whole render places it.
  if (irregular && !whole) throw new WindowMismatch('all');
  // An element that spans into the window's last block may have been closed by the end of
  // the window rather than where the article closes it.
  if (!toEnd && groups.length > 1 && reach.some((end, index) => end !== index && end === groups.length - 1))
    throw new WindowMismatch(atEnd ? 'all' : 'end');
  groups = mergeReach(groups, reach);
  const placed = placeNodes(
    children,
    groups.map((group) => group[0]!.from - from),
    windowText.length,
    footerNode,
  );
  const { nodesPerGroup, gaps } = placed;
  if (!whole) {
    const windowNodes = [...nodesPerGroup.flat(), ...gaps.flat()];
    const renumbered = renumberFootnotes(
      windowNodes,
      blocks.map((block) => block.node),
      options.footnoteRefsBefore,
    );
    if (renumbered) slugHeadingsAgain(windowNodes, options.headings);
    checkWindowEdges(
      {
        from: options.from,
        atEnd: options.to >= options.text.length,
        textMayFollow: options.textMayFollow,
        throughNesting: options.throughNesting,
        nextProduces: options.nextProduces,
      },
      groups,
      placed,
      footerNode !== undefined,
    );
    // Text that raw HTML leaves at the end of a window takes in, in the article, the line break
    // before the unit right after it, which renders (checked above). The window's own footnotes
    // section, right after such text, already gave it a line break, which stands for that one.
    const tail = options.nextProduces && !atEnd ? textAtEndOfWindow(groups, placed) : undefined;
    const footerTookTail = footerNode !== undefined && children[children.indexOf(footerNode) - 1] === tail;
    if (tail && !footerTookTail) tail.value += '\n';
  }
  const joined = joinUnits(groups, placed);
  // The element holding the notes must be the last unit's own: one opened further up swallows
  // the blocks after it too, and only a whole render shows that.
  if (footerInLast && !joined.nodes[joined.nodes.length - 1]?.includes(children[children.length - 1]!)) {
    footerInLast = false;
    irregular = true;
  }

  // Each top-level node is sanitized and serialized once, with its source lines as a
  // placeholder to cut around. Sanitizing and serializing work node by node, so the whole
  // article's HTML is these pieces joined (sanitizing the tree a second time cost a quarter
  // of a full render).
  // Blocks nested in a large coupled unit, and the items of a long list, are serialized on their
  // own, to be replaced alone when typing in them (see inner-blocks.ts, list-items.ts).
  const inner = new Map<Element, InnerRun[]>();
  const withInner = new Set<HastContent>();
  if (!mayHoldMarker(windowText)) {
    joined.groups.forEach((group, index) => {
      let found = innerCandidates(group, joined.nodes[index]!, from);
      if (found.size === 0) found = listItemRuns(group, joined.nodes[index]!, windowText, from);
      if (found.size === 0) return;
      for (const [parent, runs] of found) inner.set(parent, runs);
      for (const node of joined.nodes[index]!) withInner.add(node);
    });
  }
  const serialized = new Map<HastContent, Serialized>();
  const serialize = (node: HastContent): Serialized => {
    const known = serialized.get(node);
    if (known) return known;
    const result = withInner.has(node) ? serializeWithInner(node, inner) : serializeNode(node);
    serialized.set(node, result);
    return result;
  };
  // Kept to check the blocks against: raw HTML can leave text between them that no block owns.
  const exact = whole ? children.map((node) => withLines(serialize(node))).join('') : null;
  const units = joined.groups.map((group, index) =>
    unitOf(group, joined.nodes[index]!, windowText, from, serialize, options.nextKey()),
  );
  const footer = footerNode ? serialize(footerNode).out : '';
  const hadRawHtml = file.data.folioHadRawHtml ?? false;
  return {
    units,
    footer,
    openAtEnd,
    footerHasHeadings,
    exact,
    irregular,
    footerInLast,
    hadRawHtml,
    runsOn,
  };
}
