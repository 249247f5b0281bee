import type { ReactElement } from 'react';
import type { DiskConflict } from '../app/document-store';
import './ConflictBanner.css';

/** The three texts of a conflict, for a merge view. */
export interface ConflictTexts {
  /** The last version saved or read (the common ancestor). */
  readonly base: string;
  /** The editor text. */
  readonly mine: string;
  /** The text on disk now; `null` when the file was deleted. */
  readonly theirs: string | null;
}

/** Props of {@link ConflictBanner}. */
export interface ConflictBannerProps {
  readonly path: string;
  readonly conflict: DiskConflict;
  /** True when the editor holds unsaved text (a clean buffer whose file was deleted is not). */
  readonly dirty: boolean;
  readonly texts: ConflictTexts;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
  readonly onSaveCopy: () => void;
  /**
   * Opens a compare-and-merge view. When given, the banner shows a "Compare and merge…" button
   * first; the view resolves through `ArticleSession.resolveWithText`.
   */
  readonly onCompare?: (texts: ConflictTexts) => void;
}

/**
 * The banner shown over the editor when the open file changed or disappeared on disk while the
 * editor held other text. Nothing is written until the author picks one of the actions.
 */
export function ConflictBanner({
  path,
  conflict,
  dirty,
  texts,
  onKeepMine,
  onTakeTheirs,
  onSaveCopy,
  onCompare,
}: ConflictBannerProps): ReactElement {
  const deleted = conflict.diskHash === null;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    <div className="folio-conflict-banner" role="region" aria-label="File changed on disk">
      <p className="folio-conflict-text">
        <strong>{deleted ? `“${name}” was deleted on disk.` : `“${name}” changed on disk.`}</strong>{' '}
        {deleted
          ? dirty
            ? 'Your unsaved text is still here.'
            : 'The editor still shows its last text.'
          : 'You have unsaved changes. Which version do you want to keep?'}
      </p>
      <div className="folio-conflict-actions">
        {onCompare && !deleted && (
          <button type="button" onClick={() => onCompare(texts)}>
            Compare and merge…
          </button>
        )}
        <button type="button" onClick={onKeepMine}>
          {deleted ? 'Save it again' : 'Keep mine'}
        </button>
        <button type="button" onClick={onTakeTheirs}>
          {deleted ? 'Close it' : 'Take theirs'}
        </button>
        {!deleted && (
          <button type="button" onClick={onSaveCopy}>
            Save mine as a copy
          </button>
        )}
      </div>
    </div>
  );
}
