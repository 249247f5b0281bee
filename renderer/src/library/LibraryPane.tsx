import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { ArticleStatus, ArticleSummary, LibraryInfo } from '../../../shared/contract';
import { errorMessage } from '../../../shared/errors';
import type { SearchHit, TrashEntry } from '../../../shared/library-contract';
import { announce } from '../accessibility';
import { api } from '../api';
import { useSearchAnnouncement } from './useSearchAnnouncement';
import { changesByPath, CloneLibraryDialog, GitBar, onCloneLibraryRequest, useGitStatus } from '../git';
import { Menu, type MenuItem } from '../menu/Menu';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MoveDialog, NameDialog, NewArticleDialog } from './LibraryDialogs';
import { allTags, buildTree, type LibraryFilter, type SortKey } from './library-tree';
import { LibraryTree, type DropHandlers } from './LibraryTree';
import { OpenLibraryDialog } from './OpenLibraryDialog';
import { onOpenLibraryRequest, requestOpenLibrary } from './open-library-request';
import { onNewArticleRequest } from './pane-requests';
import { visibleRows, type TreeRow } from './tree-navigation';
import './LibraryPane.css';
import { countOf, words } from '../../../shared/plural';

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

type Dialog =
  | { kind: 'new-article'; folder: string }
  | { kind: 'new-folder'; parent: string }
  | { kind: 'rename' | 'move'; article: ArticleSummary; folder?: string }
  | { kind: 'confirm-delete'; article: ArticleSummary }
  | { kind: 'open-library' }
  | { kind: 'clone-library' };

type OpenMenu = { x: number; y: number; label: string; items: MenuItem[] };

const sortLabels: Record<SortKey, string> = {
  title: 'Sort by title',
  updated: 'Sort by last updated',
  status: 'Sort by status',
};
const dragType = 'application/x-folio-article';

/** Snippet text with the matched ranges in `<mark>`. */
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

/**
 * The library sidebar: search, sort and filters, the folder tree with counts, file operations
 * (buttons, context menu, keyboard: F2 rename, Delete, Shift+F10 menu; drag an article onto a
 * folder to move it) and the library trash with restore.
 */
