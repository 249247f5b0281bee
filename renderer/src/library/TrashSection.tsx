import type { ReactElement } from 'react';
import type { TrashEntry } from '../../../shared/library-contract';

/** Props of {@link TrashSection}. */
export interface TrashSectionProps {
  readonly entries: readonly TrashEntry[];
  readonly onRestore: (entry: TrashEntry) => void;
}

/** The library trash: each deleted article's path (its deletion time on hover) and a Restore button. */
export function TrashSection({ entries, onRestore }: TrashSectionProps): ReactElement {
  return (
    <section className="folio-trash" aria-label="Trash">
      <h2>Trash</h2>
      {entries.length === 0 ? (
        <p className="folio-library-empty">The trash is empty.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              <span title={`Deleted ${new Date(entry.deletedAt).toLocaleString()}`}>{entry.path}</span>
              <button
                type="button"
                className="folio-button"
                aria-label={`Restore ${entry.path}`}
                onClick={() => onRestore(entry)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
