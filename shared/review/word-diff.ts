import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import { countWords } from '../article-meta';

/** One run of a word diff. */
export interface DiffPart {
  readonly kind: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** Options of {@link wordDiff}. */
export interface WordDiffOptions {
  /**
   * Milliseconds the word diff may take before it falls back to a line diff (two long, very
   * different texts make a word diff slow). Default 1500.
   */
  readonly timeout?: number;
}

/**
 * Diffs two texts word by word (jsdiff's `diffWordsWithSpace`), so that an editor reads a change
 * as "this word became that word" rather than as changed lines. Adjacent runs of one kind are
 * merged; a change is reported as its deletion followed by its insertion. When the word diff
 * would take too long, changed lines are reported instead.
 */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): DiffPart[] {
  const changes: ChangeObject<string>[] =
    diffWordsWithSpace(before, after, { timeout: options.timeout ?? 1500 }) ?? diffLines(before, after);
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) parts[parts.length - 1] = { kind, text: last.text + change.value };
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/** Counts of a diff, in words as the status bar counts them. */
export interface DiffStats {
  readonly insertedWords: number;
  readonly deletedWords: number;
  /** Number of separate changed places. */
  readonly changes: number;
}

/** Summarizes a word diff. */
export function diffStats(parts: readonly DiffPart[]): DiffStats {
  let insertedWords = 0;
  let deletedWords = 0;
  let changes = 0;
  let inChange = false;
  for (const part of parts) {
    if (part.kind === 'equal') {
      inChange = false;
      continue;
    }
    if (!inChange) changes++;
    inChange = true;
    if (part.kind === 'insert') insertedWords += countWords(part.text);
    else deletedWords += countWords(part.text);
  }
  return { insertedWords, deletedWords, changes };
}

/** Which side of a diff {@link diffAsCriticMarkup} shows. */
export type DiffSide = 'before' | 'after' | 'both';

// Block syntax at the start of a line must stay outside a mark, or the block would break.
const blockPrefix = /^(?:[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]?|\d{1,9}[.)][ \t]+|\|))+/;
const fenceLine = /^[ \t]*(?:```|~~~|---|\*\*\*|___)/;

function wrap(text: string, sigil: '++' | '--', atLineStart: boolean): string {
  // A mark cannot span lines in the preview: mark each line's changed part on its own.
  return text
    .split(/(\n)/)
    .map((segment, index, all) => {
      if (segment === '\n' || segment === '') return segment;
      const lineStart = index === 0 ? atLineStart : all[index - 1] === '\n';
      if (lineStart && fenceLine.test(segment)) return segment;
      const prefix = lineStart ? (blockPrefix.exec(segment)?.[0] ?? '') : '';
      const rest = segment.slice(prefix.length);
      if (rest.trim() === '') return segment;
      const lead = /^\s*/.exec(rest)![0];
      const trail = /\s*$/.exec(rest)![0];
      const core = rest.slice(lead.length, rest.length - trail.length);
      return `${prefix}${lead}{${sigil}${core}${sigil}}${trail}`;
    })
    .join('');
}

/**
 * Writes a word diff as Markdown with CriticMarkup, for the rendered diff: the preview pipeline
 * renders insertions as `<ins>` and deletions as `<del>`. `side` chooses which changes appear:
 * `before` shows the old text with its deletions marked, `after` the new text with its
 * insertions marked, `both` everything. Changed block syntax (`#`, list markers, fences) is
 * left unmarked so that the blocks still render.
 */
export function diffAsCriticMarkup(before: string, after: string, side: DiffSide = 'both'): string {
  return criticMarkupFromDiff(wordDiff(before, after), side);
}

/** {@link diffAsCriticMarkup} for a diff already computed (to diff once and show both sides). */
export function criticMarkupFromDiff(parts: readonly DiffPart[], side: DiffSide = 'both'): string {
  let out = '';
  for (const part of parts) {
    const atLineStart = out === '' || out.endsWith('\n');
    if (part.kind === 'equal') out += part.text;
    else if (part.kind === 'delete' && side !== 'after') out += wrap(part.text, '--', atLineStart);
    else if (part.kind === 'insert' && side !== 'before') out += wrap(part.text, '++', atLineStart);
  }
  return out;
}
