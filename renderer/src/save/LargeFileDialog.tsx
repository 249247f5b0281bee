import type { ReactElement } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import type { LargeFileRequest } from './useArticleSession';

/** Props of {@link LargeFileDialog}. */
export interface LargeFileDialogProps {
  /** The file waiting for an answer; nothing is shown while `null`. */
  readonly request: LargeFileRequest | null;
  /** `true`: open it read-only; `false`: leave it closed. */
  readonly onAnswer: (open: boolean) => void;
}

/**
 * Asks before opening a file over the editor's 20 MB limit, instead of only refusing: it can be
 * opened read-only (saves, the journal and snapshots stop at 20 MB, so editing it would not be
 * safe), which may take a moment and make the window slower while it is open.
 */
export function LargeFileDialog({ request, onAnswer }: LargeFileDialogProps): ReactElement | null {
  if (!request) return null;
  return (
    <ConfirmDialog
      title="Open a very large file?"
      text={`${request.message} Opening it may take a moment and make Folio slower while it is open. The preview may not show it.`}
      confirm="Open anyway (read-only)"
      onClose={() => onAnswer(false)}
      onConfirm={() => onAnswer(true)}
    />
  );
}
