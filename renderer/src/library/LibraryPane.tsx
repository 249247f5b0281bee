import type { ReactElement } from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../shared/contract';
import './LibraryPane.css';

/** Props of {@link LibraryPane}. */
export interface LibraryPaneProps {
  readonly library: LibraryInfo | null;
  readonly articles: readonly ArticleSummary[];
  readonly selected: string | null;
  /** Path of the open article when it has unsaved changes. */
  readonly dirtyPath: string | null;
  readonly onOpen: (path: string) => void;
  /** Opens an article next to the open one (review); without it the action is not offered. */
  readonly onOpenToSide?: (path: string) => void;
}

/** The library sidebar: the articles of the open library, grouped by folder. */
export function LibraryPane({
  library,
  articles,
  selected,
  dirtyPath,
  onOpen,
  onOpenToSide,
}: LibraryPaneProps): ReactElement {
  return (
    <nav className="folio-library" aria-label="Library">
      <header className="folio-library-header">
        <h1 title={library?.root}>{library?.name ?? 'Library'}</h1>
        <span className="folio-library-count">{articles.length}</span>
      </header>
      <ul className="folio-library-list">
        {articles.map((article) => {
          const folder = article.path.includes('/')
            ? article.path.slice(0, article.path.lastIndexOf('/'))
            : '';
          return (
            <li key={article.path}>
              <a
                href={`#/article/${encodeURIComponent(article.path)}`}
                aria-current={article.path === selected ? 'page' : undefined}
                className="folio-library-item"
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(article.path);
                }}
              >
                <span className="folio-library-title">
                  {article.title}
                  {article.path === dirtyPath && <span aria-label="unsaved changes"> •</span>}
                </span>
                <span className="folio-library-meta">
                  {article.status && (
                    <span className={`folio-status folio-status-${article.status}`}>{article.status}</span>
                  )}
                  {folder && <span className="folio-library-folder">{folder}</span>}
                  <span>{article.words.toLocaleString('en')} words</span>
                </span>
                {article.problems.length > 0 && (
                  <span className="folio-library-problem" title={article.problems.join('\n')}>
                    ⚠ {article.problems[0]}
                  </span>
                )}
              </a>
              {onOpenToSide && (
                <button
                  type="button"
                  className="folio-library-side"
                  title="Open to the side"
                  aria-label={`Open ${article.title} to the side`}
                  onClick={() => onOpenToSide(article.path)}
                >
                  <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
                    <rect x="0.5" y="0.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
                    <line x1="7" y1="1" x2="7" y2="11" stroke="currentColor" />
                  </svg>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
