/**
 * Renders one part of a chunk plan (chunk-plan.ts) with the unsafe part of the pipeline, and says
 * whether the result can be joined into a render identical to the whole article's.
 */
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { blocksOf, groupOpenHtml, groupReach, mergeReach, placeNodes } from './cut-units';
import { citationsOf, definitionKey, definitionsOf, neededStubs, WindowLabels } from './definitions';
import { hasFootnoteHeading, holdsFootnotesSection } from './footnotes';
import { leavesOpen } from './open-elements';
import { interruptsOpenBlock, noteSource } from './open-blocks';
import { unsafeTreeProcessor } from './pipeline';
import { afterSanitize } from './after-sanitize';
import { sanitizeSchema } from './sanitize-schema';
import type { ChunkInput } from './chunk-plan';
import { checkWindowEdges } from './window-edges';
import { WindowMismatch } from './window-mismatch';

/** A link or footnote definition a chunk saw, comparable across chunks. */
export interface ChunkDefinition {
  /** Kind and label as they match (see {@link definitionKey}). */
  readonly key: string;
  /** What a reference shows of it (see {@link Definition.content}). */
  readonly content: string;
  /** `L` or `F`, then the label as written. */
  readonly label: string;
  /** The stub other parts parse it from (see {@link Definition.stub}). */
  readonly stub: string;
}

/** What rendering one chunk gives: plain data (a hast fragment), so it crosses from a worker. */
export interface ChunkResult {
  /**
   * Why this chunk cannot be joined into a render identical to the whole article's (the article
   * is then rendered in one piece), or `null`.
   */
  readonly problem: string | null;
  /**
   * Which cut the problem lies at: `start` (the one before the chunk) or `end` (the one after
   * it), which rendering the chunk together with that neighbour solves (see chunk-repair.ts);
   * `null` when only a render of the whole article will do.
   */
  readonly problemAt: 'start' | 'end' | null;
  /** Whether the chunk held raw HTML (its tree then went through the HTML parser). */
  readonly hadRawHtml: boolean;
  /** The chunk's top-level hast nodes, sanitized, with the line breaks between them. */
  readonly nodes: HastContent[];
  /**
   * Whether the chunk rendered a top-level node before sanitizing: a comment alone renders
   * nothing once sanitized, but in the article the line break after it stays.
   */
  readonly produced: boolean;
  /** Identifiers of its footnote citations, in order (upper case). */
  readonly refs: string[];
  /** Definitions inside the chunk. */
  readonly defs: ChunkDefinition[];
  /** Definitions it parsed from the stubs appended to it that its references use. */
  readonly appended: ChunkDefinition[];
  /** Source of its top-level footnote definitions, for the footnotes section. */
  readonly footnoteSources: string[];
}

