import type { ArticleDocument, FolioClient } from '../../../shared/contract';
import type { RecoveryEntry } from '../../../shared/library-contract';
import { isDirty, type DocumentStore } from './document-store';
import { errorMessage } from '../../../shared/errors';
import { conflictOf, largeFileOf, type LargeFileRequest } from './save-errors';
import { findRecoveries, openRecovery } from './recovery-offer';
import { UnsavedTextJournal } from './unsaved-text-journal';

export type { LargeFileRequest } from './save-errors';

/** How long typing must pause before an autosave (ms). */
export const autosaveDelayMs = 1500;
/** How long typing must pause before the unsaved text is journaled (ms). */
export const journalDelayMs = 1000;

/** The service methods and events the save controller uses (the app passes its `api`). */
export type SaveApi = Pick<
  FolioClient,
  | 'readArticle'
  | 'saveArticle'
  | 'saveArticleCopy'
  | 'journalArticle'
  | 'discardJournal'
  | 'listRecoveries'
  | 'on'
>;

/** What the controller shows besides the document (which lives in the {@link DocumentStore}). */
export interface SaveControllerState {
  /** The last message for the status bar. */
  readonly message: string | null;
  readonly autosave: boolean;
  /** Unsaved texts found in the journal at start, until restored or discarded. */
  readonly recoveries: readonly RecoveryEntry[];
  /** A file over the editor's size limit that the author tried to open, until answered. */
  readonly largeFile: LargeFileRequest | null;
}

/** Options of {@link SaveController}. */
export interface SaveControllerOptions {
  /** The open document: the controller's one source of truth for it. */
  readonly store: DocumentStore;
  readonly api: SaveApi;
  /** Whether autosave starts on (default true). */
  readonly autosave?: boolean;
  /**
   * Pause before an autosave, in ms, counted from when the store tells of the change (typing:
   * once it pauses); a function is asked each time (the author's setting). Default
   * {@link autosaveDelayMs}.
   */
  readonly autosaveDelayMs?: number | (() => number);
  /** Pause before journaling unsaved text, in ms (default {@link journalDelayMs}). */
  readonly journalDelayMs?: number;
  /** First wait before asking for recoveries again after a failure, in ms (default 500). */
  readonly recoveryRetryMs?: number;
  /**
   * Says something to a screen reader (the app's one live region): saves, failed saves and
   * conflicts, each once. Default: nothing.
   */
  readonly announce?: (text: string, urgency?: 'polite' | 'assertive') => void;
}

/**
 * The save cycle of the open article, without a UI framework: open, save (one at a time),
 * debounced autosave and recovery journal, conflicts with the version on disk, failed saves
 * and their retry, outside changes and renames, and recovery of unsaved text at start. A save
 * never overwrites a newer file: it sends the hash it was based on, and a `CONFLICT` answer
 * leaves the author to choose (keep mine, take theirs, save a copy, or a merged text). The
 * document itself lives in the {@link DocumentStore}; the controller's own state (status
 * message, autosave, recoveries, a large file to confirm) is read with {@link getSnapshot}.
 */
export class SaveController {
  private state: SaveControllerState;
  private readonly listeners = new Set<() => void>();
  private readonly libraryListeners = new Set<() => void>();
  private readonly store: DocumentStore;
  private readonly api: SaveApi;
  private inFlight: Promise<boolean> | null = null;
  private eventDuringSave: { path: string; hash: string | null } | null = null;
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly journal: UnsavedTextJournal;

  constructor(private readonly options: SaveControllerOptions) {
    this.store = options.store;
    this.api = options.api;
    this.journal = new UnsavedTextJournal(
      options.store,
      options.api,
      options.journalDelayMs ?? journalDelayMs,
    );
    this.state = { message: null, autosave: options.autosave ?? true, recoveries: [], largeFile: null };
  }

  private announce(text: string, urgency: 'polite' | 'assertive' = 'polite'): void {
    this.options.announce?.(text, urgency);
  }

  /** Current state (a new object after every change). */
  readonly getSnapshot = (): SaveControllerState => this.state;

  /** Subscribes to state changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Tells `listener` when a save or a copy changed the library; returns the unsubscribe function. */
  readonly onLibraryChanged = (listener: () => void): (() => void) => {
    this.libraryListeners.add(listener);
    return () => this.libraryListeners.delete(listener);
  };