export function LibraryPane({
  library,
  articles,
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
  const [folders, setFolders] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const hits = query.trim() ? (found?.hits ?? null) : null;
  const [sort, setSort] = useState<SortKey>('title');
  const [filter, setFilter] = useState<LibraryFilter>({ status: null, tag: null });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [notice, setNotice] = useState<{
    text: string;
    undo?: () => void;
    undoLabel?: string;
    /** Already said by whoever sent it (a sync's outcome). */
    announced?: boolean;
  } | null>(null);
  const [trash, setTrash] = useState<TrashEntry[]>([]);
  const [showTrash, setShowTrash] = useState(false);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  // "Open library…" from the command palette or its shortcut (Ctrl/Cmd+O).
  useEffect(() => onOpenLibraryRequest(() => setDialog({ kind: 'open-library' })), []);
  // "New article" from the editor's empty state.
  useEffect(() => onNewArticleRequest(() => setDialog({ kind: 'new-article', folder: '' })), []);
  useEffect(() => onCloneLibraryRequest(() => setDialog({ kind: 'clone-library' })), []);
  const git = useGitStatus();
  const gitChanges = useMemo(() => (git.status ? changesByPath(git.status.changes) : null), [git.status]);
  // Another window of this browser-mode server opened another library: this one must follow
  // (its calls already reach the new library; hash-checked saves refuse rather than overwrite).
  const libraryRoot = library?.root;
  useEffect(
    () =>
      api.on('libraryOpened', ({ name, root }) => {
        if (root === libraryRoot) return;
        setNotice({
          text: `Folio switched to the library “${name}” in another window.`,
          undo: () => location.reload(),
          undoLabel: 'Reload',
        });
      }),
    [libraryRoot],
  );

  const reloadFolders = useCallback(() => {
    void api.listFolders({}).then(setFolders, () => undefined);
    void api.listTrash({}).then(setTrash, () => undefined);
  }, []);
  useEffect(() => {
    reloadFolders();
    return api.on('libraryChanged', reloadFolders);
  }, [reloadFolders]);

  // Search follows the query (debounced) and the library (re-run when articles change).
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
  // Each notice is an event (a deletion, a restore): said once when it appears.
  useEffect(() => {
    if (notice && !notice.announced) announce(notice.text);
  }, [notice]);

  const tree = useMemo(() => buildTree(articles, folders, sort, filter), [articles, folders, sort, filter]);
  const tags = useMemo(() => allTags(articles), [articles]);
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);

  const remove = useCallback(
    async (article: ArticleSummary) => {
      onDeleting?.(article.path);
      try {
        const { trashId } = await api.deleteArticle({ path: article.path });
        setNotice({
          text: `Moved “${article.title}” to the trash.`,
          undo: trashId
            ? () => {
                void api.restoreFromTrash({ id: trashId }).then(
                  (restored) => {
                    setNotice({ text: `Restored “${restored.path}”.` });
                    onOpen(restored.path);
                  },
                  (error: unknown) => setNotice({ text: errorMessage(error) }),
                );
              }
            : undefined,
        });
      } catch (error) {
        setNotice({ text: `Not deleted: ${errorMessage(error)}` });
      }
    },
    [onDeleting, onOpen],
  );

  const askDelete = useCallback(
    (article: ArticleSummary) => {
      if (article.path === dirtyPath) setDialog({ kind: 'confirm-delete', article });
      else void remove(article);
    },
    [dirtyPath, remove],
  );

  const duplicate = useCallback(
    async (article: ArticleSummary) => {
      try {
        const { path } = await api.duplicateArticle({ path: article.path });
        setNotice({ text: `Duplicated as “${path}”.` });
        onOpen(path);
      } catch (error) {
        setNotice({ text: `Not duplicated: ${errorMessage(error)}` });
      }
    },
    [onOpen],
  );

  const articleMenu = (article: ArticleSummary, x: number, y: number): OpenMenu => ({
    x,
    y,
    label: `Actions for ${article.title}`,
    items: [
      { label: 'Open', run: () => onOpen(article.path) },
      ...(onOpenToSide ? [{ label: 'Open to the side', run: () => onOpenToSide(article.path) }] : []),
      { label: 'Rename…', shortcut: 'F2', run: () => setDialog({ kind: 'rename', article }) },
      { label: 'Move to…', run: () => setDialog({ kind: 'move', article }) },
      { label: 'Duplicate', run: () => void duplicate(article) },
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

  const dropProps = (folder: string): DropHandlers => ({
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(dragType)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(folder);
    },
    onDragLeave: () => setDropTarget((current) => (current === folder ? null : current)),
    onDrop: (event: DragEvent) => {
      const path = event.dataTransfer.getData(dragType);
      setDropTarget(null);
      if (!path) return;
      event.preventDefault();
      const article = articles.find((a) => a.path === path);
      const from = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (article && from !== folder) setDialog({ kind: 'move', article, folder });
    },
  });

  const statusOptions: (ArticleStatus | 'none')[] = ['draft', 'review', 'published', 'none'];
  const visibleCount = tree.count;

  return (
    <nav className="folio-library" aria-label="Library">
      <header
        className={`folio-library-header${dropTarget === '' ? ' folio-drop-target' : ''}`}
        {...dropProps('')}
      >
        <h1 title={library?.root}>{library?.name ?? 'Library'}</h1>
        <span className="folio-library-count" aria-label={`${articles.length} articles`}>
          {articles.length}
        </span>
        <div className="folio-library-tools">
          <button
            type="button"
            className="folio-icon-button"
            aria-label="New article"
            title="New article"
            onClick={() => setDialog({ kind: 'new-article', folder: '' })}
          >
            +
          </button>
          <button
            type="button"
            className="folio-icon-button"
            aria-label="New folder"
            title="New folder"
            onClick={() => setDialog({ kind: 'new-folder', parent: '' })}
          >
            ⊞
          </button>
          <button
            type="button"
            className="folio-icon-button"
            aria-label="Open library…"
            title="Open library… (Ctrl/⌘+O)"
            aria-keyshortcuts="Control+O Meta+O"
            onClick={() => setDialog({ kind: 'open-library' })}
          >
            ⇄
          </button>
          <button
            type="button"
            className="folio-icon-button"
            aria-label="Clone library…"
            title="Clone library… (a git repository)"
            onClick={() => setDialog({ kind: 'clone-library' })}
          >
            ⤓
          </button>
        </div>
      </header>
      <GitBar
        status={git.status}
        onRefresh={git.refresh}
        beforeSync={beforeSync ?? (() => Promise.resolve(true))}
        onNotice={(text) => setNotice({ text, announced: true })}
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
        <div className="folio-library-controls">
          <select
            aria-label="Sort by"
            value={sort}
            onChange={(event) => setSort(event.target.value as SortKey)}
          >
            {(Object.keys(sortLabels) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {sortLabels[key]}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by status"
            value={filter.status ?? ''}
            onChange={(event) =>
              setFilter((f) => ({ ...f, status: (event.target.value || null) as LibraryFilter['status'] }))
            }
          >
            <option value="">Any status</option>
            {statusOptions.map((status) => (
              <option key={status} value={status}>
                {status === 'none' ? 'No status' : status[0]!.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by tag"
            value={filter.tag ?? ''}
            onChange={(event) => setFilter((f) => ({ ...f, tag: event.target.value || null }))}
          >
            <option value="">Any tag</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="folio-library-body">
        {hits !== null ? (
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
                  <Highlighted
                    text={hit.title}
                    ranges={hit.titleHighlights}
                    className="folio-library-title"
                  />
                  <span className="folio-library-meta">{hit.path}</span>
                  <Highlighted text={hit.snippet} ranges={hit.highlights} className="folio-search-snippet" />
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <>
            {visibleCount === 0 && (
              <div className="folio-library-empty">
                {articles.length === 0 ? (
                  <>
                    <p>This library has no articles yet.</p>
                    <button
                      type="button"
                      className="folio-button folio-button-primary"
                      onClick={() => setDialog({ kind: 'new-article', folder: '' })}
                    >
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
              dragType={dragType}
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
      {showTrash && (
        <section className="folio-trash" aria-label="Trash">
          <h2>Trash</h2>
          {trash.length === 0 ? (
            <p className="folio-library-empty">The trash is empty.</p>
          ) : (
            <ul>
              {trash.map((entry) => (
                <li key={entry.id}>
                  <span title={`Deleted ${new Date(entry.deletedAt).toLocaleString()}`}>{entry.path}</span>
                  <button
                    type="button"
                    className="folio-button"
                    aria-label={`Restore ${entry.path}`}
                    onClick={() =>
                      void api.restoreFromTrash({ id: entry.id }).then(
                        (restored) => setNotice({ text: `Restored “${restored.path}”.` }),
                        (error: unknown) => setNotice({ text: errorMessage(error) }),
                      )
                    }
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
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
          Trash ({trash.length})
        </button>
      </footer>
      <div className="folio-library-notice" role="status" aria-live="off">
        {notice && (
          <>
            <span>{notice.text}</span>
            {notice.undo && (
              <button
                type="button"
                className="folio-link-button"
                onClick={() => {
                  notice.undo?.();
                  setNotice(null);
                }}
              >
                {notice.undoLabel ?? 'Undo'}
              </button>
            )}
          </>
        )}
      </div>
      {menu && <Menu {...menu} onClose={() => setMenu(null)} />}
      {dialog?.kind === 'new-article' && (
        <NewArticleDialog
          folder={dialog.folder}
          folders={folders}
          onClose={() => setDialog(null)}
          onCreated={(path) => {
            setDialog(null);
            onOpen(path);
          }}
        />
      )}
      {dialog?.kind === 'new-folder' && (
        <NameDialog
          title="New folder"
          label={dialog.parent ? `Folder name (inside ${dialog.parent})` : 'Folder name'}
          initial=""
          confirm="Create folder"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            const { path } = await api.createFolder({ parent: dialog.parent, name });
            setDialog(null);
            setNotice({ text: `Created folder “${path}”.` });
            reloadFolders();
          }}
        />
      )}
      {(dialog?.kind === 'rename' || dialog?.kind === 'move') && (
        <MoveDialog
          path={dialog.article.path}
          title={dialog.article.title}
          mode={dialog.kind}
          folder={dialog.folder}
          folders={folders}
          onClose={() => setDialog(null)}
          onMoved={(_from, to, rewritten) => {
            setDialog(null);
            const others = rewritten.filter((p) => p !== to).length;
            setNotice({
              text: `Now at “${to}”${others ? `; links updated in ${countOf(others, words.article)}` : ''}.`,
            });
          }}
        />
      )}
      {dialog?.kind === 'confirm-delete' && (
        <ConfirmDialog
          title="Delete article with unsaved changes?"
          text={`“${dialog.article.title}” has changes that are not saved. Deleting moves the file to the trash and drops those changes.`}
          confirm="Delete"
          onClose={() => setDialog(null)}
          onConfirm={() => {
            const { article } = dialog;
            setDialog(null);
            void remove(article);
          }}
        />
      )}
      {dialog?.kind === 'open-library' && (
        <OpenLibraryDialog
          current={library?.root ?? null}
          beforeSwitch={beforeOpenLibrary}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'clone-library' && (
        <CloneLibraryDialog
          current={library?.root ?? null}
          beforeSwitch={beforeOpenLibrary}
          onClose={() => setDialog(null)}
        />
      )}
    </nav>
  );
}
