import { useEffect, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../shared/contract';
import { changesByPath, GitBar, onCloneLibraryRequest, useGitStatus } from '../git';
import { Menu, type MenuItem } from '../menu/Menu';
import { allTags, buildTree, type LibraryFilter, type SortKey } from './library-tree';
import { LibraryControls } from './LibraryControls';
import { LibraryDialogHost, type LibraryDialog } from './LibraryDialogHost';
import { LibraryHeader } from './LibraryHeader';
import { LibraryNoticeBar } from './LibraryNoticeBar';
import { LibraryTree } from './LibraryTree';
import { onOpenLibraryRequest, requestOpenLibrary } from './open-library-request';
import { onNewArticleRequest } from './pane-requests';
import { SearchResults } from './SearchResults';
import { TrashSection } from './TrashSection';
import { visibleRows, type TreeRow } from './tree-navigation';
import { articleDragType, useArticleDrop } from './useArticleDrop';
import { useLibraryActions } from './useLibraryActions';
import { useLibrarySearch } from './useLibrarySearch';
import './LibraryPane.css';

/** Props of {@link LibraryPane}. */
export interface LibraryPaneProps {
  readonly library: LibraryInfo | null;
  readonly articles: readonly ArticleSummary[];
  /** False until the library has been listed once, so that an empty list is not yet "no articles". */
  readonly listed?: boolean;
  readonly selected: string | null;
  /** Path of the open article when it has unsaved changes. */
  readonly dirtyPath: string | null;
  readonly onOpen: (path: string) => void;
  /** Opens an article next to the open one (review); without it the action is not offered. */
  readonly onOpenToSide?: (path: string) => void;
  /** Called before an article is deleted, so that the editor can let go of it. */
  readonly onDeleting?: (path: string) => void;
  /** Autosave switch, shown in the pane's footer. */
  readonly autosave?: boolean;
  readonly onAutosaveChange?: (on: boolean) => void;
  /** Runs before "Open library…" switches (save or confirm unsaved work); `false` stays. */
  readonly beforeOpenLibrary?: () => Promise<boolean>;
  /** Saves the open article before a git sync; `false` (could not save) stops the sync. */
  readonly beforeSync?: () => Promise<boolean>;
}

type OpenMenu = { x: number; y: number; label: string; items: MenuItem[] };

/**
 * The library sidebar: search, sort and filters, the folder tree with counts, file operations
 * (buttons, context menu, keyboard: F2 rename, Delete, Shift+F10 menu; drag an article onto a
 * folder to move it) and the library trash with restore.
 */
export function LibraryPane({
  library,
  articles,
  listed = true,
  selected,
  dirtyPath,
  onOpen,
  onOpenToSide,
  onDeleting,
  autosave,
  onAutosaveChange,
  beforeOpenLibrary,
  beforeSync,
}: LibraryPaneProps): ReactElement {
  const [sort, setSort] = useState<SortKey>('title');
  const [filter, setFilter] = useState<LibraryFilter>({ status: null, tag: null });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<LibraryDialog | null>(null);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [showTrash, setShowTrash] = useState(false);
  const actions = useLibraryActions({ libraryRoot: library?.root, onOpen, onDeleting });
  const { query, setQuery, hits } = useLibrarySearch(articles);
  const { dropTarget, dropProps } = useArticleDrop(articles, (article, folder) =>
    setDialog({ kind: 'move', article, folder }),
  );

  // "Open library…" from the command palette or its shortcut (Ctrl/Cmd+O).
  useEffect(() => onOpenLibraryRequest(() => setDialog({ kind: 'open-library' })), []);
  // "New article" from the editor's empty state.
  useEffect(() => onNewArticleRequest(() => setDialog({ kind: 'new-article', folder: '' })), []);
  useEffect(() => onCloneLibraryRequest(() => setDialog({ kind: 'clone-library' })), []);
  const git = useGitStatus();
  const gitChanges = useMemo(() => (git.status ? changesByPath(git.status.changes) : null), [git.status]);

  const { folders } = actions;
  const tree = useMemo(() => buildTree(articles, folders, sort, filter), [articles, folders, sort, filter]);
  const tags = useMemo(() => allTags(articles), [articles]);
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);

  const askDelete = (article: ArticleSummary) => {
    if (article.path === dirtyPath) setDialog({ kind: 'confirm-delete', article });
    else void actions.remove(article);
  };

  const articleMenu = (article: ArticleSummary, x: number, y: number): OpenMenu => ({
    x,
    y,
    label: `Actions for ${article.title}`,
    items: [
      { label: 'Open', run: () => onOpen(article.path) },
      ...(onOpenToSide ? [{ label: 'Open to the side', run: () => onOpenToSide(article.path) }] : []),
      { label: 'Rename…', shortcut: 'F2', run: () => setDialog({ kind: 'rename', article }) },
      { label: 'Move to…', run: () => setDialog({ kind: 'move', article }) },
      { label: 'Duplicate', run: () => void actions.duplicate(article) },
      { label: 'Delete', shortcut: 'Del', run: () => askDelete(article) },
    ],
  });

  const folderMenu = (folder: string, x: number, y: number): OpenMenu => ({
    x,
    y,
    label: `Actions for folder ${folder || library?.name || 'Library'}`,
    items: [
      { label: 'New article here…', run: () => setDialog({ kind: 'new-article', folder }) },
      { label: 'New folder here…', run: () => setDialog({ kind: 'new-folder', parent: folder }) },
    ],
  });

  const toggleFolder = (path: string, open?: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open ?? next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  /** File-operation keys on a row: F2 renames, Delete deletes, the menu key opens its menu. */
  const onRowCommandKey = (event: KeyboardEvent, row: TreeRow, element: HTMLElement): boolean => {
    const menuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
    const article = row.article;
    const box = element.getBoundingClientRect();
    if (menuKey) {
      setMenu(
        article
          ? articleMenu(article, box.left + 24, box.top + 32)
          : folderMenu(row.path, box.left + 24, box.top + 32),
      );
    } else if (article && event.key === 'F2') {
      setDialog({ kind: 'rename', article });
    } else if (article && (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey))) {
      askDelete(article);
    } else return false;
    return true;
  };

  const newArticle = () => setDialog({ kind: 'new-article', folder: '' });

  return (
    <nav className="folio-library" aria-label="Library">
      <LibraryHeader
        library={library}
        articleCount={articles.length}
        dropTarget={dropTarget === ''}
        dropHandlers={dropProps('')}
        onNewArticle={newArticle}
        onNewFolder={() => setDialog({ kind: 'new-folder', parent: '' })}
        onOpenLibrary={() => setDialog({ kind: 'open-library' })}
        onCloneLibrary={() => setDialog({ kind: 'clone-library' })}
      />
      <GitBar
        status={git.status}
        onRefresh={git.refresh}
        beforeSync={beforeSync ?? (() => Promise.resolve(true))}
        onNotice={(text) => actions.notify({ text, announced: true })}
      />
      <div className="folio-library-search">
        <input
          type="search"
          aria-label="Search library"
          placeholder="Search…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
            if (event.key === 'Enter' && hits?.[0]) onOpen(hits[0].path);
          }}
        />
      </div>
      {hits === null && (
        <LibraryControls
          sort={sort}
          filter={filter}
          tags={tags}
          onSortChange={setSort}
          onFilterChange={setFilter}
        />
      )}
      <div className="folio-library-body">
        {hits !== null ? (
          <SearchResults query={query} hits={hits} selected={selected} onOpen={onOpen} />
        ) : (
          <>
            {tree.count === 0 && listed && (
              <div className="folio-library-empty">
                {articles.length === 0 ? (
                  <>
                    <p>This library has no articles yet.</p>
                    <button type="button" className="folio-button folio-button-primary" onClick={newArticle}>
                      New article
                    </button>
                    <button type="button" className="folio-button" onClick={requestOpenLibrary}>
                      Open library…
                    </button>
                  </>
                ) : (
                  <p>No article matches the filters.</p>
                )}
              </div>
            )}
            <LibraryTree
              rows={rows}
              selected={selected}
              dirtyPath={dirtyPath}
              changes={gitChanges}
              dropTarget={dropTarget}
              dragType={articleDragType}
              onOpen={onOpen}
              onToggleFolder={toggleFolder}
              onExpandFolders={(paths) =>
                setCollapsed((current) => new Set([...current].filter((path) => !paths.includes(path))))
              }
              onCommandKey={onRowCommandKey}
              onContextMenu={(row, x, y) =>
                setMenu(row.article ? articleMenu(row.article, x, y) : folderMenu(row.path, x, y))
              }
              dropProps={dropProps}
              orderKey={`${sort} ${filter.status ?? ''} ${filter.tag ?? ''}`}
            />
          </>
        )}
      </div>
      {showTrash && <TrashSection entries={actions.trash} onRestore={actions.restore} />}
      <footer className="folio-library-footer">
        {onAutosaveChange && (
          <label className="folio-autosave">
            <input
              type="checkbox"
              checked={autosave ?? true}
              onChange={(event) => onAutosaveChange(event.target.checked)}
            />
            Autosave
          </label>
        )}
        <button
          type="button"
          className="folio-link-button"
          aria-expanded={showTrash}
          onClick={() => setShowTrash((s) => !s)}
        >
          Trash ({actions.trash.length})
        </button>
      </footer>
      <LibraryNoticeBar notice={actions.notice} onDismiss={() => actions.notify(null)} />
      {menu && <Menu {...menu} onClose={() => setMenu(null)} />}
      <LibraryDialogHost
        dialog={dialog}
        libraryRoot={library?.root ?? null}
        actions={actions}
        onOpen={onOpen}
        beforeOpenLibrary={beforeOpenLibrary}
        onClose={() => setDialog(null)}
      />
    </nav>
  );
}
