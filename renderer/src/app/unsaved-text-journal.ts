import type { FolioClient } from '../../../shared/contract';
import { isDirty, type DocumentStore } from './document-store';

/**
 * Longest that unsaved text waits for a pause in typing before it is journaled all the same.
 * A long article's write (its whole text) holds the editor up for a moment, so typing does not
 * trigger one each second; a crash during minutes of steady typing still loses at most this.
 */
export const journalMaxWaitMs = 10_000;

/**
 * Keeps the open article's unsaved text in the service's recovery journal, debounced: a pause
 * in typing of `delayMs` writes it (once per distinct text), so that a crash loses nothing,
 * and steady typing writes it at least every {@link journalMaxWaitMs}. A failed write is tried
 * again with the next pause.
 */
export class UnsavedTextJournal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastJournaled: string | null = null;
  /** When the write now waiting was first asked for (`Date.now()`), or `null`. */
  private waitingSince: number | null = null;

  /**
   * @param store the open document
   * @param api the service's journal methods
   * @param delayMs the pause in typing before the text is journaled
   */
  constructor(
    private readonly store: DocumentStore,
    private readonly api: Pick<FolioClient, 'journalArticle' | 'discardJournal'>,
    private readonly delayMs: number,
  ) {}

  /**
   * Journals the text after the next pause (restarting the wait), or at once when a write has
   * waited {@link journalMaxWaitMs} already.
   */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const now = Date.now();
    this.waitingSince ??= now;
    const delay = Math.min(this.delayMs, Math.max(0, this.waitingSince + journalMaxWaitMs - now));
    this.timer = setTimeout(() => this.write(), delay);
  }

  /** Drops a pending write. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waitingSince = null;
  }

  /** Drops the journaled text of `path` (it was saved, discarded or closed); never throws. */
  discard(path: string): void {
    void this.api.discardJournal({ path }).catch(() => undefined);
  }

  private write(): void {
    this.timer = null;
    this.waitingSince = null;
    const now = this.store.getSnapshot();
    if (!now || !isDirty(now) || now.text === this.lastJournaled) return;
    this.lastJournaled = now.text;
    void this.api.journalArticle({ path: now.doc.path, text: now.text, baseHash: now.baseHash }).catch(() => {
      this.lastJournaled = null;
    });
  }
}
