import type { Element, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { lastIndexAtMost, wellNested, type Block } from './cut-units';
import { OpenElements } from './open-elements';
import type { ListItemFacts } from './list-item-facts';

/**
 * A Markdown block inside a unit of blocks that raw HTML couples (a README section written as
 * one `<dl>` or `<details>` around Markdown paragraphs), whose HTML the incremental renderer can
 * replace alone: typing in it re-renders the block, not the whole unit. Offsets and lines are
 * relative to the unit's; `segment`, `at` and `length` say where its HTML sits in the unit's
 * segments (see `Unit.segments`).
 */
export interface InnerBlock {
  from: number;
  to: number;
  line: number;
  lineEnd: number;
  segment: number;
  at: number;
  length: number;
  /** Raw HTML makes it: its tags must stay the same (see inner-blocks.ts `isBalancedRaw`). */
  readonly raw: boolean;
  /** The block before it holds a list or a note, which a line indented after it would continue. */
  readonly afterContainer: boolean;
  /** Whether rendering its text alone was seen to give the HTML it has in the unit. */
  verified: boolean;
  /**
   * Raw HTML: its tags joined by spaces (`null`: some `<` starts no well-formed tag), read from
   * its text at the first edit in it; an edit that keeps the block keeps the same tags.
   */
  tags?: string | null;
  /** An item of a long list, typed into alone by list-item-edit.ts. */
  readonly listItem?: ListItemFacts;
}

/** Units with less source than this are rendered whole: a block alone would save little. */
export const innerUnitMinChars = 1000;

/**
 * Elements that raw HTML may hold open around a Markdown block without changing how the HTML
 * parser places the block's own elements: containers in which a paragraph, list, table or code
 * block is inserted as it comes. Formatting elements (reopened inside every paragraph), `p`
 * (closed by the block), tables (which move text out), raw text, foreign content and the rest
 * are not.
 */
const neutralContainers = new Set(
  (
    'address article aside blockquote center details dialog dir div dl dd dt fieldset figcaption ' +
    'figure footer header hgroup li main menu nav ol section summary ul search'
  ).split(' '),
);

/** Elements whose end the parser implies when an element around them closes. */
const impliedEnd = new Set('dd dt li p option optgroup rb rp rt rtc'.split(' '));

/** Block types that cannot change the context of the rest (no ids, numbers or definitions). */
const plainTypes = new Set(['paragraph', 'list', 'code', 'table', 'blockquote', 'thematicBreak', 'math']);

/** Whether a block is plain Markdown that tells nothing to the rest of the article. */
function isPlainBlock(block: Block): boolean {
  if (!plainTypes.has(block.node.type) || block.tags === null || block.tags.length > 0) return false;
  let plain = true;
  visit(block.node as MdastNodes, (node) => {
    if (
      node.type === 'html' ||
      node.type === 'heading' ||
      node.type === 'definition' ||
      node.type === 'footnoteDefinition' ||
      node.type === 'footnoteReference'
    ) {
      plain = false;
      return false;
    }
  });
  return plain;
}

/**
 * Whether raw HTML alone makes a block (an HTML block or a part of one), and it closes every
 * element it opens, in order: the parser then places its elements the same way in any neutral
 * container, as long as its tags stay the same.
 */
function isBalancedRaw(block: Block): boolean {
  return block.node.type === 'html' && block.tags !== null && wellNested([block]);
}

/** The nodes a block inside a unit renders to: `count` children of `parent` from `index`. */
export interface InnerRun {
  readonly block: Block;
  /** Whether raw HTML makes the block (see {@link isBalancedRaw}). */
  readonly raw: boolean;
  readonly parent: Element;
  readonly index: number;
  readonly count: number;
  /** An item of a long list (see list-items.ts). */
  readonly listItem?: ListItemFacts;
}

/**
 * The blocks of a coupled unit's `group` whose HTML can be replaced alone, found in its hast
 * `nodes` (offsets into the rendered part's source, which starts at `partFrom`): plain Markdown
 * blocks ({@link isPlainBlock}) rendered as one element, and balanced raw HTML
 * ({@link isBalancedRaw}) rendered as a run of siblings, nested in raw HTML that holds only
 * neutral containers open around them (read from the tags of the blocks before, as the parser
 * nests them). Answers their runs, by parent element.
 */
export function innerCandidates(
  group: readonly Block[],
  nodes: readonly HastContent[],
  partFrom: number,
): Map<Element, InnerRun[]> {
  const found = new Map<Element, InnerRun[]>();
  if (group.length < 3 || group[group.length - 1]!.to - group[0]!.from < innerUnitMinChars) return found;
  const eligible: Block[] = [];
  const open = new OpenElements();
  for (const block of group) {
    if (
      open.names.every((name) => neutralContainers.has(name)) &&
      (isPlainBlock(block) || isBalancedRaw(block))
    )
      eligible.push(block);
    if (block.tags === null) break;
    let lost = false;
    for (const tag of block.tags) {
      const name = tag.slice(1);
      if (tag.startsWith('+')) {
        open.open(name);
        continue;
      }
      // Closing an element with others open inside it: the parser pops them when their ends are
      // implied (or they are containers); otherwise the nesting is beyond this simple reading.
      if (open.close(name)?.some((inside) => !impliedEnd.has(inside) && !neutralContainers.has(inside))) {
        lost = true;
        break;
      }
    }
    if (lost) break;
  }
  if (eligible.length === 0) return found;
  const starts = eligible.map((block) => block.from - partFrom);
  const ownerOf = (node: HastContent): number => {
    const start = node.type === 'element' || node.type === 'text' ? node.position?.start?.offset : undefined;
    if (start === undefined) return -1;
    const index = lastIndexAtMost(starts, start);
    return index >= 0 && start < eligible[index]!.to - partFrom ? index : -1;
  };
  // Where each eligible block's nodes are: one parent, contiguous children; `null` once not.
  const places = new Map<
    number,
    { parent: Element; index: number; count: number; neutral: boolean } | null
  >();
  const walk = (parent: Element, neutral: boolean): void => {
    parent.children.forEach((child, index) => {
      const owner = ownerOf(child);
      if (owner >= 0) {
        const place = places.get(owner);
        if (place === undefined) places.set(owner, { parent, index, count: 1, neutral });
        else if (place && place.parent === parent && place.index + place.count === index) place.count++;
        else places.set(owner, null);
        return;
      }
      if (child.type === 'element') walk(child, neutral && neutralContainers.has(child.tagName));
    });
  };
  for (const node of nodes) {
    const owner = ownerOf(node);
    // A block with a top-level node of its own is not nested in the raw HTML.
    if (owner >= 0) places.set(owner, null);
    else if (node.type === 'element') walk(node, neutralContainers.has(node.tagName));
  }
  for (const [owner, place] of places) {
    if (!place || !place.neutral) continue;
    const block = eligible[owner]!;
    const raw = block.node.type === 'html';
    const run = place.parent.children.slice(place.index, place.index + place.count);
    // A Markdown block is one element; its end must lie in the block (nothing else moved in).
    if (!raw && (run.length !== 1 || run[0]!.type !== 'element')) continue;
    const end = run[run.length - 1]!.position?.end?.offset;
    if (end === undefined || end > block.to - partFrom) continue;
    const runs = found.get(place.parent) ?? [];
    runs.push({ block, raw, parent: place.parent, index: place.index, count: place.count });
    found.set(place.parent, runs);
  }
  return found;
}

/** A marker for an inner block's place in a serialized unit; authors' text never holds it. */
export function innerMarker(index: number): string {
  return `\uE000${index}\uE001`;
}

/** Whether text may hold a marker (the unit is then rendered whole). */
export function mayHoldMarker(text: string): boolean {
  return text.includes('\uE000');
}

/**
 * Replaces each inner run under `node` (see {@link innerCandidates}) by a marker text node, calls
 * `serialize`, then puts them back. Answers what `serialize` gave and the runs in marker order.
 */
export function withMarkers<T>(
  node: HastContent,
  inner: ReadonlyMap<Element, readonly InnerRun[]>,
  serialize: () => T,
): { result: T; runs: InnerRun[] } {
  const saved: [Element, Element['children']][] = [];
  const runs: InnerRun[] = [];
  const walk = (parent: Element): void => {
    const here = inner.get(parent);
    const children = parent.children;
    const replaced: Element['children'] = [];
    for (let index = 0; index < children.length; index++) {
      const run = here?.find((each) => each.index === index);
      if (run) {
        replaced.push({ type: 'text', value: innerMarker(runs.length) });
        runs.push(run);
        index += run.count - 1;
        continue;
      }
      const child = children[index]!;
      replaced.push(child);
      if (child.type === 'element') walk(child);
    }
    if (here) {
      saved.push([parent, children]);
      parent.children = replaced;
    }
  };
  if (node.type === 'element') walk(node);
  try {
    return { result: serialize(), runs };
  } finally {
    for (const [parent, children] of saved) parent.children = children;
  }
}
