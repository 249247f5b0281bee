import type { ArticleStatus, ArticleSummary } from './contract';
import { parseFrontmatter } from './frontmatter';

const statuses: readonly ArticleStatus[] = ['draft', 'review', 'published'];
const wordPattern = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** Counts words the way a writer would: runs of letters and digits, with inner apostrophes. */
export function countWords(text: string): number {
  let count = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(text) !== null) count++;
  return count;
}

/** The body of an article: its text after the frontmatter block. */
export function articleBody(text: string): string {
  const { block } = parseFrontmatter(text);
  return block ? text.slice(block.to) : text.replace(/^\uFEFF/, '');
}

/**
 * Builds what the library pane shows of one article: title (frontmatter `title`, else the first
 * `#` heading, else the file name), status, tags, date, words, an excerpt and any problems.
 */
export function summarizeArticle(path: string, text: string, updated: Date): ArticleSummary {
  const { block, data, problems } = parseFrontmatter(text);
  const body = block ? text.slice(block.to) : text.replace(/^\uFEFF/, '');
  const status = typeof data.status === 'string' ? data.status.trim().toLowerCase() : null;
  return {
    path,
    title: titleOf(data.title) ?? firstHeading(body) ?? fileTitle(path),
    status: statuses.includes(status as ArticleStatus) ? (status as ArticleStatus) : null,
    tags: tagsOf(data.tags),
    date: scalarText(data.date),
    updated: updated.toISOString(),
    words: countWords(body),
    excerpt: excerptOf(body),
    problems,
  };
}

function titleOf(value: unknown): string | null {
  const text = scalarText(value)?.trim();
  return text ? text : null;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return null;
}

function tagsOf(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.map(scalarText).filter((t): t is string => !!t);
  return [];
}

function firstHeading(body: string): string | null {
  const match = /^ {0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(body);
  return match?.[1] ? match[1].trim() : null;
}

function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '');
}

function excerptOf(body: string): string {
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || /^(#|```|~~~|\||<|!\[|[-*_]{3,}$|>)/.test(trimmed)) continue;
    const plain = trimmed.replace(/[*_`[\]]/g, '').replace(/\(([^)]*)\)/g, '');
    return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain;
  }
  return '';
}
