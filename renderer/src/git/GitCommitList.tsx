import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { GitCommitInfo } from '../../../shared/git-contract';
import { errorMessage, isFolioError } from '../../../shared/errors';
import { api } from '../api';
import type { CompareRequest } from '../review/CompareView';
import { onSynced } from './sync-request';

/** Props of {@link GitCommitList}. */
export interface GitCommitListProps {
  /** The open article. */
  readonly path: string;
  /** The editor's current text (possibly unsaved). */
  readonly currentText: string;
  /** Changes after each save, so the list is read again (a sync may have added commits). */
  readonly savedHash: string;
  readonly onCompare: (request: CompareRequest) => void;
  /** Puts a commit's text into the editor as one undoable edit. */
  readonly onRestore: (text: string, label: string) => void;
}

/** A commit's name for people: the first line of its message, and when. */
export function commitLabel(commit: GitCommitInfo): string {
  const subject = commit.message.split('\n', 1)[0]!.trim() || commit.oid.slice(0, 7);
  const when = new Date(commit.time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `“${subject}” (${when})`;
}

/**
 * The article's git commits in the history panel, newest first (message, author, date), each
 * comparable with the current text (the same rendered word diff as snapshots) and restorable
 * into the editor as one undoable edit. Shows nothing when the library is not a git work tree.
 */
export function GitCommitList({
  path,
  currentText,
  savedHash,
  onCompare,
  onRestore,
}: GitCommitListProps): ReactElement | null {
  const [commits, setCommits] = useState<GitCommitInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.listGitHistory({ path }).then(
      (list) => {
        setCommits(list);
        setError(null);
      },
      (failure: unknown) => {
        if (isFolioError(failure, 'NOT_A_REPOSITORY')) setCommits(null);
        else setError(errorMessage(failure));
      },
    );
  }, [path]);

  useEffect(() => {
    reload();
    const offSynced = onSynced(reload);
    const offChanged = api.on('articleChanged', (event) => {
      if (event.path === path) reload();
    });
    return () => {
      offSynced();
      offChanged();
    };
  }, [path, reload, savedHash]);

  const act = (work: () => Promise<void>): void => {
    work().catch((failure: unknown) => setError(errorMessage(failure)));
  };
  const read = (oid: string): Promise<string> => api.readGitVersion({ path, oid }).then((v) => v.text);

  if (commits === null && error === null) return null;
  return (
    <section className="folio-git-history" aria-label="Commits">
      <h3>Commits</h3>
      {error && (
        <p className="review-message" role="alert">
          {error}
        </p>
      )}
      {commits !== null && commits.length === 0 && (
        <p className="review-hint">Not committed yet. Sync commits it.</p>
      )}
      <ol className="review-list" aria-label="Commits of this article">
        {commits?.map((commit) => (
          <li key={commit.oid} className="review-snapshot">
            <span className="review-snapshot-title">
              <span>
                <span className="folio-git-commit-message">
                  {commit.message.split('\n', 1)[0] || commit.oid.slice(0, 7)}
                </span>
                <time dateTime={commit.time}>
                  {new Date(commit.time).toLocaleString(undefined, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  })}
                </time>
              </span>
            </span>
            <span className="folio-git-commit-meta" title={commit.email}>
              {commit.author} · {commit.oid.slice(0, 7)}
            </span>
            <span className="review-snapshot-actions">
              <button
                type="button"
                aria-label={`Compare ${commitLabel(commit)} with current`}
                onClick={() =>
                  act(async () =>
                    onCompare({
                      before: { label: commitLabel(commit), text: await read(commit.oid) },
                      after: { label: 'Current text', text: currentText },
                    }),
                  )
                }
              >
                Compare with current
              </button>
              <button
                type="button"
                aria-label={`Restore ${commitLabel(commit)}`}
                onClick={() => act(async () => onRestore(await read(commit.oid), commitLabel(commit)))}
              >
                Restore
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
