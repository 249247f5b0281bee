import type { RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { countLines } from './line-endings';
import { htmlBlockCuts } from './html-block-lines';
import { interruptsOpenBlock } from './open-blocks';
import { OpenElements } from './open-elements';
import { commentEdge, htmlBalance, htmlTags } from './raw-html-tags';

/**
 * One top-level Markdown block of a rendered part of an article, with what its raw HTML does to
 * the blocks after it. Offsets are the article's; lines are 1-based.
 */
export interface Block {
  /** Offset of the start of the block's first line. */
  readonly from: number;
  /** Offset of the end of its last line (before the line break). */
  readonly to: number;
  readonly line: number;
  readonly lineEnd: number;
  readonly node: MdastContent;
  /** Net count of elements its raw HTML leaves open (negative: closes earlier ones). */
  readonly htmlDepth: number;
  /**
   * The tags of its raw HTML in order (`+div`, `-div`), without void and self-closing ones;
   * `null` when some `<` starts no well-formed tag, comment or text (see {@link htmlTags}).
   */
  readonly tags: string[] | null;
  /**
   * A part of an HTML block after the first (see html-block-lines.ts): the line before it is
   * the block's, not a blank line.
   */
  readonly continues?: boolean;
  /**
   * A footnote definition that interrupts the block before it (see open-blocks.ts): its
   * first line reads as it does only after that block.
   */
  readonly interrupts?: boolean;
}

/**
 * The top-level blocks of a parsed part of an article (`windowText`, which starts at offset
 * `from` and line `line` of the article); nodes that start past the part (definitions appended
 * to it) are left out.
 */
export function blocksOf(mdast: MdastRoot, windowText: string, from: number, line: number): Block[] {
  const blocks: Block[] = [];
  let previous: MdastContent | undefined;
  for (const node of mdast.children) {
    const position = node.position;
    if (!position || (position.start.offset ?? 0) >= windowText.length) continue;
    const before = previous;
    previous = node;
    const startOffset = position.start.offset ?? 0;
    let endOffset = position.end.offset ?? windowText.length;
    let endLine = position.end.line;
    if (endOffset > startOffset && windowText[endOffset - 1] === '\n') {
      endOffset--;
      endLine--;
    }
    // A lone `\r` ends a line too (a `\r\n` ends where its `\n` does). Looked for within the
    // line only: searching the whole window for each block would read it once per block.
    const feedBefore = windowText.lastIndexOf('\n', startOffset - 1) + 1;
    const lineStart = feedBefore + windowText.slice(feedBefore, startOffset).lastIndexOf('\r') + 1;
    let lineEnd = windowText.indexOf('\n', endOffset);
    if (lineEnd === -1) lineEnd = windowText.length;
    const loneReturn = windowText.slice(endOffset, lineEnd + 1).search(/\r(?!\n)/);
    if (loneReturn !== -1) lineEnd = endOffset + loneReturn;
    if (node.type === 'html' && lineStart === startOffset) {
      const parts = htmlBlockParts(
        windowText.slice(lineStart, lineEnd),
        from + lineStart,
        position.start.line + line - 1,
      );
      if (parts) {
        blocks.push(...parts);
        continue;
      }
    }
    blocks.push({
      from: from + lineStart,
      to: from + lineEnd,
      line: position.start.line + line - 1,
      lineEnd: endLine + line - 1,
      node,
      htmlDepth: htmlBalance(node),
      tags: htmlTags(node),
      ...(node.type === 'footnoteDefinition' && interruptsOpenBlock(node, before, windowText)
        ? { interrupts: true }
        : {}),
    });
  }
  return blocks;
}

/**
 * An HTML block (its text, first offset and line in the article) as parts that each parse alone
 * as in the whole (see html-block-lines.ts), or `null` when it cannot be cut.
 */
function htmlBlockParts(value: string, from: number, line: number): Block[] | null {
  const cuts = htmlBlockCuts(value);
  if (cuts.length === 0) return null;
  const parts: Block[] = [];
  const starts = [0, ...cuts];
  let partLine = line;
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : value.length;
    const text = value.slice(start, end);
    const lines = countLines(text);
    const node: MdastContent = { type: 'html', value: text };
    parts.push({
      from: from + start,
      to: from + end,
      line: partLine,
      lineEnd: partLine + lines,
      node,
      htmlDepth: htmlBalance(node),
      tags: htmlTags(node),
      ...(index > 0 ? { continues: true } : {}),
    });
    partLine += lines + 1;
  });
  return parts;
}

/**
 * Groups blocks whose raw HTML stays open with the blocks after it, as the HTML parser nests
 * them. `openAtEnd`: the last group is still open (it would run into whatever follows).
 */
