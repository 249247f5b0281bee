import type { ArticleDocument, FolioClient } from '../../../shared/contract';
import { errorMessage } from '../../../shared/errors';
import type { RecoveryEntry } from '../../../shared/library-contract';
import type { DocumentStore } from './document-store';

/** Where {@link findRecoveries} reports. */
export interface RecoveryListener {
  /** The unsaved texts journaled before the search started. */
  found(entries: RecoveryEntry[]): void;
  /** Every attempt failed; `message` says so and that the journal keeps the text. */
  failed(message: string): void;
}

/**
 * Unsaved text from a crash must never go unoffered because one request failed (a busy machine
 * at start): try a few times (waiting `retryMs`, then twice that), then say so; the journal keeps
 * the text meanwhile. Only what was journaled before this start is offered: an answer that comes
 * late (a retry, a slow machine) also holds the journal of what the author typed since.
 * Returns the function that stops the search (nothing is reported after it).
 */
export function findRecoveries(
  api: Pick<FolioClient, 'listRecoveries'>,
  retryMs: number,
  listener: RecoveryListener,
): () => void {
  const startedAt = Date.now();
  let cancelled = false;
  void (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        const found = await api.listRecoveries({});
        if (!cancelled) listener.found(found.filter((entry) => Date.parse(entry.journaledAt) < startedAt));
        return;
      } catch (error) {
        if (attempt >= 3) {
          if (!cancelled) {
            listener.failed(
              `Could not check for unsaved text from the last session (${errorMessage(error)}); it stays in the journal. Reopen the library to check again.`,
            );
          }
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryMs * attempt));
        if (cancelled) return;
      }
    }
  })();
  return () => {
    cancelled = true;
  };
}

/**
 * Puts a journaled text in the store, based on the version it was journaled against: if the
 * file changed or went away since, the store holds a conflict for the author to settle.
 */
export function openRecovery(store: DocumentStore, entry: RecoveryEntry): void {
  const base: ArticleDocument = entry.disk ?? {
    path: entry.path,
    text: '',
    hash: '',
    lineEnding: '\n',
    bom: false,
    readOnly: false,
    readOnlyReason: null,
  };
  const baseHash = entry.baseHash ?? (entry.disk ? entry.disk.hash : null);
  store.openWithText(base, entry.text, baseHash ?? '', entry.disk?.text ?? '');
  if (baseHash === null || !entry.disk) store.conflicted({ diskText: null, diskHash: null });
  else if (entry.changedOnDisk) store.conflicted({ diskText: entry.disk.text, diskHash: entry.disk.hash });
}
