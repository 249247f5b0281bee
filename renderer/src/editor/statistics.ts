import type { EditorState } from '@codemirror/state';
import { articleBody, countWords } from '../../../shared/article-meta';
import { parseFrontmatter } from '../../../shared/frontmatter';

/** Words per minute used for the reading time (a common figure for adult silent reading). */
export const readingWordsPerMinute = 230;

/** Counts of a piece of text. */
export interface TextCounts {
  readonly words: number;
  /** Characters (code points) other than line breaks. */
  readonly characters: number;
}

/** The statistics the status bar shows for the whole article. */
export interface ArticleStatistics extends TextCounts {
  /** Whole minutes, at least 1 for a non-empty article. */
  readonly readingMinutes: number;
  /** Frontmatter `wordTarget`, when it is a positive number. */
  readonly wordTarget: number | null;
}

/** Words and characters of `text`. */
export function countText(text: string): TextCounts {
  let characters = 0;
  for (const char of text) if (char !== '\n' && char !== '\r') characters++;
  return { words: countWords(text), characters };
}

/** Reading time in whole minutes for `words` (0 for none, else at least 1). */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / readingWordsPerMinute));
}

/** The article's word target from frontmatter `wordTarget` (a positive number), else null. */
export function wordTargetOf(text: string): number | null {
  const { data } = parseFrontmatter(text);
  const raw = data.wordTarget;
  const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}

/** Statistics of a whole article: its body (frontmatter excluded) and its word target. */
export function articleStatistics(text: string): ArticleStatistics {
  const counts = countText(articleBody(text));
  return { ...counts, readingMinutes: readingMinutes(counts.words), wordTarget: wordTargetOf(text) };
}

/** Counts of everything selected (all ranges), or null when nothing is selected. */
export function selectionCounts(state: EditorState): TextCounts | null {
  const ranges = state.selection.ranges.filter((range) => !range.empty);
  if (ranges.length === 0) return null;
  let words = 0;
  let characters = 0;
  for (const range of ranges) {
    const counts = countText(state.sliceDoc(range.from, range.to));
    words += counts.words;
    characters += counts.characters;
  }
  return { words, characters };
}