export function groupOpenHtml(blocks: readonly Block[]): { groups: Block[][]; openAtEnd: boolean } {
  const groups: Block[][] = [];
  // Elements open, as the HTML parser reads end tags (see `OpenElements`). `unknown`: opens the
  // tags do not name (an unclosed comment, a tag left unfinished, a block whose `<` starts no
  // well-formed tag), closed by any unmatched end tag.
  const open = new OpenElements();
  let unknown = 0;
  // A comment left open takes in every block until one closes it, whatever end tags they hold.
  let inComment = false;
  for (const block of blocks) {
    if (open.size + unknown > 0 || inComment) groups[groups.length - 1]!.push(block);
    else groups.push([block]);
    const comment = commentEdge(block.node);
    if (inComment && comment === null) continue;
    inComment = comment === 'opens';
    if (block.tags === null) {
      unknown = Math.max(0, open.size + unknown + block.htmlDepth - (inComment ? 1 : 0));
      open.clear();
      continue;
    }
    let net = 0;
    for (const tag of block.tags) {
      const name = tag.slice(1);
      if (tag.startsWith('+')) {
        open.open(name);
        net++;
        continue;
      }
      net--;
      if (open.close(name) === null && unknown > 0) unknown--;
    }
    unknown += Math.max(0, block.htmlDepth - net - (inComment ? 1 : 0));
  }
  return { groups, openAtEnd: open.size + unknown > 0 || inComment };
}

/**
 * How far each group's top-level hast nodes reach: `reach[index]` is the last group that a node
 * starting in group `index` spans into (the HTML parser may nest blocks differently than the raw
 * HTML's tags suggest: a `</p>` inside a paragraph, an element closed by the end of the text).
 * `groupStarts` are the groups' offsets in the parsed source, `sourceLength` where the part's
 * own text ends in it; nodes after `stop` (the footnotes section) are not looked at.
 */
export function groupReach(
  children: readonly HastContent[],
  groupStarts: readonly number[],
  sourceLength: number,
  stop: HastContent | undefined,
): number[] {
  const reach = groupStarts.map((_, index) => index);
  for (const node of children) {
    if (node === stop) break;
    const start = node.position?.start?.offset;
    if (start === undefined || start >= sourceLength || groupStarts.length === 0) continue;
    const first = Math.max(0, lastIndexAtMost(groupStarts, start));
    const end = furthestEnd(node);
    // An element without an end may run to the end; text without one (the HTML parser gives
    // text a start only) ends in the group it starts in: it holds no block after it.
    const last =
      end === undefined
        ? node.type === 'text'
          ? first
          : groupStarts.length - 1
        : Math.max(first, lastIndexAtMost(groupStarts, end - 1));
    reach[first] = Math.max(reach[first]!, last);
  }
  return reach;
}

/**
 * Where the source of a node and everything in it ends. An element that raw HTML leaves open is
 * closed by the parser later than its own position says (parse5 ends it at the token before the
 * one that closed it, which may lie in its first block): its descendants tell how far it reached.
 */
function furthestEnd(node: HastContent): number | undefined {
  let end = node.position?.end?.offset;
  if (end === undefined) return undefined;
  const walk = (parent: HastContent): void => {
    if (!('children' in parent)) return;
    for (const child of parent.children) {
      const childEnd = child.position?.end?.offset;
      if (childEnd !== undefined && childEnd > end!) end = childEnd;
      walk(child);
    }
  };
  walk(node);
  return end;
}

/** Merges the groups that one top-level node spans (see {@link groupReach}). */
export function mergeReach(groups: readonly Block[][], reach: readonly number[]): Block[][] {
  const merged: Block[][] = [];
  for (let index = 0; index < groups.length;) {
    let last = reach[index]!;
    const blocksOfGroup = [...groups[index]!];
    for (let next = index + 1; next <= last; next++) {
      blocksOfGroup.push(...groups[next]!);
      last = Math.max(last, reach[next]!);
    }
    merged.push(blocksOfGroup);
    index = last + 1;
  }
  return merged;
}

/** The top-level hast nodes of each group, and what lies between the groups (see {@link placeNodes}). */
export interface PlacedNodes {
  /** The nodes whose source starts in each group, with what lies between them. */
  readonly nodesPerGroup: HastContent[][];
  /**
   * Nodes without a source position between groups (the line breaks remark-rehype puts between
   * blocks, text and elements the HTML parser made up): `gaps[index]` before group `index`,
   * `gaps[groups.length]` after the last one.
   */
  readonly gaps: HastContent[][];
}

/** Places each top-level hast node in the group its source starts in (see {@link PlacedNodes}). */
export function placeNodes(
  children: readonly HastContent[],
  groupStarts: readonly number[],
  sourceLength: number,
  stop: HastContent | undefined,
): PlacedNodes {
  const nodesPerGroup: HastContent[][] = groupStarts.map(() => []);
  const gaps: HastContent[][] = [...groupStarts.map(() => []), []];
  let pending: HastContent[] = [];
  let current = -1;
  for (const node of children) {
    if (node === stop) break;
    let offset = node.position?.start?.offset;
    const lead = offset === undefined ? mergedLeadOffset(node) : undefined;
    if (lead !== undefined && lead < sourceLength && lastIndexAtMost(groupStarts, lead) > current)
      offset = lead;
    if (offset === undefined) {
      pending.push(node);
      continue;
    }
    if (offset >= sourceLength) continue;
    const index = Math.max(0, lastIndexAtMost(groupStarts, offset));
    if (index === current) nodesPerGroup[index]!.push(...pending);
    else gaps[index] = pending;
    pending = [];
    current = index;
    nodesPerGroup[index]!.push(node);
  }
  gaps[groupStarts.length] = pending;
  return { nodesPerGroup, gaps };
}

