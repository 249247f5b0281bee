import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../shared/library-contract';
import { announce } from '../accessibility';

/** How long the results of a query must stand before their count is announced (ms). */
export const searchAnnounceDelayMs = 700;

/**
 * Announces how many articles match the library search, once per query: only after the author
 * stops typing (the results of a query stood for {@link searchAnnounceDelayMs}), and not again
 * when the same query's results are refreshed by a change in the library.
 */
export function useSearchAnnouncement(query: string, hits: readonly SearchHit[] | null): void {
  const announced = useRef<string | null>(null);
  const count = hits?.length ?? null;
  useEffect(() => {
    const asked = query.trim();
    if (!asked) {
      announced.current = null;
      return;
    }
    if (count === null || announced.current === asked) return;
    const timer = setTimeout(() => {
      announced.current = asked;
      announce(
        count === 0
          ? `No article matches “${asked}”.`
          : `${count === 50 ? '50 or more' : count} ${count === 1 ? 'article matches' : 'articles match'} “${asked}”.`,
      );
    }, searchAnnounceDelayMs);
    return () => clearTimeout(timer);
  }, [query, count]);
}
