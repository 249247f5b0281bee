import { useEffect, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import { fuzzyScore } from './library-tree';
import { Modal } from '../ui/Modal';
import { isApplePlatform } from '../ui/platform';
import { onQuickOpenRequest } from './pane-requests';

/** Props of {@link QuickOpen}. */
export interface QuickOpenProps {
  readonly articles: readonly ArticleSummary[];
  readonly onOpen: (path: string) => void;
}

/**
 * Quick-open (Ctrl/Cmd+P): type a few letters of a title or path, pick with the arrow keys,
 * open with Enter. Matching is fuzzy (letters in order), titles weigh more than paths.
 */
export function QuickOpen({ articles, onOpen }: QuickOpenProps): ReactElement | null {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => {
    const show = () => {
      setQuery('');
      setActive(0);
      setOpen(true);
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (
        (isApplePlatform() ? event.metaKey : event.ctrlKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'p'
      ) {
        event.preventDefault();
        event.stopPropagation();
        show();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const stopRequests = onQuickOpenRequest(show);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      stopRequests();
    };
  }, []);
  const matches = useMemo(() => {
    const scored = articles
      .map((article) => ({ article, score: fuzzyScore(query, article.title, article.path) }))
      .filter((item) => item.score >= 0);
    if (query) scored.sort((a, b) => b.score - a.score);
    else scored.sort((a, b) => b.article.updated.localeCompare(a.article.updated));
    return scored.slice(0, 50).map((item) => item.article);
  }, [articles, query]);
  if (!open) return null;
  const choose = (path: string | undefined) => {
    if (!path) return;
    setOpen(false);
    onOpen(path);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((at) => Math.max(0, Math.min(matches.length - 1, at + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(matches[active]?.path);
    }
  };
  return (
    <Modal title="Open article" onClose={() => setOpen(false)} className="folio-quick-open">
      <input
        autoFocus
        role="combobox"
        aria-label="Article to open"
        aria-expanded="true"
        aria-controls="folio-quick-open-list"
        aria-activedescendant={matches[active] ? `folio-qo-${active}` : undefined}
        placeholder="Type a title or path…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="folio-quick-open-list" role="listbox" aria-label="Matching articles">
        {matches.map((article, i) => (
          <li
            key={article.path}
            id={`folio-qo-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(article.path);
            }}
          >
            <span className="folio-qo-title">{article.title}</span>
            <span className="folio-qo-path">{article.path}</span>
          </li>
        ))}
        {matches.length === 0 && <li className="folio-qo-empty">No article matches.</li>}
      </ul>
    </Modal>
  );
}
