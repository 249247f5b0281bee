import type { ReactElement } from 'react';
import type { SearchHit } from '../../../shared/library-contract';

/** `text` with its `ranges` marked (a search hit's title or snippet). */
function Highlighted({
  text,
  ranges,
  className,
}: {
  text: string;
  ranges: SearchHit['highlights'];
  className: string;
}): ReactElement {
  const parts: ReactElement[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(<span key={`t${i}`}>{text.slice(at, start)}</span>);
    parts.push(<mark key={`m${i}`}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(<span key="rest">{text.slice(at)}</span>);
  return <span className={className}>{parts}</span>;
}

/** Props of {@link SearchResults}. */
export interface SearchResultsProps {
  /** The query as typed, quoted when nothing matches. */
  readonly query: string;
  readonly hits: readonly SearchHit[];
  /** Path of the open article, marked as the current page. */
  readonly selected: string | null;
  readonly onOpen: (path: string) => void;
}

/** The library search's hits: title, path and snippet of each, with the matches marked. */
export function SearchResults({ query, hits, selected, onOpen }: SearchResultsProps): ReactElement {
  return (
    <ul className="folio-library-list folio-library-tree" aria-label="Search results">
      {hits.length === 0 && <li className="folio-library-empty">No article matches “{query}”.</li>}
      {hits.map((hit) => (
        <li key={hit.path}>
          <a
            href={`#/article/${encodeURIComponent(hit.path)}`}
            className="folio-library-item"
            aria-current={hit.path === selected ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              onOpen(hit.path);
            }}
          >
            <Highlighted text={hit.title} ranges={hit.titleHighlights} className="folio-library-title" />
            <span className="folio-library-meta">{hit.path}</span>
            <Highlighted text={hit.snippet} ranges={hit.highlights} className="folio-search-snippet" />
          </a>
        </li>
      ))}
    </ul>
  );
}
