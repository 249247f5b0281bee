import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type DragEvent,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { GitChangeKind } from '../../../shared/git-contract';
import { GitChangeMark } from '../git/GitChangeMark';
import { articleKey, treeKeyAction, typeAheadMatch, type TreeRow } from './tree-navigation';
import { countOf, pluralWord, words } from '../../../shared/plural';

/** What a folder row needs to accept a dragged article. */
export interface DropHandlers {
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDragLeave: () => void;
  readonly onDrop: (event: DragEvent) => void;
}

/** Props of {@link LibraryTree}. */
export interface LibraryTreeProps {
  /** The visible rows in display order (`visibleRows()`). */
  readonly rows: readonly TreeRow[];
  /** Path of the open article. */
  readonly selected: string | null;
  /** Path of the open article when it has unsaved changes (shows the dirty dot). */
  readonly dirtyPath: string | null;
  /** Articles changed since the last git sync (a mark on their row); `null` outside git. */
  readonly changes?: ReadonlyMap<string, GitChangeKind> | null;
  /** Folder path an article is being dragged over, highlighted as the drop target. */
  readonly dropTarget: string | null;
  /** MIME type under which a dragged article carries its path. */
  readonly dragType: string;
  readonly onOpen: (path: string) => void;
  /** Opens (`true`), closes (`false`) or toggles (`undefined`) a folder. */
  readonly onToggleFolder: (path: string, open?: boolean) => void;
  /** Opens all these folders (the `*` key). */
  readonly onExpandFolders: (paths: readonly string[]) => void;
  /** File-operation keys on a row (F2, Delete, the menu key); `true` when it handled the key. */
  readonly onCommandKey: (event: KeyboardEvent, row: TreeRow, element: HTMLElement) => boolean;
  /** The context menu of a row, at a point of the viewport. */
  readonly onContextMenu: (row: TreeRow, x: number, y: number) => void;
  /** Drag-and-drop handlers for a folder row. */
  readonly dropProps: (folder: string) => DropHandlers;
  /**
   * Changes when the author re-sorts or re-filters: the focused row (else the open article) is
   * then kept in view, and without either the list starts again from the top.
   */
  readonly orderKey: string;
}

/** First guesses of row heights before a row is measured (titles wrap, problems add a line). */
const estimatedHeight = { folder: 31, article: 58 } as const;

/**
 * The library's folder tree, virtualized: one flat `role="tree"` whose rows carry their level,
 * set size and position (a flat tree with levels is valid ARIA), only the rows in view (plus
 * overscan) in the DOM, each measured since titles wrap. The WAI-ARIA tree keyboard pattern
 * with a roving tabindex, plus PageUp/PageDown: the tab-stop row and a dragged row always stay rendered, so focus and
 * drags survive scrolling; keys that move to a row outside the window scroll it into view first.
 */
