import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import { plainFenceSource } from './frontmatter-fence';
import { citationsOf, definitionKey, definitionsOf, neededStubs } from './definitions';
import { footnoteSection, hasFootnoteHeading, renumberFootnoteLinks } from './footnotes';
import { capNesting } from './nesting-cap';
import { unsafeTreeProcessor, type RenderedTree } from './pipeline';
import { afterSanitize } from './after-sanitize';
import { clobberPrefix, headingAnchorId } from './heading-anchors';
import { sanitizeSchema } from './sanitize-schema';

/**
 * One part of an article to render on its own: `text` is the article's (prepared) source from
 * `from` to `to`, which starts on line `line` (1-based). Plain data, so it crosses to a worker.
 */
export interface ChunkInput {
  readonly text: string;
  readonly from: number;
  readonly line: number;
  /** Definition stubs of the whole article (see {@link ChunkPlan.stubs}). */
  readonly stubs: readonly string[];
  /** The first chunk of an article whose unclosed `+++` fence was masked (see plainFenceSource). */
  readonly maskedFence: boolean;
}

/** How an article is cut for {@link renderChunk}: the parts and what each needs of the others. */
export interface ChunkPlan {
  readonly chunks: readonly ChunkInput[];
  /** `L` or `F` and the label as written, of every definition stub offered to the chunks. */
  readonly stubLabels: ReadonlySet<string>;
  /**
   * What the footnotes section is probably made of, read from the text alone (citations in
   * order, one-paragraph notes), so that it can be rendered alongside the chunks instead of
   * after them ({@link renderFootnotesGuess}); {@link joinChunks} uses it only when the chunks
   * confirm it. `null` when the article cites no note.
   */
  readonly footnotes: FootnotesGuess | null;
}

/** The inputs of the footnotes section as guessed from the text (see {@link ChunkPlan}). */
export interface FootnotesGuess {
  /** Identifiers of the citations, in order, upper case. */
  readonly refs: readonly string[];
  /** Source of each footnote definition: its line up to the next blank line. */
  readonly sources: readonly string[];
}

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

/** Options of {@link planChunks}. */
export interface PlanOptions {
  /** Characters per chunk to aim for (chunks are cut only before a heading). */
  readonly chunkSize: number;
}

