import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import type { SearchHit } from '../../../shared/library-contract';
import { api } from '../api';
import { useSearchAnnouncement } from './useSearchAnnouncement';

/** The library search's query and its hits. */
export interface LibrarySearch {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  /** The hits of the query; `null` while there is no query (the tree shows) or none arrived yet. */
  readonly hits: readonly SearchHit[] | null;
}

/**
 * Searches the library as the author types (debounced 120 ms, at most 50 hits), again when the
 * articles change, and announces the number of hits once per query.
 */
export function useLibrarySearch(articles: readonly ArticleSummary[]): LibrarySearch {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const hits = query.trim() ? (found?.hits ?? null) : null;

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      api.searchArticles({ query, limit: 50 }).then(
        (result) => current && setFound({ query, hits: result }),
        () => current && setFound({ query, hits: [] }),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, articles]);
  useSearchAnnouncement(query, found?.query === query ? found.hits : null);

  return { query, setQuery, hits };
}
