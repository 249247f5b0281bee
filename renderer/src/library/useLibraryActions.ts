import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import { errorMessage } from '../../../shared/errors';
import type { TrashEntry } from '../../../shared/library-contract';
import { countOf, words } from '../../../shared/plural';
import { announce } from '../accessibility';
import { api } from '../api';

/** A line at the foot of the library pane saying what just happened, maybe with an undo. */
export interface LibraryNotice {
  readonly text: string;
  readonly undo?: () => void;
  /** The undo button's label; default "Undo". */
  readonly undoLabel?: string;
  /** Already said by whoever sent it (a sync's outcome), so not announced again. */
  readonly announced?: boolean;
}

/** What {@link useLibraryActions} needs from the pane. */
export interface LibraryActionsOptions {
  /** Root of the library this window shows; another window opening another one is noticed. */
  readonly libraryRoot: string | undefined;
  readonly onOpen: (path: string) => void;
  /** Called before an article is deleted, so that the editor can let go of it. */
  readonly onDeleting?: (path: string) => void;
}

/** The library's folders and trash, the pane's notice, and the file operations that set it. */
export interface LibraryActions {
  readonly folders: readonly string[];
  readonly trash: readonly TrashEntry[];
  readonly notice: LibraryNotice | null;
  /** Shows a notice (announced once unless it says it already was). */
  readonly notify: (notice: LibraryNotice | null) => void;
  /** Moves an article to the trash; the notice offers to restore it. */
  readonly remove: (article: ArticleSummary) => Promise<void>;
  /** Copies an article next to itself and opens the copy. */
  readonly duplicate: (article: ArticleSummary) => Promise<void>;
  /** Restores a trashed article to its old path. */
  readonly restore: (entry: TrashEntry) => void;
  /** Creates a folder; rejects (for the dialog to show) when the name is refused. */
  readonly createFolder: (parent: string, name: string) => Promise<void>;
  /** Says where a renamed or moved article is now and how many others' links were updated. */
  readonly moved: (to: string, rewritten: readonly string[]) => void;
}

/**
 * The library pane's calls to the library (list folders and trash, delete, duplicate, restore,
 * create folder) and the notice each leaves. Folders and trash are re-read whenever the library
 * changes; each notice is announced once when it appears.
 */
export function useLibraryActions({
  libraryRoot,
  onOpen,
  onDeleting,
}: LibraryActionsOptions): LibraryActions {
  const [folders, setFolders] = useState<string[]>([]);
  const [trash, setTrash] = useState<TrashEntry[]>([]);
  const [notice, setNotice] = useState<LibraryNotice | null>(null);

  // Another window of this browser-mode server opened another library: this one must follow
  // (its calls already reach the new library; hash-checked saves refuse rather than overwrite).
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

  // Each notice is an event (a deletion, a restore): said once when it appears.
  useEffect(() => {
    if (notice && !notice.announced) announce(notice.text);
  }, [notice]);

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

  const restore = useCallback((entry: TrashEntry) => {
    void api.restoreFromTrash({ id: entry.id }).then(
      (restored) => setNotice({ text: `Restored “${restored.path}”.` }),
      (error: unknown) => setNotice({ text: errorMessage(error) }),
    );
  }, []);

  const createFolder = useCallback(
    async (parent: string, name: string) => {
      const { path } = await api.createFolder({ parent, name });
      setNotice({ text: `Created folder “${path}”.` });
      reloadFolders();
    },
    [reloadFolders],
  );

  const moved = useCallback((to: string, rewritten: readonly string[]) => {
    const others = rewritten.filter((p) => p !== to).length;
    setNotice({
      text: `Now at “${to}”${others ? `; links updated in ${countOf(others, words.article)}` : ''}.`,
    });
  }, []);

  return { folders, trash, notice, notify: setNotice, remove, duplicate, restore, createFolder, moved };
}
