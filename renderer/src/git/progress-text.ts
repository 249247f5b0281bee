import type { GitPhase, GitProgress } from '../../../shared/git-contract';

const phaseWords: Readonly<Record<GitPhase, string>> = {
  saving: 'Saving open work',
  committing: 'Committing your changes',
  fetching: 'Receiving changes',
  merging: 'Merging',
  pushing: 'Sending changes',
  cloning: 'Copying the library',
};

/** A clone's or a sync's progress as its progress bar shows it. */
export interface ProgressView {
  /** What is happening, in words ("Receiving changes… 40%"). */
  readonly label: string;
  /** Done so far, 0–1; `null` while the total is unknown (the bar is indeterminate). */
  readonly fraction: number | null;
}

/** Turns a `gitProgressed` event into the words and fraction of a progress bar. */
export function progressView(progress: GitProgress | null): ProgressView {
  if (!progress) return { label: 'Starting…', fraction: null };
  const words = phaseWords[progress.phase] ?? 'Working';
  if (progress.total === null || progress.total <= 0) return { label: `${words}…`, fraction: null };
  const fraction = Math.min(1, Math.max(0, progress.loaded / progress.total));
  return { label: `${words}… ${Math.round(fraction * 100)}%`, fraction };
}
