import type { ReactElement } from 'react';
import type { GitProgress } from '../../../shared/git-contract';
import { progressView } from './progress-text';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** The run's last progress event, `null` before the first. */
  readonly progress: GitProgress | null;
  /** The bar's accessible name ("Sync progress"). */
  readonly label: string;
}

/**
 * A clone's or a sync's progress: the phase in words and a bar (indeterminate while the total
 * is unknown). Nothing here is announced (the outcome is, once, through the announcer); the
 * words are a status a screen reader reads when it reaches them.
 */
export function ProgressBar({ progress, label }: ProgressBarProps): ReactElement {
  const view = progressView(progress);
  return (
    <div className="folio-git-progress">
      <progress aria-label={label} max={1} {...(view.fraction === null ? {} : { value: view.fraction })} />
      <span className="folio-git-progress-label" role="status" aria-live="off">
        {view.label}
      </span>
    </div>
  );
}
