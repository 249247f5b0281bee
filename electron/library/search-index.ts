import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchHit } from '../../shared/library-contract';
import type { ArticleIndex, IndexedArticle } from './article-index';

interface SearchDoc {
  readonly id: string;
  readonly title: string;
  readonly tags: string;
  readonly body: string;
}

const snippetRadius = 70;

/**
 * Full-text search over titles, tags and bodies with MiniSearch (prefix and fuzzy). The index is
 * built on the first search (so that opening a big library lists it at once) and then follows
 * the article index change by change.
 */
export class SearchIndex {
  private mini: MiniSearch<SearchDoc> | null = null;
  private building: Promise<void> | null = null;
  /** Articles that changed while the index was being built. */
  private readonly changedDuringBuild = new Set<string>();

  constructor(private readonly articles: ArticleIndex) {
    articles.onChange((change) => {
      if (!this.mini) {
        if (this.building) this.changedDuringBuild.add(change.path);
        return;
      }
      if (this.mini.has(change.path)) this.mini.discard(change.path);
      if (change.kind === 'upsert') this.mini.add(toDoc(change.path, change.entry));
    });
  }

  /**
   * Builds the index in small chunks, yielding between them, so that a big library stays
   * responsive while it is indexed (the app starts this after the first listing). Changes that
   * arrive meanwhile are applied once the build is done.
   */
  build(): Promise<void> {
    if (this.mini) return Promise.resolve();
    this.building ??= (async () => {
      const mini = createMini();
      const docs: SearchDoc[] = [];
      for (const entry of this.articles.all()) docs.push(toDoc(entry.summary.path, entry));
      await mini.addAllAsync(docs, { chunkSize: 250 });
      // Catch up with what changed during the build.
      for (const path of this.changedDuringBuild) {
        if (mini.has(path)) mini.discard(path);
        const entry = this.articles.get(path);
        if (entry) mini.add(toDoc(path, entry));
      }
      this.changedDuringBuild.clear();
      this.mini = mini;
    })();
    return this.building;
  }

  /** Searches; results come best first with a snippet around the first match. */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    if (!query.trim()) return [];
    await this.build();
    let results = this.mini!.search(query);
    // Every word must match; when none does, fall back to any word matching.
    if (results.length === 0) results = this.mini!.search(query, { combineWith: 'OR' });
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, limit)) {
      const entry = this.articles.get(String(result.id));
      if (!entry) continue;
      hits.push({
        path: entry.summary.path,
        title: entry.summary.title,
        ...snippetFor(entry, result),
        score: round(result.score),
      });
    }
    return hits;
  }
}

function createMini(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['title', 'tags', 'body'],
    storeFields: [],
    searchOptions: {
      boost: { title: 3, tags: 2 },
      // Prefix matching for the word being typed, fuzzy matching for words long enough to
      // have a typo: both widen the search, and on common short words they cost the most.
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
}

function toDoc(path: string, entry: IndexedArticle): SearchDoc {
  return { id: path, title: entry.summary.title, tags: entry.summary.tags.join(' '), body: entry.body };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Plain text around the first matched term of the body (or the excerpt), with match ranges. */
function snippetFor(
  entry: IndexedArticle,
  result: SearchResult,
): { snippet: string; highlights: [number, number][] } {
  const terms = result.terms.filter((term) => term.length > 0);
  const text = plainText(entry.body);
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
    const start = Math.max(0, at - snippetRadius);
    const end = Math.min(text.length, at + snippetRadius);
    snippet = `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  }
  const highlights: [number, number][] = [];
  const snippetLower = snippet.toLowerCase();
  for (const term of terms) {
    for (let i = findWord(snippetLower, term); i !== -1; i = findWord(snippetLower, term, i + term.length)) {
      highlights.push([i, i + term.length]);
    }
  }
  highlights.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of highlights) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return { snippet, highlights: merged };
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