/** The opening line of a fenced code or math block. */
const fenceLine = /^ {0,3}(`{3,}|~{3,}|\${2,})/;

/**
 * Renders one chunk of a `planChunks` plan with the unsafe part of the pipeline, as the
 * incremental renderer renders a window: the chunk's text with the stubs it mentions appended,
 * its source lines offset. Heading ids and footnote numbers are local to the chunk here;
 * `joinChunks` (chunk-join.ts) gives them their place in the article.
 */
export function renderChunk(input: ChunkInput): ChunkResult {
  const windowText = input.text;
  const before: string[] = [];
  const after: string[] = [];
  input.stubs.forEach((stub, index) => {
    const at = input.stubOffsets[index]!;
    if (at < input.from) before.push(stub);
    else if (at >= input.from + windowText.length) after.push(stub);
  });
  const labels = new WindowLabels(windowText);
  const neededBefore = neededStubs(labels, before);
  const needed = [...neededBefore, ...neededStubs(labels, after)];
  const value = needed.length > 0 ? `${windowText}\n\n${needed.join('\n\n')}\n` : windowText;
  const file = new VFile({ value });
  if (input.maskedFence) file.data.folioMaskedFence = true;
  file.data.folioLineOffset = input.line - 1;
  const mdast = unsafeTreeProcessor.parse(file);
  if (neededBefore.length > 0) {
    // The first definition of a label wins: those before the chunk must come before its own, as
    // the incremental renderer orders them (render-range.ts). Definitions render nothing where
    // they stand, so moving their nodes to the front of the tree is enough. (A stub may hold more
    // than a definition, as the plan reads them from the text: the rest stays after the chunk.)
    const beforeEnd = windowText.length + 2 + neededBefore.join('\n\n').length;
    const isBefore = (node: MdastRoot['children'][number]): boolean => {
      const offset = node.position?.start?.offset ?? 0;
      return (
        (node.type === 'definition' || node.type === 'footnoteDefinition') &&
        offset >= windowText.length &&
        offset < beforeEnd
      );
    };
    mdast.children = [
      ...mdast.children.filter(isBefore),
      ...mdast.children.filter((node) => !isBefore(node)),
    ];
  }
  // Text that the chunk's raw HTML leaves at its end takes in, in the article, one line break
  // after the chunk's own blocks: the one before the next chunk's heading, or before the
  // footnotes section (joinChunks writes it). Raw HTML that a stub holds past its definition
  // would add more (a stray end tag adds its own line break, and its text merges in too), so
  // it is left out; the rest of what the stubs render starts with an element, and the text
  // then takes in only the one line break dropped below.
  mdast.children = mdast.children.filter(
    (node) => node.type !== 'html' || (node.position?.start?.offset ?? 0) < windowText.length,
  );
  const hast = unsafeTreeProcessor.runSync(mdast, file) as HastRoot;
  const hadRawHtml = file.data.folioHadRawHtml ?? false;
  const empty: ChunkResult = {
    problem: null,
    problemAt: null,
    hadRawHtml,
    nodes: [],
    produced: false,
    refs: [],
    defs: [],
    appended: [],
    footnoteSources: [],
  };
  const fail = (problem: string, problemAt: 'start' | 'end' | null = null): ChunkResult => ({
    ...empty,
    problem,
    // The first chunk has no cut before it, the last none after it.
    problemAt:
      (problemAt === 'start' && input.from === 0) || (problemAt === 'end' && input.last) ? null : problemAt,
  });

  const notes = mdast.children.filter((node) => node.type === 'footnoteDefinition');
  if (hasFootnoteHeading({ type: 'root', children: notes })) return fail('a heading inside a footnote');
  const inWindow = mdast.children.filter((node) => (node.position?.start?.offset ?? 0) < windowText.length);
  if (inWindow.some((node) => (node.position?.end?.offset ?? 0) > windowText.length)) {
    return fail('a block runs past the end of the chunk', 'end');
  }
  // A chunk before a cut ends with a blank line, which no block takes in unless it runs to the
  // end of its input: an unclosed fence (inside a list or a quote too) that the next chunk's
  // heading ends in the article, or that runs on into it.
  if (!input.last && inWindow.some((node) => node.position?.end?.offset === windowText.length))
    return fail('a block runs to the end of the chunk', 'end');
  if (input.from > 0 && inWindow[0]?.position?.start?.offset !== 0)
    return fail('the chunk does not start a block', 'start');
  const last = inWindow[inWindow.length - 1];
  if (last && !closedFence(last, windowText)) return fail('an unclosed fence ends the chunk', 'end');
  const footerNode = hast.children.findLast((node) => node.type !== 'text');
  const footer =
    footerNode && !footerNode.position && isFootnotesSection(footerNode) ? footerNode : undefined;
  if (hadRawHtml) {
    const edge = rawHtmlEdgeProblem(input, needed.length > 0, mdast, hast, footer);
    if (edge) return fail(edge.problem, edge.at);
  }

  const refs: string[] = [];
  const defs: ChunkDefinition[] = [];
  const appended: ChunkDefinition[] = [];
  const footnoteSources: string[] = [];
  // Which definition each label resolves to here: the first the parser saw. Only those the
  // chunk uses matter (a reference exists only where its label is defined).
  const seen = new Set<string>();
  const used = new Set<string>();
  for (const node of mdast.children) {
    if ((node.position?.start?.offset ?? 0) >= windowText.length) continue;
    visit(node, (child) => {
      if (child.type === 'linkReference' || child.type === 'imageReference')
        used.add(`L${child.identifier.toUpperCase()}`);
      else if (child.type === 'footnoteReference') used.add(`F${child.identifier.toUpperCase()}`);
    });
  }
  let previous: MdastContent | undefined;
  for (const node of mdast.children) {
    const inside = (node.position?.start?.offset ?? 0) < windowText.length;
    const before = previous;
    if (inside) previous = node;
    const found = definitionsOf(node, value);
    if (inside) refs.push(...citationsOf(node));
    for (const def of found) {
      const entry: ChunkDefinition = {
        key: definitionKey(def),
        content: def.content,
        label: `${def.kind === 'note' ? 'F' : 'L'}${def.label}`,
        stub: def.stub,
      };
      if (inside) defs.push(entry);
      else if (!seen.has(entry.key) && used.has(entry.key)) appended.push(entry);
      seen.add(entry.key);
    }
    if (!inside) continue;
    if (node.type === 'footnoteDefinition')
      footnoteSources.push(
        noteSource(lineSpan(windowText, node), interruptsOpenBlock(node, before, windowText)),
      );
    else if (found.some((def) => def.kind === 'note'))
      return fail('a footnote defined inside a quote or list');
  }

  const nodes: HastContent[] = [];
  let lastInWindow = -1;
  for (const [index, node] of hast.children.entries()) {
    if (node === footer) break;
    const start = node.position?.start?.offset;
    if (start === undefined) {
      // Between blocks: the line breaks, and what the HTML parser made up (checked at the edges).
      if ((node.type === 'text' && node.value === '\n') || hadRawHtml) continue;
      return fail('a top-level node without a source position');
    }
    if (start < windowText.length) lastInWindow = index;
  }
  for (const node of hast.children.slice(0, lastInWindow + 1)) {
    dropPositions(node);
    nodes.push(node);
  }
  // Text that raw HTML leaves at the chunk's end takes in the line break the pipeline puts after
  // it, before what the stubs render or the footnotes section: joinChunks writes that one.
  const tail = nodes[nodes.length - 1];
  if (lastInWindow < hast.children.length - 1 && tail?.type === 'text' && tail.value.endsWith('\n')) {
    tail.value = tail.value.slice(0, -1);
    if (tail.value === '') nodes.pop();
  }
  // Sanitizing works node by node (the incremental renderer relies on it too), so each chunk is
  // sanitized where it is rendered; joinChunks then only renumbers, with the sanitizer's prefix.
  const safe = sanitize({ type: 'root', children: nodes }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  return {
    problem: null,
    problemAt: null,
    hadRawHtml,
    nodes: safe.children,
    produced: nodes.length > 0,
    refs,
    defs,
    appended,
    footnoteSources,
  };
}

/**
 * Whether the HTML parser is back at the top at the chunk's edges, with the incremental
 * renderer's window checks (cut-units.ts, window-edges.ts): no raw HTML left open at the end
 * (unless the article ends there with nothing appended), no element that spans into the last
 * block from an earlier one (the end of the chunk may have closed it), nothing the parser made up
 * at the edges, and tags in the last block that nest.
 */
function rawHtmlEdgeProblem(
  input: ChunkInput,
  stubsAppended: boolean,
  mdast: MdastRoot,
  hast: HastRoot,
  footer: HastContent | undefined,
): { problem: string; at: 'start' | 'end' | null } | null {
  const windowText = input.text;
  const blocks = blocksOf(mdast, windowText, input.from, input.line);
  const { groups, openAtEnd } = groupOpenHtml(blocks);
  // Left open at the article's end, raw HTML runs to the end in the whole article too, unless
  // something follows it there: definitions appended to the chunk, or the footnotes section.
  const footnotesFollow = !!footer || input.stubs.some((stub) => stub.startsWith('[^'));
  if (openAtEnd && !(input.last && !stubsAppended && !footnotesFollow))
    return { problem: 'raw HTML left open at the end of the chunk', at: 'end' };
  // The count of open elements misses some the parser keeps: a formatting element closed with
  // the element around it is opened again around what follows (the next chunk, or at the
  // article's end the footnotes section and the appended definitions).
  if ((!input.last || stubsAppended || footnotesFollow) && leavesOpen(blocks))
    return {
      problem: 'raw HTML leaves an element that is opened again after the chunk',
      at: input.last ? null : 'end',
    };
  const starts = (list: readonly (typeof blocks)[]): number[] =>
    list.map((group) => group[0]!.from - input.from);
  // The chunk's own nodes: not what the stubs appended to it render (a stub may hold more than
  // a definition: the plan reads them from the text), nor the footnotes section, nor the line
  // break the pipeline puts before those.
  let end = hast.children.findIndex(
    (node) => node === footer || (node.position?.start?.offset ?? -1) >= windowText.length,
  );
  if (end === -1) end = hast.children.length;
  else if (end > 0 && isLineBreak(hast.children[end - 1]!)) end--;
  const own = hast.children.slice(0, end);
  // Raw HTML can leave open an element that its tags do not show (an element opened after one
  // that closed its paragraph): it then takes in what follows the chunk's own blocks, the
  // footnotes section or what the stubs render, as it takes in the next chunk in the article.
  // Rendered with the next chunk, it shows where the article closes it; at the article's end,
  // only a whole render places the notes inside it (as windows find, render-range.ts).
  if (holdsFootnotesSection(own) || holdsNodeFrom(own, windowText.length))
    return { problem: 'raw HTML left open takes in what follows the chunk', at: 'end' };
  const reach = groupReach(own, starts(groups), windowText.length, undefined);
  if (
    !input.last &&
    groups.length > 1 &&
    reach.some((end, index) => end !== index && end === groups.length - 1)
  )
    return { problem: 'an element spans into the last block of the chunk', at: 'end' };
  const merged = mergeReach(groups, reach);
  const placed = placeNodes(own, starts(merged), windowText.length, undefined);
  try {
    checkWindowEdges({ from: input.from, atEnd: input.last, textMayFollow: false }, merged, placed, false);
  } catch (error) {
    if (!(error instanceof WindowMismatch)) throw error;
    const at = error.widen === 'all' ? null : error.widen;
    return { problem: `the HTML parser is not back at the top at the chunk's ${at ?? 'edge'}`, at };
  }
  return null;
}

