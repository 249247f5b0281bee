import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { errorMessage } from '../../../shared/errors';
import type { RecentLibrary } from '../../../shared/library-contract';
import { api, transport } from '../api';
import { Modal } from '../ui/Modal';

/** Props of {@link OpenLibraryDialog}. */
export interface OpenLibraryDialogProps {
  /** Real path of the library open now (marked in the recent list, not offered again). */
  readonly current: string | null;
  /**
   * Runs before switching: saves the open article, or asks the author whether to leave unsaved
   * text. Resolve `false` to stay. Default: always go on.
   */
  readonly beforeSwitch?: () => Promise<boolean>;
  readonly onClose: () => void;
}

/**
 * "Open library…": the author types the path of a folder (or picks a recent library); the
 * service checks it (exists, is a folder, readable, not Folio's own data) and switches, and the
 * window then reloads on it (browser mode) or the app relaunches on it (desktop). Refusals show
 * in the dialog and leave the current library open.
 */
export function OpenLibraryDialog({ current, beforeSwitch, onClose }: OpenLibraryDialogProps): ReactElement {
  const [root, setRoot] = useState('');
  const [recent, setRecent] = useState<RecentLibrary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void api.listRecentLibraries({}).then(setRecent, () => undefined);
  }, []);

  const open = async (folder: string) => {
    setError(null);
    if (beforeSwitch && !(await beforeSwitch())) return;
    setBusy(folder);
    try {
      const opened = await api.openLibrary({ root: folder });
      // The page starts over on the new library; the token stays in this tab's session storage.
      if (transport === 'http') location.reload();
      else setBusy(opened.root);
    } catch (failure) {
      setBusy(null);
      setError(errorMessage(failure));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void open(root);
  };
  const others = recent.filter((item) => item.root !== current);

  return (
    <Modal title="Open library" onClose={onClose} className="folio-modal-wide">
      <form onSubmit={submit} className="folio-form">
        <div className="folio-open-library-row">
          <label>
            Folder path
            <input
              autoFocus
              value={root}
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby="folio-open-library-hint"
              placeholder="/home/me/Articles"
              onChange={(event) => setRoot(event.target.value)}
            />
          </label>
          {transport === 'electron' && (
            <button
              type="button"
              className="folio-button"
              onClick={() =>
                void api.chooseLibraryFolder({}).then(
                  ({ root: chosen }) => chosen && setRoot(chosen),
                  (failure: unknown) => setError(errorMessage(failure)),
                )
              }
            >
              Choose…
            </button>
          )}
        </div>
        <p className="folio-form-hint" id="folio-open-library-hint">
          The folder that holds your Markdown articles; ~ is your home folder.
          {current && <> Open now: {current}</>}
        </p>
        {error && (
          <p className="folio-form-error" role="alert">
            {error}
          </p>
        )}
        {others.length > 0 && (
          <section aria-label="Recent libraries" className="folio-recent-libraries">
            <h3>Recent libraries</h3>
            <ul>
              {others.map((item) => (
                <li key={item.root}>
                  <button
                    type="button"
                    className="folio-recent-library"
                    disabled={busy !== null}
                    onClick={() => void open(item.root)}
                  >
                    <span className="folio-recent-name">{item.name}</span>
                    <span className="folio-recent-path">{item.root}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="folio-form-actions">
          <button type="button" className="folio-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="folio-button folio-button-primary" disabled={busy !== null}>
            {busy ? 'Opening…' : 'Open library'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