/**
 * Where a text node belongs that starts with the line break remark-rehype writes between two
 * blocks and ends inside the next block's raw HTML (the indentation before an indented HTML
 * block): parse5 merges the two into one node whose start has no position, but only when it
 * parses that line break too, which depends on where the first raw HTML of the rendered part is
 * (see `raw-when-needed.ts`). Placed with the block it ends in, it leads that block with a line
 * break like any other, so the blocks are cut the same way whether or not the parser merged it.
 */
function mergedLeadOffset(node: HastContent): number | undefined {
  const end = node.position?.end?.offset;
  if (node.type !== 'text' || !node.value.startsWith('\n') || end === undefined) return undefined;
  return end - 1;
}

/** The text of nodes that are all text, or `null`. */
export function textOf(nodes: readonly HastContent[]): string | null {
  return nodes.every((node) => node.type === 'text')
    ? nodes.map((node) => (node as { value: string }).value).join('')
    : null;
}

/**
 * Joins the groups into units: units are joined with one line break, and the HTML parser merges
 * that line break into text that raw HTML left at the edge of a block, which gives it back to
 * the join. Where a gap holds anything else (indentation before raw HTML, an element the parser
 * made up), the blocks on either side are one unit, with the gap inside it. The line breaks at
 * each unit's edges are then dropped (the join writes them), except before the first one.
 */
export function joinUnits(
  groups: readonly Block[][],
  placed: PlacedNodes,
): { groups: Block[][]; nodes: HastContent[][] } {
  const { nodesPerGroup, gaps } = placed;
  const leadsWithBreak = (nodes: readonly HastContent[]): boolean =>
    nodes[0]?.type === 'text' && nodes[0].value.startsWith('\n');
  const endsWithBreak = (nodes: readonly HastContent[]): boolean => {
    const tail = nodes[nodes.length - 1];
    return tail?.type === 'text' && tail.value.endsWith('\n');
  };
  const joinedGroups: Block[][] = [];
  const joinedNodes: HastContent[][] = [];
  let previous = -1;
  let previousJoined = -1;
  groups.forEach((group, index) => {
    const nodes = nodesPerGroup[index]!;
    if (nodes.length === 0 || previous < 0) {
      joinedGroups.push([...group]);
      joinedNodes.push([...nodes]);
      if (nodes.length > 0) {
        previous = index;
        previousJoined = joinedGroups.length - 1;
      }
      return;
    }
    const gap = gaps.slice(previous + 1, index + 1).flat();
    const between = textOf(gap);
    const tailBreak = endsWithBreak(nodesPerGroup[previous]!);
    const headBreak = leadsWithBreak(nodes);
    const clean =
      (between === '' && Number(tailBreak) + Number(headBreak) === 1) ||
      (between === '\n' && !tailBreak && !headBreak);
    if (clean) {
      joinedGroups.push([...group]);
      joinedNodes.push([...nodes]);
    } else {
      // Fold the previous producing group and the silent ones after it into this one.
      const folded = joinedGroups.splice(previousJoined).flat();
      const foldedNodes = joinedNodes.splice(previousJoined).flat();
      joinedGroups.push([...folded, ...group]);
      joinedNodes.push([...foldedNodes, ...gap, ...nodes]);
    }
    previous = index;
    previousJoined = joinedGroups.length - 1;
  });
  const firstProducing = joinedNodes.findIndex((nodes) => nodes.length > 0);
  joinedNodes.forEach((nodes, index) => {
    const head = nodes[0];
    if (index !== firstProducing && head?.type === 'text' && head.value.startsWith('\n')) {
      nodes[0] = { ...head, value: head.value.slice(1) };
    }
    const tail = nodes[nodes.length - 1];
    if (tail?.type === 'text' && tail.value.endsWith('\n')) {
      nodes[nodes.length - 1] = { ...tail, value: tail.value.slice(0, -1) };
    }
  });
  return { groups: joinedGroups, nodes: joinedNodes };
}

/** Whether the raw HTML of some blocks closes every element it opens, in order. */
export function wellNested(blocks: readonly Block[]): boolean {
  const open: string[] = [];
  for (const block of blocks) {
    if (block.tags === null) return false;
    for (const tag of block.tags) {
      if (tag.startsWith('+')) open.push(tag.slice(1));
      else if (open.pop() !== tag.slice(1)) return false;
    }
  }
  return open.length === 0;
}

/** The index of the last value at most `value` in a sorted list (-1: none). */
export function lastIndexAtMost(sorted: readonly number[], value: number): number {
  return lastAtMost(sorted, value, (each) => each);
}

/** The index of the last item whose `key` is at most `value`, in a list sorted by it (-1: none). */
export function lastAtMost<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (key(sorted[mid]!) <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
