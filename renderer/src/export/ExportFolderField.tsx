import { useState, type ReactElement } from 'react';
import { transport } from '../api';
import type { ExportFolderState } from './useExportFolder';

/** Props of {@link ExportFolderField}. */
export interface ExportFolderFieldProps {
  readonly state: ExportFolderState;
  readonly disabled: boolean;
}

/**
 * The export folder: a path field (remembered per library) with the service's verdict under
 * it, a "Choose…" button opening the OS folder dialog in the desktop app, and a confirmation
 * when the folder is inside the library.
 */
export function ExportFolderField({ state, disabled }: ExportFolderFieldProps): ReactElement {
  const [dialogError, setDialogError] = useState<string | null>(null);
  const { check } = state;
  const messageId = 'folio-export-folder-message';
  return (
    <div className="folio-export-folder">
      <label>
        Export folder{' '}
        <input
          type="text"
          value={state.folder}
          disabled={disabled}
          onChange={(e) => state.setFolder(e.target.value)}
          spellCheck={false}
          aria-invalid={check?.error ? true : undefined}
          aria-describedby={messageId}
          placeholder="/path/to/a/folder"
        />
        {transport === 'electron' && (
          <button type="button" disabled={disabled} onClick={() => void state.choose().then(setDialogError)}>
            Choose…
          </button>
        )}
      </label>
      <p
        id={messageId}
        className={`folio-export-folder-message${check?.error || dialogError ? ' is-error' : ''}`}
      >
        {dialogError ?? (check === null ? 'Checking the folder…' : (check.error ?? check.note ?? 'Ready.'))}
      </p>
      {check?.insideLibrary && !check.error && (
        <label>
          <input
            type="checkbox"
            checked={state.confirmedInside}
            disabled={disabled}
            onChange={(e) => state.setConfirmedInside(e.target.checked)}
          />
          Export inside the library anyway
        </label>
      )}
    </div>
  );
}
