import type { ReactElement } from 'react';
import type { LibraryNotice } from './useLibraryActions';

/** Props of {@link LibraryNoticeBar}. */
export interface LibraryNoticeBarProps {
  readonly notice: LibraryNotice | null;
  /** Called after the notice's undo ran, to clear it. */
  readonly onDismiss: () => void;
}

/**
 * The pane's last notice with its undo button. It is a status region that does not speak
 * itself (`aria-live="off"`): the app's live region announces each notice once.
 */
export function LibraryNoticeBar({ notice, onDismiss }: LibraryNoticeBarProps): ReactElement {
  return (
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
                onDismiss();
              }}
            >
              {notice.undoLabel ?? 'Undo'}
            </button>
          )}
        </>
      )}
    </div>
  );
}
