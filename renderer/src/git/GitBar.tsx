import { useEffect, useRef, type ReactElement } from 'react';
import type { GitStatus } from '../../../shared/git-contract';
import { describeKey } from '../editor/editor-commands';
import { isApplePlatform } from '../ui/platform';
import { GitChangeMark } from './GitChangeMark';
import { countChanges, isArticlePath } from './git-changes';
import { onSyncRequest } from './sync-request';
import { SyncDialog } from './SyncDialog';
import { useSync } from './useSync';
import './Git.css';
import { countOf } from '../../../shared/plural';

/** The keyboard shortcut of Sync (also listed in the command palette). */
export const syncKey = 'Mod-Shift-s';

/** Props of {@link GitBar}. */
export interface GitBarProps {
  /** The library's git state; the bar shows nothing without one (not a git work tree). */
  readonly status: GitStatus | null;
  /** Reads the git state again. */
  readonly onRefresh: () => void;
  /** Saves the open article before a sync; `false` when it could not be saved. */
  readonly beforeSync: () => Promise<boolean>;
  /** Announces a sync's outcome in the pane's live region. */
  readonly onNotice: (text: string) => void;
}

/**
 * The git line of the library pane, for a library that is a git work tree: the branch, how far
 * it is ahead of or behind the remote, the articles deleted since the last sync (they have no
 * row in the tree to carry a mark), and the Sync button with the count of changed articles.
 * Sync also runs from the command palette and Ctrl/Cmd+Shift+S.
 */
export function GitBar({ status, onRefresh, beforeSync, onNotice }: GitBarProps): ReactElement {
  const sync = useSync({ beforeSync, onChanged: onRefresh, onOutcome: onNotice });
  const button = useRef<HTMLButtonElement>(null);
  const { start } = sync;
  useEffect(() => onSyncRequest(start), [start]);

  // Focus comes back to the Sync button when the flow ends (its dialogs came and went).
  const active = sync.step.kind !== 'idle';
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) button.current?.focus();
    wasActive.current = active;
  }, [active]);

  // Outside git the bar is empty, but a sync asked for by its shortcut still says why not.
  if (!status) return <SyncDialog sync={sync} />;
  const count = countChanges(status.changes);
  const deleted = status.changes.filter((change) => change.kind === 'deleted' && isArticlePath(change.path));
  const shortcut = describeKey(syncKey, isApplePlatform());
  const badge = count.articles + count.files;
  const pending = status.pending !== null;
  return (
    <section className="folio-git-bar" aria-label="Git sync">
      <div className="folio-git-line">
        <span className="folio-git-branch" title={status.remote ? `Remote: ${status.remote}` : 'No remote'}>
          <span aria-hidden="true">⎇ </span>
          <span className="folio-git-hidden">Branch </span>
          {status.branch ?? 'no branch'}
        </span>
        {(status.ahead > 0 || status.behind > 0) && (
          <span
            className="folio-git-ahead"
            title={`${countOf(status.ahead, { one: 'commit', other: 'commits' })} to send, ${status.behind} to receive (as last fetched)`}
          >
            {status.ahead > 0 && <span>↑{status.ahead}</span>}
            {status.behind > 0 && <span>↓{status.behind}</span>}
            <span className="folio-git-hidden">
              {`: ${status.ahead} to send, ${status.behind} to receive`}
            </span>
          </span>
        )}
        <button
          ref={button}
          type="button"
          className={`folio-button folio-git-sync${pending ? ' folio-git-sync-pending' : ''}`}
          aria-label={
            pending ? 'Resolve the conflicts of the last sync' : `Sync, ${count.text.toLowerCase()}`
          }
          title={`${pending ? 'A sync stopped on conflicts: resolve them' : `Sync: ${count.text}`} (${shortcut})`}
          aria-keyshortcuts={isApplePlatform() ? 'Meta+Shift+S' : 'Control+Shift+S'}
          disabled={active}
          onClick={start}
        >
          {pending ? 'Resolve…' : 'Sync'}
          {/* A space: the visible text reads "Sync 1", as the name "Sync, 1 changed article" does. */}
          {!pending && badge > 0 && ' '}
          {!pending && badge > 0 && (
            <span className="folio-git-count" aria-hidden="true">
              {badge}
            </span>
          )}
        </button>
      </div>
      {deleted.length > 0 && (
        <ul className="folio-git-deleted-list" aria-label="Deleted since the last sync">
          {deleted.map((change) => (
            <li key={change.path}>
              <GitChangeMark kind="deleted" />
              <span className="folio-git-deleted-path">{change.path}</span>
            </li>
          ))}
        </ul>
      )}
      <SyncDialog sync={sync} />
    </section>
  );
}
