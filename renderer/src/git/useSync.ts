import { useCallback, useEffect, useRef, useState } from 'react';
import { announce } from '../accessibility';
import type { GitStatus, PendingSync, SyncResult } from '../../../shared/git-contract';
import { api } from '../api';
import type { Credentials } from './CredentialsFields';
import { gitFailure } from './git-errors';
import { announceSynced } from './sync-request';
import { newJobId } from './useGitProgress';

/** One resolved article of a sync stopped on conflicts; `text: null` deletes it. */
export interface SyncResolution {
  readonly path: string;
  readonly text: string | null;
}

/** What a sync runs: the sync itself (or only its commit), or the finish of a stopped one. */
export type SyncOperation =
  | { readonly kind: 'sync'; readonly message: string | undefined; readonly commitOnly: boolean }
  | { readonly kind: 'resolve'; readonly syncId: string; readonly resolutions: readonly SyncResolution[] };

/** Where the sync is, as its dialog shows it. */
export type SyncStep =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'message'; readonly message: string; readonly status: GitStatus }
  | { readonly kind: 'running'; readonly jobId: string; readonly operation: SyncOperation | null }
  | { readonly kind: 'auth'; readonly retry: SyncOperation; readonly error: string | null }
  | { readonly kind: 'offline'; readonly message: string; readonly retry: SyncOperation }
  | {
      readonly kind: 'conflicts';
      readonly pending: PendingSync;
      readonly index: number;
      readonly resolutions: readonly SyncResolution[];
    }
  | { readonly kind: 'done'; readonly tone: 'success' | 'cancelled' | 'error'; readonly text: string };

/** Options of {@link useSync}. */
export interface SyncOptions {
  /**
   * Saves the open article before a sync. Resolve `false` when it could not be saved: the sync
   * then stops before changing anything.
   */
  readonly beforeSync: () => Promise<boolean>;
  /** Called when a sync changed the library or ended (re-read the git status). */
  readonly onChanged: () => void;
  /** Announces the outcome in words (the pane's live region). */
  readonly onOutcome: (text: string) => void;
}

/** The sync's state and its actions, for the Sync bar and its dialogs. */
export interface SyncController {
  readonly step: SyncStep;
  /** Starts a sync: save, then the commit message (when there is something to commit). */
  readonly start: () => void;
  /** Runs the sync with this message (`commitOnly`: commit, no network). */
  readonly run: (operation: SyncOperation) => void;
  /** Keeps the credentials for the remote and runs the operation that asked for them again. */
  readonly signIn: (credentials: Credentials) => void;
  /** Records the author's text for the conflict shown now and moves on to the next. */
  readonly resolveCurrent: (text: string | null) => void;
  /** Gives up a sync stopped on conflicts: the library returns to its state before it. */
  readonly cancelConflicts: () => void;
  /** Closes the dialog (not while the sync runs). */
  readonly close: () => void;
}

function describeResult(result: SyncResult, operation: SyncOperation): string {
  if (result.summary) return result.summary;
  if (operation.kind === 'sync' && operation.commitOnly) return 'Committed your changes. Sync to send them.';
  return result.outcome === 'up-to-date' ? 'Already up to date.' : 'Synced.';
}

/**
 * The Sync flow: saves what is open, shows the commit message (the status's suggestion,
 * editable), runs the sync with its progress, asks for credentials when the remote wants them
 * and tries again, says plainly when the remote cannot be reached and offers to commit only,
 * and walks through the conflicts of a sync that stopped on them (every resolved text is sent
 * at once with `resolveSync`; cancel calls `cancelSync`, which puts the library back).
 */