/** Whether some node inside `nodes` comes from the source at `offset` or after it. */
function holdsNodeFrom(nodes: readonly HastContent[], offset: number): boolean {
  let found = false;
  visit({ type: 'root', children: [...nodes] } as HastRoot, (node) => {
    if ((node.position?.start?.offset ?? -1) < offset) return CONTINUE;
    found = true;
    return EXIT;
  });
  return found;
}

/** Whether a top-level fenced code or math block that ends a chunk has its closing fence. */
function closedFence(node: MdastRoot['children'][number], text: string): boolean {
  if (node.type !== 'code' && node.type !== 'math') return true;
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return false;
  const source = text.slice(start.offset, end.offset);
  const opening = fenceLine.exec(source);
  if (!opening) return true; // indented code: it cannot reach past a heading at the margin.
  if (end.line === start.line) return false;
  const lastLine = source.slice(source.lastIndexOf('\n') + 1).replace(/\r$/, '');
  const closing = /^ {0,3}(`{3,}|~{3,}|\${2,})[ \t]*$/.exec(lastLine);
  return !!closing && closing[1]![0] === opening[1]![0] && closing[1]!.length >= opening[1]!.length;
}

function lineSpan(text: string, node: MdastRoot['children'][number]): string {
  const startOffset = node.position?.start?.offset ?? 0;
  let endOffset = node.position?.end?.offset ?? text.length;
  if (endOffset > startOffset && text[endOffset - 1] === '\n') endOffset--;
  const lineStart = text.lastIndexOf('\n', startOffset - 1) + 1;
  let lineEnd = text.indexOf('\n', endOffset);
  if (lineEnd === -1) lineEnd = text.length;
  return text.slice(lineStart, lineEnd);
}

function isLineBreak(node: HastContent): boolean {
  return node.type === 'text' && node.value === '\n' && !node.position;
}

function isFootnotesSection(node: HastContent): boolean {
  return node.type === 'element' && node.tagName === 'section' && 'dataFootnotes' in node.properties;
}

/** Positions are not needed past this point, and a tree without them crosses threads faster. */
export function dropPositions(node: HastContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) dropPositions(child);
}
