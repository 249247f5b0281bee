import { diffLines } from 'diff';
import { useEffect, useRef, type ReactElement } from 'react';
import type { RecoveryEntry } from '../../../shared/library-contract';
import './RecoveryDialog.css';
import { useReturnFocus } from '../accessibility';

/** Props of {@link RecoveryDialog}. */
export interface RecoveryDialogProps {
  readonly entries: readonly RecoveryEntry[];
  readonly onRestore: (entry: RecoveryEntry) => void;
  readonly onDiscard: (entry: RecoveryEntry) => void;
}

/** Line diff from the text on disk to the recovered text, for one entry. */
function RecoveryDiff({ entry }: { entry: RecoveryEntry }): ReactElement {
  const parts = diffLines(entry.disk?.text ?? '', entry.text);
  return (
    <pre className="folio-recovery-diff" aria-label={`Differences in ${entry.path}`}>
      {parts.map((part, i) => (
        <span
          key={i}
          className={
            part.added ? 'folio-diff-added' : part.removed ? 'folio-diff-removed' : 'folio-diff-same'
          }
        >
          {part.added || part.removed
            ? part.value
                .replace(/\n$/, '')
                .split('\n')
                .map((line) => `${part.added ? '+' : '−'} ${line}`)
                .join('\n') + '\n'
            : collapse(part.value)}
        </span>
      ))}
    </pre>
  );
}

/** Keeps two lines of context on each side of a long unchanged run. */
function collapse(value: string): string {
  const lines = value.replace(/\n$/, '').split('\n');
  if (lines.length <= 5) return lines.map((line) => `  ${line}`).join('\n') + '\n';
  return (
    [...lines.slice(0, 2), `… ${lines.length - 4} unchanged lines …`, ...lines.slice(-2)]
      .map((line) => `  ${line}`)
      .join('\n') + '\n'
  );
}

/**
 * Offered at start when the recovery journal holds text that was never saved (after a crash or
 * a kill): restore it into the editor, or discard it. When the file changed on disk meanwhile,
 * the entry says so and shows the differences.
 */
export function RecoveryDialog({ entries, onRestore, onDiscard }: RecoveryDialogProps): ReactElement | null {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = entries.length > 0;
  useReturnFocus();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="folio-recovery"
      aria-labelledby="folio-recovery-title"
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="folio-recovery-title">Recover unsaved changes</h2>
      <p>Folio found text that was not saved when it last closed.</p>
      <ul className="folio-recovery-list">
        {entries.map((entry) => (
          <li key={entry.path}>
            <div className="folio-recovery-head">
              <strong>{entry.path}</strong>
              <span>from {new Date(entry.journaledAt).toLocaleString()}</span>
            </div>
            {entry.disk === null ? (
              <p className="folio-recovery-warning">
                The file no longer exists; restoring lets you save it again.
              </p>
            ) : entry.changedOnDisk ? (
              <p className="folio-recovery-warning">
                The file changed on disk since. Restoring opens your text and asks which version to keep.
              </p>
            ) : null}
            <RecoveryDiff entry={entry} />
            <div className="folio-recovery-actions">
              <button type="button" className="folio-button" onClick={() => onDiscard(entry)}>
                Discard
              </button>
              <button
                type="button"
                className="folio-button folio-button-primary"
                onClick={() => onRestore(entry)}
              >
                Restore
              </button>
            </div>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
