import { performance } from 'node:perf_hooks';
import type { SearchHit } from '../../shared/library-contract';
import { wordCharAt } from '../../shared/word-scanner';
import type { ArticleIndex, IndexedArticle } from './article-index';
import { termsOf } from './hashed-words';
import { TermIndex, type QueryTerm, type TermDocument } from './term-index';

const snippetRadius = 70;

/** Longest stretch (ms) the background build works before it lets other events run. */
const buildSliceMs = 12;

/**
 * Full-text search over titles, tags and bodies (prefix and fuzzy; see term-index.ts). Once its
 * build has started, the index follows the article index change by change; the library is added
 * by {@link SearchIndex.build} in short slices, so that opening a big library lists it at once
 * and the app stays responsive while it is indexed. A search waits for the build to finish, so
 * even the first one sees every article.
 */
export class SearchIndex {
  private readonly index = new TermIndex();
  private building: Promise<void> | null = null;

  constructor(private readonly articles: ArticleIndex) {
    articles.onChange((change) => {
      // Before the build starts there is nothing to keep up to date: it reads the latest entries.
      if (!this.building) return;
      if (change.kind === 'upsert') this.index.add(change.path, toDoc(change.entry));
      else this.index.remove(change.path);
    });
  }

  /**
   * Indexes every listed article not indexed yet, in slices of a few milliseconds (the app
   * starts this after the first listing). Changes that arrive meanwhile are applied at once.
   */
  build(): Promise<void> {
    this.building ??= (async () => {
      const paths = [...this.articles.all()].map((entry) => entry.summary.path);
      let sliceStart = performance.now();
      for (const path of paths) {
        if (performance.now() - sliceStart > buildSliceMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
        // Already indexed (a change arrived meanwhile), or gone since the list was taken.
        if (this.index.has(path)) continue;
        const entry = this.articles.get(path);
        if (entry) this.index.add(path, toDoc(entry));
      }
    })();
    return this.building;
  }

  /** Searches; results come best first with a snippet around the first match. */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const words: string[] = [];
    termsOf(query, (term) => words.push(term));
    if (words.length === 0) return [];
    await this.build();
    // Prefix matching for the word being typed (the last one), fuzzy matching for words long
    // enough to have a typo (one edit in five letters).
    const terms: QueryTerm[] = words.map((term, i) => ({
      term,
      prefix: i === words.length - 1,
      maxEdits: term.length > 3 ? Math.round(term.length * 0.2) : 0,
    }));
    // Every word must match; when none does, fall back to any word matching.
    let results = this.index.search(terms, 'AND', limit);
    if (results.length === 0) results = this.index.search(terms, 'OR', limit);
    const hits: SearchHit[] = [];
    for (const result of results) {
      const entry = this.articles.get(result.id);
      if (!entry) continue;
      const matched = result.terms.filter((term) => term.length > 0);
      hits.push({
        path: entry.summary.path,
        title: entry.summary.title,
        // A hit found by its title alone still shows why: its title's matches are marked too.
        titleHighlights: matchRanges(entry.summary.title, matched),
        ...snippetFor(entry, matched),
        score: round(result.score),
      });
    }
    return hits;
  }
}

function toDoc(entry: IndexedArticle): TermDocument {
  return { title: entry.summary.title, tags: entry.summary.tags.join(' '), body: entry.body };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Characters of Markdown around a match turned into plain text for its snippet. */
const snippetWindow = 240;

/** Plain text around the first matched term of the body (or the excerpt), with match ranges. */
function snippetFor(
  entry: IndexedArticle,
  terms: readonly string[],
): { snippet: string; highlights: [number, number][] } {
  const { text, atStart, atEnd } = plainTextAround(entry.body, terms);
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const found = findWord(lower, term);
    if (found !== -1 && (at === -1 || found < at)) at = found;
  }
  let snippet: string;
  if (at === -1) {
    snippet = entry.summary.excerpt || text.slice(0, snippetRadius * 2).trim();
  } else {
    // Cut at spaces, so that the snippet neither starts nor ends in the middle of a word.
    let start = Math.max(0, at - snippetRadius);
    if (start > 0) start = Math.min(at, text.indexOf(' ', start) + 1 || at);
    let end = Math.min(text.length, at + snippetRadius);
    const lastSpace = end < text.length ? text.lastIndexOf(' ', end) : -1;
    if (lastSpace > at) end = lastSpace;
    const before = start > 0 || !atStart ? '…' : '';
    const after = end < text.length || !atEnd ? '…' : '';
    snippet = `${before}${text.slice(start, end).trim()}${after}`;
  }
  return { snippet, highlights: matchRanges(snippet, terms) };
}

/** The `[start, end)` ranges of `text` where a matched term starts a word, merged and in order. */
function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const term of terms) {
    for (let i = findWord(lower, term); i !== -1; i = findWord(lower, term, i + term.length)) {
      ranges.push([i, i + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The plain text of the lines around the first match in `body`, so that a hit in a long article
 * converts a few hundred characters, not the whole article. A match the conversion removes
 * (inside a link target) moves on to the next one; with none left, the whole body is used.
 */
function plainTextAround(
  body: string,
  terms: readonly string[],
): { text: string; atStart: boolean; atEnd: boolean } {
  if (terms.length > 0) {
    // One case-insensitive pass of the regex engine finds each candidate without lower-casing a
    // long body first. A plain `i` regex (no Unicode property classes, which take milliseconds
    // to compile for every new query) finds the words; the word-start check is done here.
    const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(escaped.join('|'), 'gi');
    for (let attempt = 0; attempt < 20; attempt++) {
      const match = pattern.exec(body);
      if (!match) break;
      if (match.index > 0 && isWordEnd(body, match.index)) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      const at = match.index;
      const start = at > snippetWindow ? body.lastIndexOf('\n', at - snippetWindow) + 1 : 0;
      const newline = body.indexOf('\n', at + snippetWindow);
      const end = newline === -1 ? body.length : newline;
      const text = plainText(body.slice(start, end));
      const textLower = text.toLowerCase();
      if (terms.some((term) => findWord(textLower, term) !== -1)) {
        return { text, atStart: !body.slice(0, start).trim(), atEnd: end === body.length };
      }
      pattern.lastIndex = at + 1;
    }
  }
  return { text: plainText(body), atStart: true, atEnd: true };
}

/** True when the character before `index` is a letter or digit (so `index` starts no word). */
function isWordEnd(text: string, index: number): boolean {
  const low = text.charCodeAt(index - 1);
  const before = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return wordCharAt(text, before) > 0;
}

/** Index of `term` at the start of a word in `text` (MiniSearch terms are word prefixes). */
function findWord(text: string, term: string, from = 0): number {
  for (let i = text.indexOf(term, from); i !== -1; i = text.indexOf(term, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!)) return i;
  }
  return -1;
}

/** Markdown body as plain text for snippets: no heading marks, emphasis, link or image syntax. */
function plainText(body: string): string {
  return body
    .replace(/^ {0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|```.*|~~~.*)/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*|`|~~)(.+?)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
