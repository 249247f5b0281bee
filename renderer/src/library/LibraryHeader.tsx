import type { ReactElement } from 'react';
import type { LibraryInfo } from '../../../shared/contract';
import type { DropHandlers } from './LibraryTree';

/** Props of {@link LibraryHeader}. */
export interface LibraryHeaderProps {
  readonly library: LibraryInfo | null;
  readonly articleCount: number;
  /** Marks the header as the drop target (an article dragged to the library's top folder). */
  readonly dropTarget: boolean;
  readonly dropHandlers: DropHandlers;
  readonly onNewArticle: () => void;
  readonly onNewFolder: () => void;
  readonly onOpenLibrary: () => void;
  readonly onCloneLibrary: () => void;
}

/**
 * The library pane's header: the library's name (its folder on hover), how many articles it
 * holds, and the buttons for a new article or folder and for opening or cloning a library.
 * Dropping an article on it moves the article to the library's top folder.
 */
export function LibraryHeader({
  library,
  articleCount,
  dropTarget,
  dropHandlers,
  onNewArticle,
  onNewFolder,
  onOpenLibrary,
  onCloneLibrary,
}: LibraryHeaderProps): ReactElement {
  return (
    <header className={`folio-library-header${dropTarget ? ' folio-drop-target' : ''}`} {...dropHandlers}>
      <h1 title={library?.root}>{library?.name ?? 'Library'}</h1>
      <span className="folio-library-count" aria-label={`${articleCount} articles`}>
        {articleCount}
      </span>
      <div className="folio-library-tools">
        <button
          type="button"
          className="folio-icon-button"
          aria-label="New article"
          title="New article"
          onClick={onNewArticle}
        >
          +
        </button>
        <button
          type="button"
          className="folio-icon-button"
          aria-label="New folder"
          title="New folder"
          onClick={onNewFolder}
        >
          ⊞
        </button>
        <button
          type="button"
          className="folio-icon-button"
          aria-label="Open library…"
          title="Open library… (Ctrl/⌘+O)"
          aria-keyshortcuts="Control+O Meta+O"
          onClick={onOpenLibrary}
        >
          ⇄
        </button>
        <button
          type="button"
          className="folio-icon-button"
          aria-label="Clone library…"
          title="Clone library… (a git repository)"
          onClick={onCloneLibrary}
        >
          ⤓
        </button>
      </div>
    </header>
  );
}
