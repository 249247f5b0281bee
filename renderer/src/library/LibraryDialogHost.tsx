import type { ReactElement } from 'react';
import type { ArticleSummary } from '../../../shared/contract';
import { CloneLibraryDialog } from '../git';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MoveDialog, NameDialog, NewArticleDialog } from './LibraryDialogs';
import { OpenLibraryDialog } from './OpenLibraryDialog';
import type { LibraryActions } from './useLibraryActions';

/** The library pane's open dialog, with what it was opened for. */
export type LibraryDialog =
  | { kind: 'new-article'; folder: string }
  | { kind: 'new-folder'; parent: string }
  | { kind: 'rename' | 'move'; article: ArticleSummary; folder?: string }
  | { kind: 'confirm-delete'; article: ArticleSummary }
  | { kind: 'open-library' }
  | { kind: 'clone-library' };

/** Props of {@link LibraryDialogHost}. */
export interface LibraryDialogHostProps {
  /** The dialog to show; `null` shows none. */
  readonly dialog: LibraryDialog | null;
  /** Root of the open library (the open and clone dialogs say it is already open). */
  readonly libraryRoot: string | null;
  readonly actions: LibraryActions;
  readonly onOpen: (path: string) => void;
  /** Runs before another library is opened (save or confirm unsaved work); `false` stays. */
  readonly beforeOpenLibrary?: () => Promise<boolean>;
  /** Closes the dialog (after it did its work or was cancelled). */
  readonly onClose: () => void;
}

/**
 * Shows the library pane's one open dialog (new article, new folder, rename or move, confirm
 * delete, open or clone a library) and turns its outcome into the pane's action and notice.
 */
export function LibraryDialogHost({
  dialog,
  libraryRoot,
  actions,
  onOpen,
  beforeOpenLibrary,
  onClose,
}: LibraryDialogHostProps): ReactElement | null {
  switch (dialog?.kind) {
    case 'new-article':
      return (
        <NewArticleDialog
          folder={dialog.folder}
          folders={actions.folders}
          onClose={onClose}
          onCreated={(path) => {
            onClose();
            onOpen(path);
          }}
        />
      );
    case 'new-folder':
      return (
        <NameDialog
          title="New folder"
          label={dialog.parent ? `Folder name (inside ${dialog.parent})` : 'Folder name'}
          initial=""
          confirm="Create folder"
          onClose={onClose}
          onSubmit={async (name) => {
            await actions.createFolder(dialog.parent, name);
            onClose();
          }}
        />
      );
    case 'rename':
    case 'move':
      return (
        <MoveDialog
          path={dialog.article.path}
          title={dialog.article.title}
          mode={dialog.kind}
          folder={dialog.folder}
          folders={actions.folders}
          onClose={onClose}
          onMoved={(_from, to, rewritten) => {
            onClose();
            actions.moved(to, rewritten);
          }}
        />
      );
    case 'confirm-delete':
      return (
        <ConfirmDialog
          title="Delete article with unsaved changes?"
          text={`“${dialog.article.title}” has changes that are not saved. Deleting moves the file to the trash and drops those changes.`}
          confirm="Delete"
          onClose={onClose}
          onConfirm={() => {
            onClose();
            void actions.remove(dialog.article);
          }}
        />
      );
    case 'open-library':
      return <OpenLibraryDialog current={libraryRoot} beforeSwitch={beforeOpenLibrary} onClose={onClose} />;
    case 'clone-library':
      return <CloneLibraryDialog current={libraryRoot} beforeSwitch={beforeOpenLibrary} onClose={onClose} />;
    default:
      return null;
  }
}
