import type { FolioClient } from '../../../shared/contract';
import { isDirty, type DocumentStore } from './document-store';

/**
 * Keeps the open article's unsaved text in the service's recovery journal, debounced: a pause
 * in typing of `delayMs` writes it (once per distinct text), so that a crash loses nothing.
 * A failed write is tried again with the next pause.
 */
export class UnsavedTextJournal {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastJournaled: string | null = null;

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

  /** Journals the text after the next pause (restarting the wait). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), this.delayMs);
  }

  /** Drops a pending write. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Drops the journaled text of `path` (it was saved, discarded or closed); never throws. */
  discard(path: string): void {
    void this.api.discardJournal({ path }).catch(() => undefined);
  }

  private write(): void {
    this.timer = null;
    const now = this.store.getSnapshot();
    if (!now || !isDirty(now) || now.text === this.lastJournaled) return;
    this.lastJournaled = now.text;
    void this.api.journalArticle({ path: now.doc.path, text: now.text, baseHash: now.baseHash }).catch(() => {
      this.lastJournaled = null;
    });
  }
}
