/**
 * How a long article is cut into parts that render on their own exactly as in the whole, read
 * from the text alone: cuts before top-level headings, definition stubs, and a guess of the
 * footnotes section. The parts are rendered by chunk-render.ts and joined by chunk-join.ts.
 */
import { couplingElements, voidElements } from './raw-html-tags';
import { plainFenceSource } from './frontmatter-fence';
import { capNesting } from './nesting-cap';

/**
 * One part of an article to render on its own: `text` is the article's (prepared) source from
 * `from` to `to`, which starts on line `line` (1-based). Plain data, so it crosses to a worker.
 */
export interface ChunkInput {
  readonly text: string;
  readonly from: number;
  readonly line: number;
  /** Definition stubs of the whole article (see {@link planChunks}). */
  readonly stubs: readonly string[];
  /**
   * Where each stub starts in the article, in order: those before the chunk are read before its
   * text (the first definition of a label wins), those inside it are its own.
   */
  readonly stubOffsets: readonly number[];
  /** The first chunk of an article whose unclosed `+++` fence was masked (see plainFenceSource). */
  readonly maskedFence: boolean;
  /** Whether the chunk runs to the end of the article. */
  readonly last: boolean;
}

/** How an article is cut for `renderChunk`: the parts and what each needs of the others. */
export interface ChunkPlan {
  readonly chunks: readonly ChunkInput[];
  /** `L` or `F` and the label as written, of every definition stub offered to the chunks. */
  readonly stubLabels: ReadonlySet<string>;
  /**
   * What the footnotes section is probably made of, read from the text alone (citations in
   * order, one-paragraph notes), so that it can be rendered alongside the chunks instead of
   * after them (`renderFootnotesGuess` in chunk-join.ts); `joinChunks` uses it only when the chunks
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

/** Options of {@link planChunks}. */
export interface PlanOptions {
  /** Characters per chunk to aim for (chunks are cut only before a heading). */
  readonly chunkSize: number;
}

const headingBoundary = /\n[ \t]*\r?\n(?=#{1,6}(?:[ \t\r\n]|$))/g;
const definitionLine = /^ {0,3}\[(\^?)((?:[^\\[\]\r\n]|\\.){1,999})\]:/gm;

/**
 * Cuts an article into parts that render on their own exactly as they render in the whole: only
 * before an ATX heading that follows a blank line at the top level, outside the frontmatter and
 * outside fenced code and math blocks, about `chunkSize` characters apart. Every line that looks
 * like a link or footnote definition becomes a stub that each part gets when it mentions the
 * label, as the incremental renderer gives its windows the rest of the article's definitions.
 * Raw HTML is cut only where the text shows nothing of it left open (no element that can outlive
 * its block, no comment): the HTML parser carries open elements and formatting from one block into
 * the next. Whether a cut really falls between top-level blocks where the parser is back at the
 * top, and whether the stubs match the real definitions, is known only after parsing:
 * `renderChunk` and `joinChunks` check it, and a cut that fails there is rendered again as one
 * piece with its neighbour (see chunk-repair.ts). `null` when the article cannot be cut in two.
 */
export function planChunks(markdown: string, options: PlanOptions): ChunkPlan | null {
  const file = plainFenceSource(capNesting(markdown));
  const source = String(file.value);
  // micromark also ends lines at a lone CR; the line numbers below count LF only.
  if (/\r(?!\n)/.test(source)) return null;
  const bodyStart = frontmatterEnd(source);
  const fenced = fencedRanges(source, bodyStart);
  const htmlOpen = htmlOpenRanges(source, bodyStart, fenced);
  const cuts: number[] = [0];
  let fence = 0;
  let html = 0;
  headingBoundary.lastIndex = bodyStart;
  for (let match = headingBoundary.exec(source); match; match = headingBoundary.exec(source)) {
    const at = match.index + match[0].length;
    while (fence < fenced.length && fenced[fence]![1] <= at) fence++;
    if (fence < fenced.length && fenced[fence]![0] < at) continue;
    while (html < htmlOpen.length && htmlOpen[html]![1] <= at) html++;
    if (html < htmlOpen.length && htmlOpen[html]![0] < at) continue;
    if (at - cuts[cuts.length - 1]! >= options.chunkSize && source.length - at >= options.chunkSize / 2) {
      cuts.push(at);
    }
  }
  if (cuts.length < 2) return null;

  const stubs: string[] = [];
  const stubOffsets: number[] = [];
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
  let stubFence = 0;
  for (let match = definitionLine.exec(source); match; match = definitionLine.exec(source)) {
    // Not in fenced code: such a stub could open a fence that swallows the stubs after it.
    while (stubFence < fenced.length && fenced[stubFence]![1] <= match.index) stubFence++;
    if (stubFence < fenced.length && fenced[stubFence]![0] <= match.index) continue;
    const footnote = match[1] === '^';
    const label = match[2]!;
    stubLabels.add(`${footnote ? 'F' : 'L'}${label}`);
    if (footnote) {
      stubs.push(`[^${label}]: x`);
      stubOffsets.push(match.index);
      continue;
    }
    if (match.index < coveredTo) continue;
    // A link definition's title may continue on the next lines: take its lines up to a blank one
    // or the next definition (each gets its own stub, offered by its own label), or a fence.
    let end = source.indexOf('\n', match.index);
    while (
      end !== -1 &&
      end + 1 < source.length &&
      !/^(?:[ \t]*(\r?\n|$)| {0,3}(?:\[|```|~~~))/.test(source.slice(end + 1, end + 200))
    ) {
      end = source.indexOf('\n', end + 1);
    }
    if (end === -1) end = source.length;
    coveredTo = end;
    stubs.push(source.slice(match.index, end).replace(/\r$/, ''));
    stubOffsets.push(match.index);
  }

  const chunks: ChunkInput[] = [];
  let line = 1;
  for (let index = 0; index < cuts.length; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1] ?? source.length;
    const text = source.slice(from, to);
    chunks.push({
      text,
      from,
      line,
      stubs,
      stubOffsets,
      maskedFence: index === 0 && !!file.data.folioMaskedFence,
      last: index === cuts.length - 1,
    });
    line += countLineFeeds(text);
  }
  return { chunks, stubLabels, footnotes: guessFootnotes(source, bodyStart) };
}

/** A footnote citation, or with `:` after it, the start of a definition. */
const citation = /\[\^((?:[^\\\]\s]|\\.)+)\](:?)/g;

/** What the footnotes section will probably hold, from the text alone (see {@link ChunkPlan}). */
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

/** The opening (or closing) line of a fenced code or math block. */
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

/** A tag, a whole empty comment (`<!-->`, `<!--->`), or the start or end of a comment. */
const htmlToken = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(\/?)>|<!---?>|<!--|--!?>/g;
/** A code span on one line (its text is not HTML). */
const codeSpan = /(`+)(?!`).*?[^`]\1(?!`)/g;

/**
 * Where raw HTML is probably left open in `source` (from `from` on, outside its fenced blocks and
 * code spans): `[start, end)` from a tag that opens an element able to outlive its block (see
 * `couplingElements`), or a comment, to where it is closed (an unclosed one runs to the end).
 * Read from the text alone, so that the plan does not cut there; the chunks' own checks after
 * parsing are what make a cut safe.
 */
function htmlOpenRanges(
  source: string,
  from: number,
  fenced: readonly [number, number][],
): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let comment = false;
  let openedAt = 0;
  let start = from;
  for (const [fenceStart, fenceEnd] of [...fenced, [source.length, source.length] as const]) {
    const text = source.slice(start, fenceStart).replace(codeSpan, (span) => ' '.repeat(span.length));
    for (const match of text.matchAll(htmlToken)) {
      const wasOpen = depth > 0 || comment;
      if (match[0].startsWith('--')) comment = false;
      else if (comment) continue;
      else if (match[0] === '<!--') comment = true;
      else if (match[0].startsWith('<!--')) continue;
      else {
        const name = match[2]!.toLowerCase();
        if (voidElements.has(name) || match[3] || !couplingElements.has(name)) continue;
        depth = Math.max(0, depth + (match[1] ? -1 : 1));
      }
      const open = depth > 0 || comment;
      if (!wasOpen && open) openedAt = start + match.index;
      else if (wasOpen && !open) ranges.push([openedAt, start + match.index + match[0].length]);
    }
    start = fenceEnd;
  }
  if (depth > 0 || comment) ranges.push([openedAt, source.length]);
  return ranges;
}

/** Where the body starts: just after a closed `---` or `+++` block at the top, else 0. */
function frontmatterEnd(source: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(source);
  if (!open) return 0;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`\\n${fence}[ \\t]*(?:\\r?\\n|$)`, 'g');
  close.lastIndex = open[0].length - 1;
  const match = close.exec(source);
  return match ? match.index + match[0].length : 0;
}

/** How many line feeds `text` holds. */
function countLineFeeds(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