  /**
   * Starts following the service's events and the document (autosave, journal), and looks for
   * unsaved text from an earlier session. Returns the function that stops all of it.
   */
  start(): () => void {
    const offChanged = this.api.on('articleChanged', ({ path, hash }) => void this.onDiskChange(path, hash));
    const offRenamed = this.api.on('articleRenamed', ({ from, to }) => {
      if (this.store.getSnapshot()?.doc.path === from) {
        this.store.renamed(to);
        this.update({ message: `Now at ${to}` });
      }
    });
    const offStore = this.store.subscribe(this.onDocumentChange);
    const offTyping = this.store.onTyping(this.onTyping);
    const stopRecoveries = findRecoveries(this.api, this.options.recoveryRetryMs ?? 500, {
      found: (recoveries) => this.update({ recoveries }),
      failed: (message) => this.update({ message }),
    });
    return () => {
      offChanged();
      offRenamed();
      offStore();
      offTyping();
      stopRecoveries();
      this.clearAutosave();
      this.journal.stop();
    };
  }

  /** Turns autosave on or off; a pending autosave is dropped either way. */
  readonly setAutosave = (on: boolean): void => {
    this.clearAutosave();
    this.update({ autosave: on });
  };

  /** Opens an article; one too large for the editor becomes a {@link LargeFileRequest}. */
  readonly openArticle = async (path: string): Promise<void> => {
    try {
      this.show(await this.api.readArticle({ path }));
      this.update({ message: null });
    } catch (error) {
      // Too large for the editor: ask (a dialog offers "Open anyway") instead of a dead end.
      const large = largeFileOf(path, error);
      this.update({ largeFile: large ?? this.state.largeFile, message: errorMessage(error) });
    }
  };

  /** Opens the requested large file read-only ("Open anyway"), or drops the request (`false`). */
  readonly answerLargeFile = async (open: boolean): Promise<void> => {
    const request = this.state.largeFile;
    this.update({ largeFile: null });
    if (!request || !open) return;
    this.update({ message: `Opening “${request.path}”…` });
    try {
      this.show(await this.api.readArticle({ path: request.path, openLarge: true }));
      this.update({ message: `Opened “${request.path}” read-only: it is larger than 20 MB.` });
    } catch (error) {
      this.update({ message: errorMessage(error) });
    }
  };

  /** Saves now, one save at a time (a save asked for during another runs right after it). */
  readonly save = async (): Promise<boolean> => {
    while (this.inFlight) await this.inFlight;
    const run = this.saveNow();
    this.inFlight = run;
    try {
      return await run;
    } finally {
      this.inFlight = null;
      const pending = this.eventDuringSave;
      this.eventDuringSave = null;
      if (pending) void this.onDiskChange(pending.path, pending.hash);
    }
  };

  /** Conflict: writes my text over the version on disk (the author chose to). */
  readonly keepMine = async (): Promise<void> => {
    const current = this.store.getSnapshot();
    if (!current?.conflict) return;
    if (await this.saveNow(current.conflict.diskHash)) {
      this.update({ message: 'Saved your version over the one on disk.' });
    }
  };

  /** Conflict: drops my text and loads the version on disk (or closes, if it was deleted). */
  readonly takeTheirs = async (): Promise<void> => {
    const current = this.store.getSnapshot();
    if (!current) return;
    this.journal.discard(current.doc.path);
    if (current.conflict?.diskHash === null) {
      this.show(null);
      this.update({ message: `Closed “${current.doc.path}”: it no longer exists.` });
      return;
    }
    try {
      this.show(await this.api.readArticle({ path: current.doc.path }));
      this.update({ message: 'Loaded the version on disk.' });
    } catch (error) {
      this.update({ message: errorMessage(error) });
    }
  };

  /** Conflict: saves my text as a new file beside it, then loads the version on disk. */
  readonly saveMineAsCopy = async (): Promise<void> => {
    const current = this.store.getSnapshot();
    if (!current) return;
    try {
      const { path } = await this.api.saveArticleCopy({ path: current.doc.path, text: current.text });
      await this.takeTheirs();
      this.update({ message: `Your version was saved as “${path}”.` });
      this.libraryChanged();
    } catch (error) {
      this.update({ message: `Could not save a copy: ${errorMessage(error)}` });
    }
  };

  /** Conflict: puts `text` (a three-way merge result) in the editor and saves it over the disk's. */
  readonly resolveWithText = async (text: string): Promise<void> => {
    const current = this.store.getSnapshot();
    if (!current?.conflict) return;
    const { conflict } = current;
    this.store.openWithText(current.doc, text, current.baseHash, current.savedText);
    this.store.conflicted(conflict);
    if (await this.saveNow(conflict.diskHash)) this.update({ message: 'Saved the merged version.' });
  };

  /** Closes the open article if it is `path` (it is being deleted or was deleted). */
  readonly closeIfOpen = (path: string): void => {
    if (this.store.getSnapshot()?.doc.path !== path) return;
    this.show(null);
    this.journal.discard(path);
  };

