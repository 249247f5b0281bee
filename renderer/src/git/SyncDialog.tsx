import { useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { Modal } from '../ui/Modal';
import { MergeDialog, type MergeWording } from '../review/MergeDialog';
import { CredentialsFields, emptyCredentials, type Credentials } from './CredentialsFields';
import { DeletedConflictDialog } from './DeletedConflictDialog';
import { countChanges } from './git-changes';
import { ProgressBar } from './ProgressBar';
import { useGitProgress } from './useGitProgress';
import type { SyncController, SyncStep } from './useSync';

/** Props of {@link SyncDialog}. */
export interface SyncDialogProps {
  readonly sync: SyncController;
}

function syncWording(index: number, total: number, last: boolean): Partial<MergeWording> {
  return {
    reason: 'This article changed here and on the remote since the last sync.',
    mine: 'Mine (this library)',
    theirs: 'Theirs (the remote)',
    result: 'Result, compared with your text',
    confirm: last ? 'Finish sync' : 'Next article',
    cancel: 'Cancel sync',
    ready: last ? 'Ready: Finish sync commits the merge and sends it.' : 'Ready for the next article.',
    step: `Article ${index + 1} of ${total}`,
  };
}

function MessageStep({
  sync,
  step,
}: {
  sync: SyncController;
  step: Extract<SyncStep, { kind: 'message' }>;
}): ReactElement {
  const [message, setMessage] = useState(step.message);
  const count = countChanges(step.status.changes);
  return (
    <form
      className="folio-form"
      onSubmit={(event) => {
        event.preventDefault();
        sync.run({ kind: 'sync', message: message.trim() || undefined, commitOnly: false });
      }}
    >
      <p className="folio-form-hint">
        {count.text} to send{step.status.remote ? <> to {step.status.remote}</> : null}
        {step.status.branch ? <> (branch {step.status.branch})</> : null}.
      </p>
      <label>
        Commit message
        <textarea
          autoFocus
          className="folio-git-message"
          rows={4}
          value={message}
          maxLength={10_000}
          onChange={(event) => setMessage(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </label>
      <div className="folio-form-actions">
        <button type="button" className="folio-button" onClick={sync.close}>
          Cancel
        </button>
        <button
          type="button"
          className="folio-button"
          title="Commit here without fetching or sending (works offline)"
          onClick={() => sync.run({ kind: 'sync', message: message.trim() || undefined, commitOnly: true })}
        >
          Commit only
        </button>
        <button type="submit" className="folio-button folio-button-primary">
          Sync
        </button>
      </div>
    </form>
  );
}

function AuthStep({
  sync,
  step,
}: {
  sync: SyncController;
  step: Extract<SyncStep, { kind: 'auth' }>;
}): ReactElement {
  const [credentials, setCredentials] = useState<Credentials>(emptyCredentials);
  return (
    <form
      className="folio-form"
      onSubmit={(event) => {
        event.preventDefault();
        sync.signIn(credentials);
      }}
    >
      <p className="folio-form-hint">
        The remote asks who you are. Type your user name and a password or access token; Folio tries again
        with them.
      </p>
      <CredentialsFields
        value={credentials}
        onChange={setCredentials}
        autoFocus
        invalid={step.error !== null}
      />
      {step.error && (
        <p className="folio-form-error" role="alert">
          {step.error}
        </p>
      )}
      <div className="folio-form-actions">
        <button type="button" className="folio-button" onClick={sync.close}>
          Cancel
        </button>
        <button
          type="submit"
          className="folio-button folio-button-primary"
          disabled={credentials.username === '' && credentials.password === ''}
        >
          Sign in and sync
        </button>
      </div>
    </form>
  );
}

function OfflineStep({
  sync,
  step,
}: {
  sync: SyncController;
  step: Extract<SyncStep, { kind: 'offline' }>;
}): ReactElement {
  const { retry } = step;
  return (
    <div className="folio-form">
      {/* The service says what failed and that nothing changed ("You're offline: …"). */}
      <p role="alert">{step.message}</p>
      <p className="folio-form-hint">
        {retry.kind === 'sync'
          ? 'Commit only records your changes here, without the network; the next Sync sends them.'
          : 'Your merge is not sent yet. Try again when you are online; until then the sync waits, and Resolve… in the library pane takes it up again.'}
      </p>
      <div className="folio-form-actions">
        <button type="button" className="folio-button" onClick={sync.close}>
          Close
        </button>
        <button type="button" className="folio-button" onClick={() => sync.run(retry)}>
          Try again
        </button>
        {retry.kind === 'sync' && (
          <button
            type="button"
            autoFocus
            className="folio-button folio-button-primary"
            onClick={() => sync.run({ ...retry, commitOnly: true })}
          >
            Commit only
          </button>
        )}
      </div>
    </div>
  );
}

function RunningStep({ jobId }: { jobId: string }): ReactElement {
  const progress = useGitProgress(jobId);
  return <ProgressBar progress={progress} label="Sync progress" />;
}

function stepTitle(step: SyncStep): string {
  switch (step.kind) {
    case 'auth':
      return 'Sign in to sync';
    case 'offline':
      return 'Cannot reach the remote';
    case 'done':
      return step.tone === 'success' ? 'Synced' : step.tone === 'cancelled' ? 'Sync cancelled' : 'Not synced';
    default:
      return 'Sync library';
  }
}

/**
 * The Sync dialogs: the commit message, the progress bar, sign-in, "cannot reach the remote"
 * with Commit only, the result in words, and, for a sync stopped on conflicts, the three-way
 * merge of each conflicted article in turn (a keep-or-delete choice when one side deleted it).
 */
export function SyncDialog({ sync }: SyncDialogProps): ReactElement | null {
  const { step } = sync;
  if (step.kind === 'idle') return null;
  if (step.kind === 'conflicts') {
    const conflict = step.pending.conflicts[step.index]!;
    const total = step.pending.conflicts.length;
    const last = step.index + 1 === total;
    return createPortal(
      conflict.mine === null || conflict.theirs === null ? (
        <DeletedConflictDialog
          key={conflict.path}
          conflict={conflict}
          step={`Article ${step.index + 1} of ${total}`}
          onChoose={sync.resolveCurrent}
          onCancel={sync.cancelConflicts}
        />
      ) : (
        <MergeDialog
          key={conflict.path}
          path={conflict.path}
          base={conflict.base ?? ''}
          mine={conflict.mine}
          theirs={conflict.theirs}
          wording={syncWording(step.index, total, last)}
          onConfirm={sync.resolveCurrent}
          onCancel={sync.cancelConflicts}
        />
      ),
      document.body,
    );
  }
  return (
    <Modal title={stepTitle(step)} onClose={sync.close} className="folio-git-dialog">
      {step.kind === 'saving' && (
        <p className="folio-form-hint" role="status" aria-live="off">
          Saving the open article…
        </p>
      )}
      {step.kind === 'message' && <MessageStep sync={sync} step={step} />}
      {step.kind === 'running' && <RunningStep jobId={step.jobId} />}
      {step.kind === 'auth' && <AuthStep sync={sync} step={step} />}
      {step.kind === 'offline' && <OfflineStep sync={sync} step={step} />}
      {step.kind === 'done' && (
        <div className="folio-form">
          <p className={`folio-git-result folio-git-result-${step.tone}`}>{step.text}</p>
          <div className="folio-form-actions">
            <button
              type="button"
              autoFocus
              className="folio-button folio-button-primary"
              onClick={sync.close}
            >
              Close
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
