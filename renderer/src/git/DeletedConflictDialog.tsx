import { useRef, type ReactElement } from 'react';
import type { GitConflict } from '../../../shared/git-contract';
import { DiffText } from '../review/DiffText';
import { useEscapeKey } from '../review/useEscapeKey';
import { useReturnFocus } from '../accessibility';

/** Props of {@link DeletedConflictDialog}. */
export interface DeletedConflictDialogProps {
  /** A conflict where one side deleted the article (`mine` or `theirs` is `null`). */
  readonly conflict: GitConflict;
  /** Where the author is in the series ("Article 2 of 3"). */
  readonly step: string;
  /** Keep the article with this text, or delete it (`null`). */
  readonly onChoose: (text: string | null) => void;
  readonly onCancel: () => void;
}

/**
 * An article deleted on one side of a sync and changed on the other: the author keeps it (with
 * the changed side's text, shown against the common version) or deletes it. Nothing is lost by
 * choosing "Keep"; "Delete" says whose deletion it follows.
 */
export function DeletedConflictDialog({
  conflict,
  step,
  onChoose,
  onCancel,
}: DeletedConflictDialogProps): ReactElement {
  const dialog = useRef<HTMLDivElement>(null);
  const deletedHere = conflict.mine === null;
  const kept = conflict.mine ?? conflict.theirs ?? '';
  useReturnFocus();
  useEscapeKey(onCancel, dialog);
  return (
    <div className="review-modal-backdrop">
      <div
        className="review-merge folio-git-deleted"
        role="dialog"
        aria-modal="true"
        aria-labelledby="folio-git-deleted-title"
        aria-describedby="folio-git-deleted-reason"
        tabIndex={-1}
        ref={dialog}
      >
        <header className="review-merge-header">
          <h2 id="folio-git-deleted-title">
            Keep or delete “{conflict.path}”?<span className="review-merge-step"> · {step}</span>
          </h2>
          <p id="folio-git-deleted-reason">
            {deletedHere
              ? 'You deleted this article here, and it was changed on the remote.'
              : 'You changed this article here, and it was deleted on the remote.'}{' '}
            Keep it with the changed text, or delete it.
          </p>
        </header>
        <div className="review-merge-body">
          <section className="review-merge-result" aria-labelledby="folio-git-deleted-kept">
            <h3 id="folio-git-deleted-kept">
              {deletedHere ? 'Their text (on the remote)' : 'Your text (in this library)'}, compared with the
              last common version
            </h3>
            <DiffText before={conflict.base ?? ''} after={kept} label="Changed text" />
          </section>
        </div>
        <footer className="review-merge-footer">
          <span className="review-hint">Cancel puts the library back as it was before the sync.</span>
          <button type="button" onClick={onCancel}>
            Cancel sync
          </button>
          <button type="button" onClick={() => onChoose(null)}>
            Delete the article
          </button>
          <button type="button" className="review-primary" onClick={() => onChoose(kept)}>
            Keep the article
          </button>
        </footer>
      </div>
    </div>
  );
}
