import type { GitChange, GitChangeKind } from '../../../shared/git-contract';
import { pluralWord } from '../../../shared/plural';

/** How the library tree and the Sync bar show one kind of change: a short mark and its words. */
export interface ChangeMark {
  /** The visible mark (one letter, not colour alone). */
  readonly symbol: string;
  /** A short word shown in tooltips and lists ("new"). */
  readonly word: string;
  /** What a screen reader says after the article's title. */
  readonly description: string;
}

/** The mark of each kind of change, as the library tree shows it. */
export const changeMarks: Readonly<Record<GitChangeKind, ChangeMark>> = {
  new: { symbol: 'N', word: 'new', description: 'new since the last sync' },
  modified: { symbol: 'M', word: 'modified', description: 'modified since the last sync' },
  deleted: { symbol: 'D', word: 'deleted', description: 'deleted since the last sync' },
  conflicted: { symbol: 'C', word: 'conflicted', description: 'conflicted: changed on both sides' },
};

/** True for a path the library lists as an article (Markdown), not an asset. */
export function isArticlePath(path: string): boolean {
  return /\.(md|markdown|mdown|mkd|mdx)$/i.test(path);
}

/** The changes by library path, for the tree's marks. */
export function changesByPath(changes: readonly GitChange[]): ReadonlyMap<string, GitChangeKind> {
  return new Map(changes.map((change) => [change.path, change.kind]));
}

/** What the Sync button says about the changes a sync would send. */
export interface ChangeCount {
  /** Changed articles. */
  readonly articles: number;
  /** Changed files that are not articles (images and other assets). */
  readonly files: number;
  /** The count in words ("2 changed articles and 1 other file", "No changes"). */
  readonly text: string;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${pluralWord(count, { one, other: many })}`;
}

/** Counts the changed articles (and other files) a sync would send, and says it in words. */
export function countChanges(changes: readonly GitChange[]): ChangeCount {
  const articles = changes.filter((change) => isArticlePath(change.path)).length;
  const files = changes.length - articles;
  const parts = [
    ...(articles ? [plural(articles, 'changed article', 'changed articles')] : []),
    ...(files
      ? [plural(files, articles ? 'other file' : 'changed file', articles ? 'other files' : 'changed files')]
      : []),
  ];
  return { articles, files, text: parts.length ? parts.join(' and ') : 'No changes' };
}
