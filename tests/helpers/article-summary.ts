import type { ArticleSummary } from '../../shared/contract';

/** An article as the library lists it: `path` and `title`, plain defaults for the rest. */
export function article(path: string, title: string, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    path,
    title,
    status: null,
    tags: [],
    date: null,
    updated: '2026-01-01T00:00:00.000Z',
    words: 1,
    excerpt: '',
    problems: [],
    ...extra,
  };
}