const headingBoundary = /\n[ \t]*\r?\n(?=#{1,6}(?:[ \t\r\n]|$))/g;
const definitionLine = /^ {0,3}\[(\^?)((?:[^\\[\]\r\n]|\\.){1,999})\]:/gm;
const fenceLine = /^ {0,3}(`{3,}|~{3,}|\${2,})/;

/**
 * Cuts an article into parts that render on their own exactly as they render in the whole: only
 * before an ATX heading that follows a blank line at the top level, outside the frontmatter and
 * outside fenced code and math blocks, about `chunkSize` characters apart. Every line that looks
 * like a link or footnote definition becomes a stub that each part gets when it mentions the
 * label, as the incremental renderer gives its windows the rest of the article's definitions.
 * What the text alone shows cannot be joined exactly is declined here, before any part is
 * rendered: raw HTML (parse5 carries open elements and formatting from one block into the
 * next). Whether a cut really falls between top-level blocks and whether the stubs match the
 * real definitions is known only after parsing: {@link joinChunks} checks it, so a plan that
 * fails there costs a second render (rare). `null` when the article cannot be cut in two.
 */
export function planChunks(markdown: string, options: PlanOptions): ChunkPlan | null {
  const file = plainFenceSource(capNesting(markdown));
  const source = String(file.value);
  // micromark also ends lines at a lone CR; the line numbers below count LF only.
  if (/\r(?!\n)/.test(source)) return null;
  const bodyStart = frontmatterEnd(source);
  const fenced = fencedRanges(source, bodyStart);
  if (mayHoldRawHtml(source, bodyStart, fenced)) return null;
  const cuts: number[] = [0];
  let fence = 0;
  headingBoundary.lastIndex = bodyStart;
  for (let match = headingBoundary.exec(source); match; match = headingBoundary.exec(source)) {
    const at = match.index + match[0].length;
    while (fence < fenced.length && fenced[fence]![1] <= at) fence++;
    if (fence < fenced.length && fenced[fence]![0] < at) continue;
    if (at - cuts[cuts.length - 1]! >= options.chunkSize && source.length - at >= options.chunkSize / 2) {
      cuts.push(at);
    }
  }
  if (cuts.length < 2) return null;

  const stubs: string[] = [];
  const stubLabels = new Set<string>();
  const lines = source.split('\n');
  let offset = 0;
  const lineStarts: number[] = [];
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  definitionLine.lastIndex = bodyStart;
  let coveredTo = -1;
  for (let match = definitionLine.exec(source); match; match = definitionLine.exec(source)) {
    const footnote = match[1] === '^';
    const label = match[2]!;
    stubLabels.add(`${footnote ? 'F' : 'L'}${label}`);
    if (footnote) {
      stubs.push(`[^${label}]: x`);
      continue;
    }
    if (match.index < coveredTo) continue;
    // A link definition's title may continue on the next lines: take its lines up to a blank one.
    let end = source.indexOf('\n', match.index);
    while (
      end !== -1 &&
      end + 1 < source.length &&
      !/^[ \t]*(\r?\n|$)/.test(source.slice(end + 1, end + 200))
    ) {
      end = source.indexOf('\n', end + 1);
    }
    if (end === -1) end = source.length;
    coveredTo = end;
    stubs.push(source.slice(match.index, end).replace(/\r$/, ''));
  }

  const chunks: ChunkInput[] = [];
  let line = 1;
  for (let index = 0; index < cuts.length; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1] ?? source.length;
    const text = source.slice(from, to);
    chunks.push({ text, from, line, stubs, maskedFence: index === 0 && !!file.data.folioMaskedFence });
    line += countLineFeeds(text);
  }
  return { chunks, stubLabels, footnotes: guessFootnotes(source, bodyStart) };
}

/**
 * Renders one chunk of a {@link planChunks} plan with the unsafe part of the pipeline, as the
 * incremental renderer renders a window: the chunk's text with the stubs it mentions appended,
 * its source lines offset. Heading ids and footnote numbers are local to the chunk here;
 * {@link joinChunks} gives them their place in the article.
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

/**
 * Joins rendered chunks into the safe tree `renderMarkdownTree` gives for the whole article, or
 * `null` when a chunk reported a problem or the definitions do not line up (a definition stub
 * that was not a definition, one that was missed, the same label defined twice): the caller
 * then renders the article in one piece. Heading ids are given in article order with one
 * slugger, footnote citations are renumbered across chunks (the incremental renderer's code),
 * and the footnotes section is rendered once from every note and sanitized.
 */
export function joinChunks(
  plan: ChunkPlan,
  results: readonly ChunkResult[],
  footnotesGuess: HastContent[] | null = null,
): RenderedTree | null {
  if (results.length !== plan.chunks.length || results.some((result) => result.problem !== null)) return null;
  const real = new Map<string, ChunkDefinition>();
  for (const def of results.flatMap((result) => result.defs)) {
    if (real.has(def.key) || !plan.stubLabels.has(def.label)) return null;
    real.set(def.key, def);
  }
  for (const def of results.flatMap((result) => result.appended)) {
    const known = real.get(def.key);
    if (!known || known.label !== def.label || (def.key[0] === 'L' && known.content !== def.content))
      return null;
  }

  const children: HastContent[] = [];
  const slugger = new GithubSlugger();
  const before: string[] = [];
  for (const result of results) {
    const links: Element[] = [];
    const walk = (nodes: readonly HastContent[]): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        const text = (node.data as { folioSlugText?: string } | undefined)?.folioSlugText;
        if (text !== undefined) node.properties.id = headingAnchorId(slugger.slug(text));
        if (node.tagName === 'a' && 'dataFootnoteRef' in node.properties) links.push(node);
        walk(node.children);
      }
    };
    walk(result.nodes);
    const ids = links.map((link) => link.properties.id);
    renumberFootnoteLinks(links, result.refs, before);
    // The renumbering writes ids as the pipeline does before sanitizing: prefix them as it would.
    links.forEach((link, index) => {
      if (link.properties.id !== ids[index]) link.properties.id = clobberPrefix + String(link.properties.id);
    });
    before.push(...result.refs);
    if (result.nodes.length === 0) continue;
    if (children.length > 0) children.push({ type: 'text', value: '\n' });
    children.push(...result.nodes);
  }
  const sources = results.flatMap((result) => result.footnoteSources);
  const linkStubs = [...real.values()].filter((def) => def.key[0] === 'L').map((def) => def.stub);
  // The section rendered from the guess is the one these inputs give when they are the same.
  const guess = plan.footnotes;
  if (
    footnotesGuess &&
    guess &&
    sameList(guess.refs, before) &&
    sameList(guess.sources, sources) &&
    neededStubs(sources.join('\n\n'), linkStubs).length === 0
  ) {
    children.push({ type: 'text', value: '\n' }, ...footnotesGuess);
    return { tree: { type: 'root', children }, hadRawHtml: false };
  }
  const section = footnoteSection(before, sources, linkStubs);
  if (section) {
    const safe = sanitize({ type: 'root', children: [section] }, sanitizeSchema) as HastRoot;
    afterSanitize(safe);
    children.push({ type: 'text', value: '\n' }, ...safe.children);
  }
  return { tree: { type: 'root', children }, hadRawHtml: false };
}

/**
 * The footnotes section from a plan's guess, sanitized: plain data for a worker to send back.
 * `null` without a guess or when nothing is cited.
 */
export function renderFootnotesGuess(guess: FootnotesGuess | null): HastContent[] | null {
  if (!guess) return null;
  const section = footnoteSection(guess.refs, guess.sources, []);
  if (!section) return null;
  dropPositions(section);
  const safe = sanitize({ type: 'root', children: [section] }, sanitizeSchema) as HastRoot;
  afterSanitize(safe);
  return safe.children;
}

/** The whole {@link renderChunk} + {@link joinChunks} round in this thread (tests, fallbacks). */
export function renderChunksInThread(plan: ChunkPlan): RenderedTree | null {
  return joinChunks(plan, plan.chunks.map(renderChunk), renderFootnotesGuess(plan.footnotes));
}

const citation = /\[\^((?:[^\\\]\s]|\\.)+)\](:?)/g;

function guessFootnotes(source: string, bodyStart: number): FootnotesGuess | null {
  const refs: string[] = [];
  const sources: string[] = [];
  citation.lastIndex = bodyStart;
  for (let match = citation.exec(source); match; match = citation.exec(source)) {
    const lineStart = source.lastIndexOf('\n', match.index - 1) + 1;
    if (match[2] && /^ {0,3}$/.test(source.slice(lineStart, match.index))) {
      if (lineStart !== match.index) continue;
      const blank = /\n[ \t]*(?:\r?\n|$)/g;
      blank.lastIndex = match.index;
      const end = blank.exec(source)?.index ?? source.length;
      sources.push(source.slice(match.index, end).replace(/\r$/, ''));
      continue;
    }
    refs.push(match[1]!.toUpperCase());
  }
  return refs.length > 0 ? { refs, sources } : null;
}

const fenceOpening = /^ {0,3}(`{3,}|~{3,}|\${2,})(.*)$/gm;

/**
 * Where the top-level fenced code and math blocks of `source` are, from `from` on: `[start, end)`
 * of each, in order (an unclosed one runs to the end). Read from the lines alone, as micromark
 * reads fences at the margin (up to three spaces); a fence inside a list item may be taken as
 * open longer than it is, which only leaves out cuts.
 */
function fencedRanges(source: string, from: number): [number, number][] {
  const ranges: [number, number][] = [];
  let open: { marker: string; start: number } | null = null;
  fenceOpening.lastIndex = from;
  for (let match = fenceOpening.exec(source); match; match = fenceOpening.exec(source)) {
    const marker = match[1]!;
    const rest = match[2]!;
    if (open === null) {
      // A backtick fence's info string has no backtick, a math fence's meta no dollar sign.
      if (marker[0] !== '~' && rest.includes(marker[0]!)) continue;
      open = { marker, start: match.index };
    } else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && !rest.trim()) {
      ranges.push([open.start, match.index + match[0].length]);
      open = null;
    }
  }
  if (open) ranges.push([open.start, source.length]);
  return ranges;
}

/** What starts raw HTML in Markdown: a tag, a closing tag, a comment, a declaration or `<?`. */
const htmlStart = /<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|\/[A-Za-z]|!--|![A-Za-z[]|\?)/;
/** A code span on one line (its text is not HTML). */
const codeSpan = /(`+)(?!`).*?[^`]\1(?!`)/g;

/**
 * Whether `source` may hold raw HTML outside its fenced blocks and code spans: read from the text,
 * erring towards yes (an escaped `\<div>` or indented code counts), so that an article with raw
 * HTML is never cut.
 */
function mayHoldRawHtml(source: string, from: number, fenced: readonly [number, number][]): boolean {
  let start = from;
  for (const [fenceStart, fenceEnd] of [...fenced, [source.length, source.length] as const]) {
    const text = source.slice(start, fenceStart);
    if (htmlStart.test(text) && htmlStart.test(text.replace(codeSpan, ''))) return true;
    start = fenceEnd;
  }
  return false;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function frontmatterEnd(source: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(source);
  if (!open) return 0;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`\\n${fence}[ \\t]*(?:\\r?\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const match = close.exec(source);
  return match ? match.index + match[0].length : 0;
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
function dropPositions(node: HastContent): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) dropPositions(child);
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
