import { useState, type DragEvent } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import type { DropHandlers } from './LibraryTree';

/** The drag data type that carries an article's path from a tree row. */
export const articleDragType = 'application/x-folio-article';

/** Where an article is being dragged, and the handlers that make a folder a drop target. */
export interface ArticleDrop {
  /** The folder under the dragged article (`''` the library's top folder), or `null`. */
  readonly dropTarget: string | null;
  readonly dropProps: (folder: string) => DropHandlers;
}

/**
 * Dragging an article onto a folder: the folder is marked while the article is over it, and a
 * drop onto another folder than the article's own calls `onMove` (which asks before moving).
 */
export function useArticleDrop(
  articles: readonly ArticleSummary[],
  onMove: (article: ArticleSummary, folder: string) => void,
): ArticleDrop {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dropProps = (folder: string): DropHandlers => ({
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(articleDragType)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(folder);
    },
    onDragLeave: () => setDropTarget((current) => (current === folder ? null : current)),
    onDrop: (event: DragEvent) => {
      const path = event.dataTransfer.getData(articleDragType);
      setDropTarget(null);
      if (!path) return;
      event.preventDefault();
      const article = articles.find((a) => a.path === path);
      const from = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (article && from !== folder) onMove(article, folder);
    },
  });
  return { dropTarget, dropProps };
}
