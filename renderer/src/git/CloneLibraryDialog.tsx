import { useRef, useState, type FormEvent, type ReactElement } from 'react';
import { gitUrlSchema } from '../../../shared/git-contract';
import { api, transport } from '../api';
import { Modal } from '../ui/Modal';
import { suggestedCloneFolder } from './clone-folder';
import { CredentialsFields, emptyCredentials, type Credentials } from './CredentialsFields';
import { gitFailure } from './git-errors';
import { ProgressBar } from './ProgressBar';
import { newJobId, useGitProgress } from './useGitProgress';

/** Props of {@link CloneLibraryDialog}. */
export interface CloneLibraryDialogProps {
  /** Real path of the library open now (a clone goes beside it by default). */
  readonly current: string | null;
  /** Runs before switching to the clone (save or confirm unsaved work); `false` stays. */
  readonly beforeSwitch?: () => Promise<boolean>;
  readonly onClose: () => void;
}

type Problem = { field: 'url' | 'folder' | 'credentials' | null; text: string };

/**
 * "Clone library…": the address of a remote repository (http or https), a new or empty folder,
 * and, when the remote asks, a user name and a password or token (kept if the author says so).
 * Shows the clone's progress, then opens the cloned folder as "Open library…" does. A bad
 * address, a folder that is not empty, refused credentials (asked again) and no network each
 * say so in the dialog, which keeps what was typed.
 */
export function CloneLibraryDialog({
  current,
  beforeSwitch,
  onClose,
}: CloneLibraryDialogProps): ReactElement {
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [folderTouched, setFolderTouched] = useState(false);
  const [credentials, setCredentials] = useState<Credentials>(emptyCredentials);
  const [askCredentials, setAskCredentials] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useGitProgress(jobId);
  const urlInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const shownFolder = folderTouched ? folder : suggestedCloneFolder(url, current);
  const busy = jobId !== null;

  const clone = async (): Promise<void> => {
    setProblem(null);
    const checked = gitUrlSchema.safeParse(url);
    if (!checked.success) {
      const reason = checked.error.issues[0]?.message ?? 'Type the address of the repository.';
      setProblem({ field: 'url', text: url.trim() ? `Not an address Folio can clone. ${reason}` : reason });
      urlInput.current?.focus();
      return;
    }
    if (!shownFolder.trim()) {
      setProblem({ field: 'folder', text: 'Type the path of a new or empty folder for the library.' });
      folderInput.current?.focus();
      return;
    }
    if (beforeSwitch && !(await beforeSwitch())) return;
    const id = newJobId();
    setJobId(id);
    const typed = credentials.username !== '' || credentials.password !== '';
    try {
      const cloned = await api.cloneLibrary({
        url: checked.data,
        folder: shownFolder.trim(),
        ...(typed
          ? { username: credentials.username, password: credentials.password, remember: credentials.remember }
          : {}),
        jobId: id,
      });
      await api.openLibrary({ root: cloned.root });
      // The page starts over on the new library, as after "Open library…".
      if (transport === 'http') location.reload();
      else onClose();
    } catch (error) {
      setJobId(null);
      const failure = gitFailure(error);
      if (failure.kind === 'auth') {
        setAskCredentials(true);
        setProblem({
          field: 'credentials',
          text: typed
            ? `Signing in did not work. ${failure.message} Check the user name and the password or token.`
            : `${failure.message} Type them below.`,
        });
      } else if (failure.kind === 'offline') {
        setProblem({ field: null, text: `Folio cannot reach the remote: ${failure.message}` });
      } else {
        setProblem({ field: /folder/i.test(failure.message) ? 'folder' : null, text: failure.message });
      }
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void clone();
  };

  return (
    <Modal title="Clone library" onClose={() => !busy && onClose()} className="folio-modal-wide">
      <form onSubmit={submit} className="folio-form" aria-busy={busy}>
        <label>
          Repository address
          <input
            ref={urlInput}
            autoFocus
            value={url}
            spellCheck={false}
            inputMode="url"
            placeholder="https://git.example.com/team/articles.git"
            aria-invalid={problem?.field === 'url' ? true : undefined}
            aria-describedby="folio-clone-url-hint"
            disabled={busy}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <p className="folio-form-hint" id="folio-clone-url-hint">
          The http:// or https:// address of a git repository, as its host shows it for cloning.
        </p>
        <label>
          Folder
          <input
            ref={folderInput}
            value={shownFolder}
            spellCheck={false}
            placeholder="/home/me/Articles"
            aria-invalid={problem?.field === 'folder' ? true : undefined}
            aria-describedby="folio-clone-folder-hint"
            disabled={busy}
            onChange={(event) => {
              setFolderTouched(true);
              setFolder(event.target.value);
            }}
          />
        </label>
        <p className="folio-form-hint" id="folio-clone-folder-hint">
          A new or empty folder for the library; ~ is your home folder.
        </p>
        {askCredentials ? (
          <fieldset className="folio-git-credentials" disabled={busy}>
            <legend>Sign in</legend>
            <CredentialsFields
              value={credentials}
              onChange={setCredentials}
              autoFocus
              invalid={problem?.field === 'credentials'}
            />
          </fieldset>
        ) : (
          <button
            type="button"
            className="folio-link-button folio-git-signin-toggle"
            aria-expanded={false}
            disabled={busy}
            onClick={() => setAskCredentials(true)}
          >
            The repository is private: sign in…
          </button>
        )}
        {busy && <ProgressBar progress={progress} label="Clone progress" />}
        {problem && (
          <p className="folio-form-error" role="alert">
            {problem.text}
          </p>
        )}
        <div className="folio-form-actions">
          <button type="button" className="folio-button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="folio-button folio-button-primary" disabled={busy}>
            {busy ? 'Cloning…' : 'Clone and open'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
