import type { ArticleStatus, ArticleSummary } from './contract';
import { parse as parseToml } from 'smol-toml';
// The readers themselves, not the folder's index: scan workers load this module, and the index
// brings the form's editing and schema code (zod) they never use.
import { frontmatterData, quickFrontmatterData, type ParsedFrontmatter } from './frontmatter/data';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter/find-block';
import { countWords } from './word-scanner';

/** Word counting lives in word-scanner.ts; re-exported here where the editor has always found it. */
export { countWords };

const statuses: readonly ArticleStatus[] = ['draft', 'review', 'published'];

/** The body of an article: its text after the frontmatter block. */
export function articleBody(text: string): string {
  const block = findFrontmatter(text);
  return block ? text.slice(block.to) : text.replace(/^\uFEFF/, '');
}

/**
 * Builds what the library pane shows of one article: title (frontmatter `title`, else the first
 * `#` heading, else the file name), status, tags, date, words, an excerpt and any problems.
 */
export function summarizeArticle(path: string, text: string, updated: Date): ArticleSummary {
  return readArticleSummary(path, text, updated).summary;
}

/**
 * {@link summarizeArticle}, also telling where the body starts (after the frontmatter block and
 * a BOM), so that the library finds the block once per file, not once per use. `wordsInText`:
 * the words of the whole `text`, when the caller counted them already (the library counts them
 * in the file's bytes, which is faster); the body's words are then that minus the block's words.
 * This is exact because the block always ends with a line break (or the text ends there), so
 * no word runs across the boundary.
 */
export function readArticleSummary(
  path: string,
  text: string,
  updated: Date,
  wordsInText?: number,
): {
  summary: ArticleSummary;
  bodyFrom: number;
  /** The YAML data schema checks read; `null` for TOML and unreadable blocks (not checked). */
  schemaData: Readonly<Record<string, unknown>> | null;
} {
  const { block, data, problems } = readMetadata(text);
  const bodyFrom = block ? block.to : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(bodyFrom);
  const summary = summaryOf(path, data, updated, problems);
  summary.title = titleOf(data.title) ?? firstHeading(body) ?? fileTitle(path);
  summary.words =
    wordsInText === undefined ? countWords(body) : wordsInText - countWords(text.slice(0, bodyFrom));
  summary.excerpt = excerptOf(body);
  return { summary, bodyFrom, schemaData: block?.kind === 'toml' || problems.length > 0 ? null : data };
}

/**
 * {@link readArticleSummary} from the start of an article only, for the library scan, which
 * then decodes no more of a file than its listing needs. `block`: the frontmatter block found at
 * the start of the text (`null`: none); `bodyStart`: the body's first complete lines (all of it
 * when `complete`), or a function that decodes them, called only when a heading or the excerpt
 * is needed; `wordsInBody`: the words of the whole body; `own`: copies a string cut from
 * `bodyStart` (the title from a heading, the excerpt) so that it does not hold on to all of it
 * (default: as is; values read from the block are slices of its text, which the caller keeps);
 * `withExcerpt`: false leaves the excerpt empty, for a listing that never shows it (`folio
 * list`), which then needs no body text at all when the frontmatter has a title.
 * The same summary as the whole text gives (but for the excerpt without `withExcerpt`), or `null`
 * when these parts cannot tell (a block only `yaml` reads, a problem, or a title or excerpt not
 * found in the lines given): the caller then reads the whole text.
 */
export function summarizeStart(
  path: string,
  block: FrontmatterBlock | null,
  bodyStart: string | (() => string),
  complete: boolean,
  updated: Date,
  wordsInBody: number,
  own: (text: string) => string = (text) => text,
  withExcerpt = true,
): { summary: ArticleSummary; schemaData: Readonly<Record<string, unknown>> | null } | null {
  let data: Record<string, unknown> = {};
  if (block?.kind === 'toml') {
    const read = tomlData(block);
    if (read.problems.length > 0) return null;
    data = read.data;
  } else if (block) {
    const read = quickFrontmatterData(block);
    if (!read) return null;
    data = read;
  }
  const fromData = titleOf(data.title);
  const start =
    fromData === null || withExcerpt ? (typeof bodyStart === 'string' ? bodyStart : bodyStart()) : '';
  const heading = fromData === null ? firstHeading(start) : null;
  const title = fromData ?? heading ?? (complete ? fileTitle(path) : null);
  const excerpt = withExcerpt ? excerptOf(start) : '';
  if (title === null || (withExcerpt && excerpt === '' && !complete)) return null;
  const summary = summaryOf(path, data, updated, noProblems);
  summary.title = heading === null ? title : own(heading);
  summary.words = wordsInBody;
  summary.excerpt = withExcerpt ? own(excerpt) : '';
  return { summary, schemaData: block?.kind === 'toml' ? null : data };
}

