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
 * is unknown). The words are in a polite live region; the bar's value is not announced on
 * every step.
 */
export function ProgressBar({ progress, label }: ProgressBarProps): ReactElement {
  const view = progressView(progress);
  return (
    <div className="folio-git-progress">
      <progress aria-label={label} max={1} {...(view.fraction === null ? {} : { value: view.fraction })} />
      <span className="folio-git-progress-label" role="status">
        {view.label}
      </span>
    </div>
  );
}