export function LibraryTree({
  rows,
  selected,
  dirtyPath,
  changes,
  dropTarget,
  dragType,
  onOpen,
  onToggleFolder,
  onExpandFolders,
  onCommandKey,
  onContextMenu,
  dropProps,
  orderKey,
}: LibraryTreeProps): ReactElement {
  const scrollRef = useRef<HTMLDivElement>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [dragKey, setDragKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const typed = useRef<{ text: string; timer: ReturnType<typeof setTimeout> | null }>({
    text: '',
    timer: null,
  });

  const indexOf = (key: string | null): number => (key ? rows.findIndex((row) => row.key === key) : -1);
  // Roving tabindex: the last focused row, else the open article, else the first row.
  const focusIndex = indexOf(focusKey);
  const selectedIndex = indexOf(selected === null ? null : articleKey(selected));
  const tabStopIndex =
    focusIndex >= 0 ? focusIndex : selectedIndex >= 0 ? selectedIndex : rows.length ? 0 : -1;
  const dragIndex = indexOf(dragKey);

  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const indexes = defaultRangeExtractor(range);
      for (const keep of [tabStopIndex, dragIndex]) {
        if (keep >= 0 && !indexes.includes(keep)) indexes.push(keep);
      }
      return indexes.sort((a, b) => a - b);
    },
    [tabStopIndex, dragIndex],
  );

  // The virtualizer hands out fresh functions on every render; nothing here memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimatedHeight[rows[index]?.kind ?? 'article'],
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    paddingEnd: 16,
    rangeExtractor,
  });

  const rowElement = (key: string): HTMLElement | null =>
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null;

  /** Moves focus to a row, scrolling it into view first when it is outside the window. */
  const focusRow = (key: string): void => {
    const index = indexOf(key);
    if (index < 0) return;
    pendingFocus.current = key;
    setFocusKey(key);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const element = rowElement(key);
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  };
  // A row that was outside the window is rendered once it is the tab stop: focus it then.
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    const element = key ? rowElement(key) : null;
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  // An article opened from elsewhere (quick-open, a link) is revealed in the tree.
  const selectedShown = selectedIndex >= 0;
  useEffect(() => {
    if (!selectedShown || !selected) return;
    const element = rowElement(articleKey(selected));
    const scroller = scrollRef.current;
    if (element && scroller) {
      const row = element.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (row.top >= view.top && row.bottom <= view.bottom) return;
    }
    // Centred, so that the rows around it show where it sits.
    virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
    // Only when the selection changes or appears, not on every re-sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, selectedShown]);

  // After a re-sort or a filter, follow the row the author was on rather than a scroll offset
  // that now shows unrelated articles.
  const lastOrder = useRef(orderKey);
  useEffect(() => {
    if (lastOrder.current === orderKey) return;
    lastOrder.current = orderKey;
    const follow = focusIndex >= 0 ? focusIndex : selectedIndex;
    if (follow >= 0) virtualizer.scrollToIndex(follow, { align: 'center' });
    else virtualizer.scrollToOffset(0);
    // The indexes are read for the new order; only a change of order triggers this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orderKey]);

  const onKeyDown = (event: KeyboardEvent): void => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const row = rows[indexOf(element?.dataset.key ?? null)];
    if (!element || !row) return;
    if (onCommandKey(event, row, element)) {
      event.preventDefault();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      // A page is as many rows as fit in view, counted with article rows' usual height.
      event.preventDefault();
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / estimatedHeight.article));
      const at = indexOf(row.key) + (event.key === 'PageDown' ? page : -page);
      const target = rows[Math.min(rows.length - 1, Math.max(0, at))];
      if (target) focusRow(target.key);
      return;
    }
    const action = treeKeyAction(rows, row.key, event.key === ' ' ? 'Enter' : event.key);
    if (action) {
      event.preventDefault();
      switch (action.kind) {
        case 'focus':
          focusRow(action.key);
          break;
        case 'expand':
        case 'collapse':
          onToggleFolder(action.path, action.kind === 'expand');
          break;
        case 'expandAll':
          onExpandFolders(action.paths);
          break;
        case 'activate':
          if (action.row.kind === 'article') onOpen(action.row.path);
          else onToggleFolder(action.row.path);
      }
      return;
    }
    if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: letters typed within half a second form one prefix.
      event.preventDefault();
      const buffer = typed.current;
      buffer.text += event.key;
      if (buffer.timer) clearTimeout(buffer.timer);
      buffer.timer = setTimeout(() => {
        buffer.text = '';
        buffer.timer = null;
      }, 500);
      const match = typeAheadMatch(rows, row.key, buffer.text);
      if (match) focusRow(match);
    }
  };

  const renderRow = (row: TreeRow): ReactElement => {
    const article = row.article;
    if (!article) {
      return (
        <button
          type="button"
          tabIndex={-1}
          className={`folio-folder-row${dropTarget === row.path ? ' folio-drop-target' : ''}`}
          onClick={() => onToggleFolder(row.path)}
          onContextMenu={(event) => {
            event.preventDefault();
            onContextMenu(row, event.clientX, event.clientY);
          }}
          {...dropProps(row.path)}
        >
          <span className="folio-folder-caret" aria-hidden="true">
            {row.expanded ? '▾' : '▸'}
          </span>
          {/* Spaces between the parts: the visible text reads "drafts 2", as the row's name does. */}{' '}
          <span className="folio-folder-name">{row.label}</span>{' '}
          <span className="folio-folder-count" aria-label={`${row.count} articles`}>
            {row.count}
          </span>
        </button>
      );
    }
    return (
      <a
        href={`#/article/${encodeURIComponent(article.path)}`}
        aria-current={article.path === selected ? 'page' : undefined}
        className="folio-library-item"
        tabIndex={-1}
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData(dragType, article.path);
          event.dataTransfer.effectAllowed = 'move';
          setDragKey(row.key);
        }}
        onDragEnd={() => setDragKey(null)}
        onClick={(event) => {
          event.preventDefault();
          onOpen(article.path);
        }}
        onContextMenu={(event) => {
          event.preventDefault();
          onContextMenu(row, event.clientX, event.clientY);
        }}
      >
        <span className="folio-library-title">
          {article.title}
          {article.path === dirtyPath && (
            <span className="folio-dirty" aria-label="unsaved changes" title="Unsaved changes">
              {' '}
              •
            </span>
          )}
        </span>
        <span className="folio-library-meta">
          {changes?.has(article.path) && <GitChangeMark kind={changes.get(article.path)!} />}
          {article.status && (
            <span className={`folio-status folio-status-${article.status}`}>{article.status}</span>
          )}
          <span>
            {article.words.toLocaleString('en')} {pluralWord(article.words, words.word)}
          </span>
          {article.tags.length > 0 && <span className="folio-library-tags">{article.tags.join(', ')}</span>}
        </span>
        {article.problems.length > 0 && (
          <span className="folio-library-problem" title={article.problems.join('\n')}>
            ⚠ {article.problems[0]}
          </span>
        )}
      </a>
    );
  };

  return (
    <div className="folio-tree-scroll" ref={scrollRef}>
      <div
        ref={treeRef}
        className="folio-library-tree"
        role="tree"
        aria-label="Articles"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const key = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.key;
          if (key) setFocusKey(key);
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const folder = row.kind === 'folder';
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-key={row.key}
              role="treeitem"
              className={`folio-tree-item${folder ? ' folio-folder' : ''}`}
              style={
                { transform: `translateY(${item.start}px)`, '--folio-tree-level': row.level } as CSSProperties
              }
              tabIndex={item.index === tabStopIndex ? 0 : -1}
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={folder ? row.expanded : undefined}
              aria-selected={folder ? undefined : row.path === selected}
              aria-label={folder ? `${row.label}, ${countOf(row.count, words.article)}` : undefined}
            >
              {renderRow(row)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
