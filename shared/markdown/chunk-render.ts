/**
 * Renders one part of a chunk plan (chunk-plan.ts) with the unsafe part of the pipeline, and says
 * whether the result can be joined into a render identical to the whole article's.
 */
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import { citationsOf, definitionKey, definitionsOf, neededStubs } from './definitions';
import { hasFootnoteHeading } from './footnotes';
import { unsafeTreeProcessor } from './pipeline';
import { afterSanitize } from './after-sanitize';
import { sanitizeSchema } from './sanitize-schema';
import type { ChunkInput } from './chunk-plan';

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
  /** The chunk's top-level hast nodes, unsanitized, with the line breaks between them. */
  readonly nodes: HastContent[];
  /** Identifiers of its footnote citations, in order (upper case). */
  readonly refs: string[];
  /** Definitions inside the chunk. */
  readonly defs: ChunkDefinition[];
  /** Definitions it parsed from the stubs appended to it. */
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
  const needed = neededStubs(windowText, input.stubs);
  const value = needed.length > 0 ? `${windowText}\n\n${needed.join('\n\n')}\n` : windowText;
  const file = new VFile({ value });
  if (input.maskedFence) file.data.folioMaskedFence = true;
  file.data.folioLineOffset = input.line - 1;
  const mdast = unsafeTreeProcessor.parse(file);
  const hast = unsafeTreeProcessor.runSync(mdast, file) as HastRoot;
  const empty: ChunkResult = {
    problem: null,
    nodes: [],
    refs: [],
    defs: [],
    appended: [],
    footnoteSources: [],
  };
  const fail = (problem: string): ChunkResult => ({ ...empty, problem });

  if (file.data.folioHadRawHtml) return fail('raw HTML');
  const notes = mdast.children.filter((node) => node.type === 'footnoteDefinition');
  if (hasFootnoteHeading({ type: 'root', children: notes })) return fail('a heading inside a footnote');
  const inWindow = mdast.children.filter((node) => (node.position?.start.offset ?? 0) < windowText.length);
  if (inWindow.some((node) => (node.position?.end.offset ?? 0) > windowText.length)) {
    return fail('a block runs past the end of the chunk');
  }
  if (input.from > 0 && inWindow[0]?.position?.start.offset !== 0)
    return fail('the chunk does not start a block');
  const last = inWindow[inWindow.length - 1];
  if (last && !closedFence(last, windowText)) return fail('an unclosed fence ends the chunk');

  const refs: string[] = [];
  const defs: ChunkDefinition[] = [];
  const appended: ChunkDefinition[] = [];
  const footnoteSources: string[] = [];
  for (const node of mdast.children) {
    const inside = (node.position?.start.offset ?? 0) < windowText.length;
    const found = definitionsOf(node, value);
    if (inside) refs.push(...citationsOf(node));
    for (const def of found) {
      const entry: ChunkDefinition = {
        key: definitionKey(def),
        content: def.content,
        label: `${def.kind === 'note' ? 'F' : 'L'}${def.label}`,
        stub: def.stub,
      };
      (inside ? defs : appended).push(entry);
    }
    if (!inside) continue;
    if (node.type === 'footnoteDefinition') footnoteSources.push(lineSpan(windowText, node));
    else if (found.some((def) => def.kind === 'note'))
      return fail('a footnote defined inside a quote or list');
  }

  const nodes: HastContent[] = [];
  let lastInWindow = -1;
  for (const [index, node] of hast.children.entries()) {
    const start = node.position?.start.offset;
    if (start === undefined) {
      if (node.type === 'text' && node.value === '\n') continue;
      if (index === hast.children.length - 1 && isFootnotesSection(node)) continue;
      return fail('a top-level node without a source position');
    }
    if (start < windowText.length) lastInWindow = index;
  }
  for (const node of hast.children.slice(0, lastInWindow + 1)) {
    dropPositions(node);
    nodes.push(node);
  }
  // Sanitizing works node by node (the incremental renderer relies on it too), so each chunk is
  // sanitized where it is rendered; joinChunks then only renumbers, with the sanitizer's prefix.
  const safe = sanitize({ type: 'root', children: nodes }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  return { problem: null, nodes: safe.children, refs, defs, appended, footnoteSources };
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
  const startOffset = node.position?.start.offset ?? 0;
  let endOffset = node.position?.end.offset ?? text.length;
  if (endOffset > startOffset && text[endOffset - 1] === '\n') endOffset--;
  const lineStart = text.lastIndexOf('\n', startOffset - 1) + 1;
  let lineEnd = text.indexOf('\n', endOffset);
  if (lineEnd === -1) lineEnd = text.length;
  return text.slice(lineStart, lineEnd);
}

function isFootnotesSection(node: HastContent): boolean {
  return node.type === 'element' && node.tagName === 'section' && 'dataFootnotes' in node.properties;
}

/** Positions are not needed past this point, and a tree without them crosses threads faster. */
export function dropPositions(node: HastContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) dropPositions(child);
}