export function useSync({ beforeSync, onChanged, onOutcome }: SyncOptions): SyncController {
  const [step, setStep] = useState<SyncStep>({ kind: 'idle' });
  const current = useRef<SyncStep>(step);
  const callbacks = useRef({ beforeSync, onChanged, onOutcome });
  // Set when the author just signed in: a second refusal then says the credentials did not work.
  const signedIn = useRef(false);
  useEffect(() => {
    callbacks.current = { beforeSync, onChanged, onOutcome };
  });

  const go = useCallback((next: SyncStep) => {
    current.current = next;
    setStep(next);
  }, []);

  const finish = useCallback(
    (tone: 'success' | 'cancelled' | 'error', text: string) => {
      go({ kind: 'done', tone, text });
      announce(text, tone === 'error' ? 'assertive' : 'polite');
      callbacks.current.onOutcome(text);
      callbacks.current.onChanged();
      announceSynced();
    },
    [go],
  );

  const run = useCallback(
    (operation: SyncOperation) => {
      const jobId = newJobId();
      go({ kind: 'running', jobId, operation });
      const call =
        operation.kind === 'sync'
          ? api.syncLibrary({
              ...(operation.message === undefined ? {} : { message: operation.message }),
              ...(operation.commitOnly ? { commitOnly: true } : {}),
              jobId,
            })
          : api.resolveSync({
              syncId: operation.syncId,
              resolutions: operation.resolutions.map((r) => ({ path: r.path, text: r.text })),
              jobId,
            });
      call.then(
        (result) => {
          signedIn.current = false;
          if (result.outcome === 'conflicts' && result.pending) {
            go({ kind: 'conflicts', pending: result.pending, index: 0, resolutions: [] });
            callbacks.current.onChanged();
          } else finish('success', describeResult(result, operation));
        },
        (error: unknown) => {
          const failure = gitFailure(error);
          const refused = signedIn.current ? `Signing in did not work. ${failure.message}` : null;
          signedIn.current = false;
          if (failure.kind === 'auth') go({ kind: 'auth', retry: operation, error: refused });
          else if (failure.kind === 'offline')
            go({ kind: 'offline', message: failure.message, retry: operation });
          else finish('error', `Not synced: ${failure.message}`);
        },
      );
    },
    [go, finish],
  );

  const start = useCallback(() => {
    const now = current.current.kind;
    if (now !== 'idle' && now !== 'done') return;
    go({ kind: 'saving' });
    void (async () => {
      try {
        if (!(await api.getGitStatus({})).repository) {
          finish(
            'error',
            'Not synced: this library is not a git repository. Clone one with “Clone library…”.',
          );
          return;
        }
        if (!(await callbacks.current.beforeSync())) {
          finish(
            'error',
            'Not synced: the open article could not be saved. Save it (or resolve its conflict) first.',
          );
          return;
        }
        const status = await api.getGitStatus({});
        if (status.pending) {
          go({ kind: 'conflicts', pending: status.pending, index: 0, resolutions: [] });
        } else if (status.changes.length > 0) {
          go({ kind: 'message', message: status.suggestedMessage, status });
        } else {
          run({ kind: 'sync', message: undefined, commitOnly: false });
        }
      } catch (error) {
        finish('error', `Not synced: ${gitFailure(error).message}`);
      }
    })();
  }, [go, finish, run]);

  const signIn = useCallback(
    (credentials: Credentials) => {
      const state = current.current;
      if (state.kind !== 'auth') return;
      const { retry } = state;
      go({ kind: 'running', jobId: newJobId(), operation: null });
      api
        .setGitCredentials({
          username: credentials.username,
          password: credentials.password,
          remember: credentials.remember,
        })
        .then(
          () => {
            signedIn.current = true;
            run(retry);
          },
          (error: unknown) => go({ kind: 'auth', retry, error: gitFailure(error).message }),
        );
    },
    [go, run],
  );

  const resolveCurrent = useCallback(
    (text: string | null) => {
      const state = current.current;
      if (state.kind !== 'conflicts') return;
      const conflict = state.pending.conflicts[state.index];
      if (!conflict) return;
      const resolutions = [...state.resolutions, { path: conflict.path, text }];
      if (state.index + 1 < state.pending.conflicts.length) {
        go({ ...state, index: state.index + 1, resolutions });
      } else {
        run({ kind: 'resolve', syncId: state.pending.syncId, resolutions });
      }
    },
    [go, run],
  );

  const cancelConflicts = useCallback(() => {
    const state = current.current;
    if (state.kind !== 'conflicts') return;
    go({ kind: 'running', jobId: newJobId(), operation: null });
    api.cancelSync({ syncId: state.pending.syncId }).then(
      () =>
        finish(
          'cancelled',
          'Sync cancelled: the library is exactly as it was before the sync. Nothing was sent.',
        ),
      (error: unknown) => finish('error', `Could not cancel the sync: ${gitFailure(error).message}`),
    );
  }, [go, finish]);

  const close = useCallback(() => {
    const now = current.current.kind;
    if (now === 'running' || now === 'saving' || now === 'conflicts') return;
    go({ kind: 'idle' });
  }, [go]);

  return { step, start, run, signIn, resolveCurrent, cancelConflicts, close };
}
