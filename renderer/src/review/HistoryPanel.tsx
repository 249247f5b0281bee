import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { SnapshotInfo } from '../../../shared/contract';
import { errorMessage } from '../../../shared/errors';
import { api } from '../api';
import { GitCommitList } from '../git/GitCommitList';
import type { CompareRequest } from './CompareView';
import { pluralWord, words } from '../../../shared/plural';
import { useReturnFocus } from '../accessibility';

/** Props of {@link HistoryPanel}. */
export interface HistoryPanelProps {
  /** The open article. */
  readonly path: string;
  /** The editor's current text (possibly unsaved). */
  readonly currentText: string;
  /** Hash of the last saved version: the list reloads when a save completes. */
  readonly savedHash: string;
  readonly onCompare: (request: CompareRequest) => void;
  /** Puts a snapshot's text into the editor as one undoable edit. */
  readonly onRestore: (text: string, label: string) => void;
  readonly onClose: () => void;
}

/** A snapshot's name for people: its own name, or when it was kept. */
export function snapshotLabel(info: SnapshotInfo): string {
  const when = new Date(info.time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return info.name ? `“${info.name}” (${when})` : `Saved ${when}`;
}

function delta(info: SnapshotInfo): string {
  if (info.wordDelta === null) return 'first version';
  if (info.wordDelta === 0) return '±0 words';
  return `${info.wordDelta > 0 ? '+' : '−'}${Math.abs(info.wordDelta).toLocaleString('en')} ${pluralWord(Math.abs(info.wordDelta), words.word)}`;
}

/**
 * The history panel: the article's snapshots (kept by every save, and named ones), newest
 * first, with time, name and word delta; take a named snapshot, compare any snapshot with the
 * current text or two snapshots with each other, and restore one. In a git library, the
 * article's commits follow, with the same compare and restore.
 */
export function HistoryPanel({
  path,
  currentText,
  savedHash,
  onCompare,
  onRestore,
  onClose,
}: HistoryPanelProps): ReactElement {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useReturnFocus();

  const reload = useCallback(() => {
    api.listSnapshots({ path }).then(
      (list) => {
        setSnapshots(list);
        setError(null);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [path]);

  // The save's own snapshot is kept after the save returns, so reload when the store records it
  // (savedHash), and on changes from elsewhere (articleChanged).
  useEffect(() => {
    reload();
    return api.on('articleChanged', (event) => {
      if (event.path === path) reload();
    });
  }, [path, reload, savedHash]);

  const read = (id: string): Promise<string> => api.readSnapshot({ path, id }).then((doc) => doc.text);

  const take = async (): Promise<void> => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      await api.takeSnapshot({ path, name: trimmed, text: currentText });
      setName('');
      reload();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const act = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const chosen = snapshots?.filter((info) => selected.includes(info.id)) ?? [];

  return (
    <aside className="review-panel" aria-label="History">
      <header className="review-panel-header">
        <h2>History</h2>
        <button type="button" className="review-close" aria-label="Close history" onClick={onClose}>
          ✕
        </button>
      </header>
      <form
        className="review-snapshot-form"
        onSubmit={(event) => {
          event.preventDefault();
          void take();
        }}
      >
        <input
          type="text"
          value={name}
          maxLength={200}
          placeholder="Sent to editor"
          aria-label="Snapshot name"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={busy || name.trim() === ''}>
          Take snapshot
        </button>
      </form>
      {error && (
        <p className="review-message" role="alert">
          {error}
        </p>
      )}
      {snapshots !== null && snapshots.length === 0 && (
        <p className="review-hint">No snapshots yet. Every save keeps one; name one to mark a milestone.</p>
      )}
      {chosen.length === 2 && (
        <button
          type="button"
          className="review-wide-button"
          onClick={() =>
            void act(async () => {
              const [newer, older] = chosen as [SnapshotInfo, SnapshotInfo];
              const [olderText, newerText] = await Promise.all([read(older.id), read(newer.id)]);
              onCompare({
                before: { label: snapshotLabel(older), text: olderText },
                after: { label: snapshotLabel(newer), text: newerText },
              });
            })
          }
        >
          Compare the two selected snapshots
        </button>
      )}
      <ol className="review-list" aria-label="Snapshots">
        {snapshots?.map((info) => (
          <li key={info.id} className="review-snapshot">
            <label className="review-snapshot-title">
              <input
                type="checkbox"
                checked={selected.includes(info.id)}
                aria-label={`Select ${snapshotLabel(info)} for comparison`}
                onChange={(event) =>
                  setSelected((current) =>
                    event.target.checked
                      ? [...current.filter((id) => id !== info.id), info.id].slice(-2)
                      : current.filter((id) => id !== info.id),
                  )
                }
              />
              <span>
                {info.name ? <strong>{info.name}</strong> : <span>Saved</span>}
                <time dateTime={info.time}>
                  {new Date(info.time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </span>
            </label>
            <span className="review-snapshot-meta">
              {info.words.toLocaleString('en')} words ·{' '}
              <span className={info.wordDelta && info.wordDelta < 0 ? 'review-minus' : 'review-plus'}>
                {delta(info)}
              </span>
            </span>
            <span className="review-snapshot-actions">
              <button
                type="button"
                onClick={() =>
                  void act(async () =>
                    onCompare({
                      before: { label: snapshotLabel(info), text: await read(info.id) },
                      after: { label: 'Current text', text: currentText },
                    }),
                  )
                }
              >
                Compare with current
              </button>
              <button
                type="button"
                onClick={() => void act(async () => onRestore(await read(info.id), snapshotLabel(info)))}
              >
                Restore
              </button>
            </span>
          </li>
        ))}
      </ol>
      <GitCommitList
        path={path}
        currentText={currentText}
        savedHash={savedHash}
        onCompare={onCompare}
        onRestore={onRestore}
      />
    </aside>
  );
}