/** The problems of an article without any, shared (read-only) by the listing's summaries. */
const noProblems: readonly string[] = Object.freeze([]);

/** A summary's fields read from the frontmatter data; title, words and excerpt are filled in after. */
function summaryOf(
  path: string,
  data: Readonly<Record<string, unknown>>,
  updated: Date,
  problems: readonly string[],
): { -readonly [K in keyof ArticleSummary]: ArticleSummary[K] } {
  const status =
    typeof data.status === 'string'
      ? data.status.trim().toLowerCase()
      : data.draft === true
        ? 'draft' // Hugo, Astro and Eleventy mark drafts with `draft: true`
        : null;
  // (Every field in its final order, so summaries built here and by the full read are alike.)
  return {
    path,
    title: '',
    status: statuses.includes(status as ArticleStatus) ? (status as ArticleStatus) : null,
    tags: tagsOf(data.tags),
    date: scalarText(data.date ?? data.pubDate ?? data.publishDate),
    updated: updated.toISOString(),
    words: 0,
    excerpt: '',
    problems: problems.length === 0 ? noProblems : [...problems],
  };
}

/**
 * Frontmatter data for the listing. YAML comes from the shared reader; a TOML block (Hugo's
 * `+++`) is read here with smol-toml, only for the listing: the editor keeps it read-only.
 */
function readMetadata(text: string): ParsedFrontmatter {
  const block = findFrontmatter(text);
  if (!block) return { block, data: {}, problems: [] };
  return { block, ...(block.kind === 'toml' ? tomlData(block) : frontmatterData(block)) };
}

/** The data of a TOML block, or the problem that makes it unreadable. */
function tomlData(block: FrontmatterBlock): { data: Record<string, unknown>; problems: string[] } {
  try {
    const data = parseToml(block.content) as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      // Keep dates as written (`2023-04-01T10:00:00+02:00`), not re-printed with milliseconds.
      if (value instanceof Date) {
        const raw = new RegExp(
          `^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*([^#\\n]+?)\\s*(?:#.*)?$`,
          'm',
        ).exec(block.content);
        if (raw) data[key] = raw[1];
      }
    }
    return { data, problems: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, problems: [`Invalid TOML frontmatter: ${message}`] };
  }
}

function titleOf(value: unknown): string | null {
  const text = scalarText(value)?.trim();
  return text ? text : null;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // smol-toml's dates extend Date and print as written (offset kept, date-only stays a date).
  if (value instanceof Date) return value.toISOString();
  return null;
}

function tagsOf(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (!Array.isArray(value)) return [];
  // A list of words as it is (read-only everywhere): no copy, and no spare room that `filter`
  // leaves in a new array, for every article of a library the listing keeps.
  if (value.every((t) => typeof t === 'string' && t !== '')) return value as string[];
  return value.map(scalarText).filter((t): t is string => !!t);
}

/**
 * The first level-one heading outside code: ATX (`# Title`) or setext (`Title` over `===`).
 * Heading ids (`{#intro}`, as Hugo and Docusaurus write them) and inline marks are dropped.
 */
function firstHeading(body: string): string | null {
  // Line by line without splitting the whole body: the heading is usually near the top.
  let fence: string | null = null;
  for (let at = 0; at <= body.length;) {
    const end = lineEndAt(body, at);
    const line = body.slice(at, end);
    at = end + 1;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    const atx = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return cleanHeading(atx[1]!);
    const next = at <= body.length ? body.slice(at, lineEndAt(body, at)) : undefined;
    if (next !== undefined && /^ {0,3}=+[ \t]*$/.test(next) && line.trim() && !/^ {4}/.test(line)) {
      return cleanHeading(line);
    }
  }
  return null;
}

function cleanHeading(text: string): string | null {
  const clean = text
    .replace(/[ \t]*\{#[^}]*\}[ \t]*$/, '')
    .replace(/(\*\*|\*|`)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])(__?)(.+?)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
  return clean || null;
}

function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '');
}

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function excerptOf(body: string): string {
  for (let at = 0; at <= body.length;) {
    const end = lineEndAt(body, at);
    const trimmed = body.slice(at, end).trim();
    at = end + 1;
    if (!trimmed || /^(#|```|~~~|\||<|!\[|[-*_]{3,}$|>)/.test(trimmed)) continue;
    const plain = trimmed.replace(/[*_`[\]]/g, '').replace(/\(([^)]*)\)/g, '');
    return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain;
  }
  return '';
}