  /**
   * Puts a journaled text back in the editor, based on the version it was journaled against:
   * if the file changed or went away since, the author chooses in the conflict banner.
   */
  readonly restoreRecovery = async (entry: RecoveryEntry): Promise<void> => {
    this.update({ recoveries: this.state.recoveries.filter((item) => item !== entry) });
    openRecovery(this.store, entry);
    this.update({ message: `Restored unsaved changes to “${entry.path}”.` });
  };

  /** Drops a journaled text. */
  readonly discardRecovery = async (entry: RecoveryEntry): Promise<void> => {
    this.update({ recoveries: this.state.recoveries.filter((item) => item !== entry) });
    await this.api.discardJournal({ path: entry.path }).catch(() => undefined);
  };

  /** One save of the open text, based on its hash or, to resolve a conflict, on `baseOverride`. */
  private async saveNow(baseOverride?: string | null): Promise<boolean> {
    const current = this.store.getSnapshot();
    if (!current || current.doc.readOnly) return false;
    const { text, doc } = current;
    const baseHash = baseOverride === undefined ? current.baseHash : baseOverride;
    if (current.conflict && baseOverride === undefined) return false;
    this.store.savingStarted();
    try {
      const result = await this.api.saveArticle({ path: doc.path, text, baseHash });
      this.store.saved(text, result.hash);
      this.update({
        message: result.written ? `Saved at ${new Date().toLocaleTimeString()}` : 'No changes to save',
      });
      // Saves run when the author asks or after a pause in typing, never per keystroke.
      this.announce(result.written ? 'Saved' : 'No changes to save');
      const after = this.store.getSnapshot();
      if (after && !isDirty(after)) this.journal.discard(after.doc.path);
      this.libraryChanged();
      return true;
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) {
        this.store.conflicted(conflict);
        this.update({ message: 'Not saved: the file changed on disk. Choose what to keep.' });
        this.announce('Not saved: the file changed on disk. Choose what to keep.', 'assertive');
      } else {
        const reason = errorMessage(error);
        this.store.saveFailed(reason);
        this.update({ message: `Not saved: ${reason} Your text is kept.` });
        this.announce(`Not saved: ${reason} Your text is kept.`, 'assertive');
      }
      return false;
    }
  }

  /** A clean buffer reloads; a dirty one (or a deleted file) raises a conflict. */
  private async onDiskChange(path: string, hash: string | null): Promise<void> {
    const current = this.store.getSnapshot();
    if (!current || current.doc.path !== path) return;
    if (this.inFlight) {
      this.eventDuringSave = { path, hash };
      return;
    }
    if (hash !== null && hash === current.baseHash) return; // our own save, or a touch
    if (current.conflict && current.conflict.diskHash === hash) return;
    if (hash === null) {
      this.store.conflicted({ diskText: null, diskHash: null });
      this.update({ message: `“${path}” was deleted or moved away on disk.` });
      this.announce(`Conflict: “${path}” was deleted or moved away on disk.`, 'assertive');
      return;
    }
    let disk: ArticleDocument;
    try {
      disk = await this.api.readArticle({ path });
    } catch {
      return; // gone again; the next event will say so
    }
    const now = this.store.getSnapshot();
    if (!now || now.doc.path !== path || disk.hash === now.baseHash) return;
    if (!isDirty(now) && !now.conflict) {
      this.show(disk);
      this.update({ message: 'Reloaded: the file changed on disk.' });
      this.announce('Reloaded: the file changed on disk.');
    } else {
      this.store.conflicted({ diskText: disk.text, diskHash: disk.hash });
      this.update({ message: 'The file changed on disk while you were editing it.' });
      this.announce('Conflict: the file changed on disk while you were editing it.', 'assertive');
    }
  }

  /**
   * The author typed: a pending autosave is dropped (the pause that ends the typing schedules
   * it again) and the journal waits for that pause too, so that neither writes the whole text
   * while the author types (the journal, for at most `journalMaxWaitMs`).
   */
  private readonly onTyping = (): void => {
    this.clearAutosave();
    this.journal.schedule();
  };

  /** Autosave and journal follow the document, debounced; neither runs during a conflict. */
  private readonly onDocumentChange = (): void => {
    const current = this.store.getSnapshot();
    this.clearAutosave();
    if (!current || !isDirty(current) || current.doc.readOnly) return;
    this.journal.schedule();
    if (this.state.autosave && !current.conflict && !current.saving && !current.saveError) {
      const delay = this.options.autosaveDelayMs ?? autosaveDelayMs;
      this.autosaveTimer = setTimeout(() => void this.save(), typeof delay === 'function' ? delay() : delay);
    }
  };

  private libraryChanged(): void {
    for (const listener of this.libraryListeners) listener();
  }

  private show(doc: ArticleDocument | null): void {
    if (doc) this.store.open(doc);
    else this.store.close();
  }

  private clearAutosave(): void {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
  }

  private update(change: Partial<SaveControllerState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
