import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleDocument } from '../../../shared/contract';
import { isFolioError } from '../../../shared/errors';
import type { RecoveryEntry } from '../../../shared/library-contract';
import { announce } from '../accessibility';
import { api } from '../api';
import { isDirty, type DiskConflict, type DocumentStore } from '../app/document-store';
import { readAutosave, writeAutosave } from './autosave-setting';

/** How long typing must pause before an autosave (ms). */
export const autosaveDelayMs = 1500;
/** How long typing must pause before the unsaved text is journaled (ms). */
export const journalDelayMs = 1000;

/** The open article's life cycle: open, save, autosave, journal, conflicts, recovery. */
export interface ArticleSession {
  /** The document the editor shows; a new object replaces the editor's text. */
  readonly loaded: ArticleDocument | null;
  /** The last message for the status bar. */
  readonly message: string | null;
  readonly autosave: boolean;
  setAutosave(on: boolean): void;
  openArticle(path: string): Promise<void>;
  /** Saves now (Ctrl/Cmd+S). Resolves to true when the text is on disk. */
  save(): Promise<boolean>;
  /** Conflict: write my text over the version on disk (the author chose to). */
  keepMine(): Promise<void>;
  /** Conflict: drop my text and load the version on disk (or close, if it was deleted). */
  takeTheirs(): Promise<void>;
  /** Conflict: save my text as a new file beside it, then load the version on disk. */
  saveMineAsCopy(): Promise<void>;
  /**
   * Conflict: put `text` (e.g. a three-way merge result) in the editor and save it over the
   * version on disk. The seam for the merge view.
   */
  resolveWithText(text: string): Promise<void>;
  /** Closes the open article if it is `path` (it is being deleted or was deleted). */
  closeIfOpen(path: string): void;
  /** Unsaved texts found in the journal at start, until restored or discarded. */
  readonly recoveries: readonly RecoveryEntry[];
  restoreRecovery(entry: RecoveryEntry): Promise<void>;
  discardRecovery(entry: RecoveryEntry): Promise<void>;
  /** A file over the editor's size limit that the author tried to open, until answered. */
  readonly largeFile: LargeFileRequest | null;
  /** Opens {@link largeFile} read-only ("Open anyway"), or drops the request (`false`). */
  answerLargeFile(open: boolean): Promise<void>;
}

/** An article too large for the editor that may still be opened read-only. */
export interface LargeFileRequest {
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** The service's explanation. */
  readonly message: string;
}

function largeFileOf(path: string, error: unknown): LargeFileRequest | null {
  if (!isFolioError(error, 'TOO_LARGE')) return null;
  const details = (error.details ?? {}) as { size?: unknown; canOpenAnyway?: unknown };
  if (details.canOpenAnyway !== true || typeof details.size !== 'number') return null;
  return { path, size: details.size, message: error.message };
}

function describeError(error: unknown): string {
  return isFolioError(error) || error instanceof Error ? error.message : 'Something went wrong.';
}

function conflictOf(error: unknown): DiskConflict | null {
  if (!isFolioError(error, 'CONFLICT')) return null;
  const details = (error.details ?? {}) as { diskText?: unknown; diskHash?: unknown };
  return {
    diskText: typeof details.diskText === 'string' ? details.diskText : null,
    diskHash: typeof details.diskHash === 'string' ? details.diskHash : null,
  };
}

/**
 * Runs the save cycle of the open article over the {@link DocumentStore}: Ctrl/Cmd+S and a
 * debounced autosave (on by default, remembered per browser), a debounced recovery journal of
 * unsaved text, and the reaction to changes on disk: a clean buffer reloads, a dirty one (or a
 * deleted file) raises a conflict for the banner. A save never overwrites a newer file: it sends
 * the hash it was based on, and a `CONFLICT` answer becomes the banner too.
 */
export function useArticleSession(store: DocumentStore, onLibraryChanged: () => void): ArticleSession {
  const [loaded, setLoaded] = useState<ArticleDocument | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [autosave, setAutosaveState] = useState(readAutosave);
  const [recoveries, setRecoveries] = useState<RecoveryEntry[]>([]);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const eventDuringSave = useRef<{ path: string; hash: string | null } | null>(null);
  const refresh = useRef(onLibraryChanged);
  useEffect(() => {
    refresh.current = onLibraryChanged;
  });

  const show = useCallback(
    (doc: ArticleDocument | null) => {
      if (doc) store.open(doc);
      else store.close();
      setLoaded(doc);
    },
    [store],
  );

  const [largeFile, setLargeFile] = useState<LargeFileRequest | null>(null);
  const openArticle = useCallback(
    async (path: string) => {
      try {
        show(await api.readArticle({ path }));
        setMessage(null);
      } catch (error) {
        // Too large for the editor: ask (a dialog offers "Open anyway") instead of a dead end.
        const large = largeFileOf(path, error);
        if (large) setLargeFile(large);
        setMessage(describeError(error));
      }
    },
    [show],
  );

  const answerLargeFile = useCallback(
    async (open: boolean) => {
      const request = largeFile;
      setLargeFile(null);
      if (!request || !open) return;
      setMessage(`Opening “${request.path}”…`);
      try {
        show(await api.readArticle({ path: request.path, openLarge: true }));
        setMessage(`Opened “${request.path}” read-only: it is larger than 20 MB.`);
      } catch (error) {
        setMessage(describeError(error));
      }
    },
    [largeFile, show],
  );

  const saveNow = useCallback(
    async (baseOverride?: string | null): Promise<boolean> => {
      const current = store.getSnapshot();
      if (!current || current.doc.readOnly) return false;
      const { text, doc } = current;
      const baseHash = baseOverride === undefined ? current.baseHash : baseOverride;
      if (current.conflict && baseOverride === undefined) return false;
      store.savingStarted();
      try {
        const result = await api.saveArticle({ path: doc.path, text, baseHash });
        store.saved(text, result.hash);
        setMessage(result.written ? `Saved at ${new Date().toLocaleTimeString()}` : 'No changes to save');
        // Saves run when the author asks or after a pause in typing, never per keystroke.
        announce(result.written ? 'Saved' : 'No changes to save');
        const after = store.getSnapshot();
        if (after && !isDirty(after))
          void api.discardJournal({ path: after.doc.path }).catch(() => undefined);
        refresh.current();
        return true;
      } catch (error) {
        const conflict = conflictOf(error);
        if (conflict) {
          store.conflicted(conflict);
          setMessage('Not saved: the file changed on disk. Choose what to keep.');
          announce('Not saved: the file changed on disk. Choose what to keep.', 'assertive');
        } else {
          const reason = describeError(error);
          store.saveFailed(reason);
          setMessage(`Not saved: ${reason} Your text is kept.`);
          announce(`Not saved: ${reason} Your text is kept.`, 'assertive');
        }
        return false;
      }
    },
    [store],
  );

  /** Saves, one save at a time; a save asked for during another runs right after it. */
  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const run = saveNow();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
      const pending = eventDuringSave.current;
      eventDuringSave.current = null;
      if (pending) void handleDiskChange.current(pending.path, pending.hash);
    }
  }, [saveNow]);

  const handleDiskChange = useRef(async (_path: string, _hash: string | null): Promise<void> => undefined);
  const onDiskChange = useCallback(
    async (path: string, hash: string | null): Promise<void> => {
      const current = store.getSnapshot();
      if (!current || current.doc.path !== path) return;
      if (inFlight.current) {
        eventDuringSave.current = { path, hash };
        return;
      }
      if (hash !== null && hash === current.baseHash) return; // our own save, or a touch
      if (current.conflict && current.conflict.diskHash === hash) return;
      if (hash === null) {
        store.conflicted({ diskText: null, diskHash: null });
        setMessage(`“${path}” was deleted or moved away on disk.`);
        announce(`Conflict: “${path}” was deleted or moved away on disk.`, 'assertive');
        return;
      }
      let disk: ArticleDocument;
      try {
        disk = await api.readArticle({ path });
      } catch {
        return; // gone again; the next event will say so
      }
      const now = store.getSnapshot();
      if (!now || now.doc.path !== path || disk.hash === now.baseHash) return;
      if (!isDirty(now) && !now.conflict) {
        show(disk);
        setMessage('Reloaded: the file changed on disk.');
        announce('Reloaded: the file changed on disk.');
      } else {
        store.conflicted({ diskText: disk.text, diskHash: disk.hash });
        setMessage('The file changed on disk while you were editing it.');
        announce('Conflict: the file changed on disk while you were editing it.', 'assertive');
      }
    },
    [store, show],
  );
  useEffect(() => {
    handleDiskChange.current = onDiskChange;
  }, [onDiskChange]);

  useEffect(() => {
    const offChanged = api.on(
      'articleChanged',
      ({ path, hash }) => void handleDiskChange.current(path, hash),
    );
    const offRenamed = api.on('articleRenamed', ({ from, to }) => {
      const current = store.getSnapshot();
      if (current?.doc.path === from) {
        store.renamed(to);
        setMessage(`Now at ${to}`);
      }
    });
    return () => {
      offChanged();
      offRenamed();
    };
  }, [store]);

  // Autosave and journal: both follow the store, debounced; neither runs during a conflict.
  useEffect(() => {
    let autosaveTimer: ReturnType<typeof setTimeout> | null = null;
    let journalTimer: ReturnType<typeof setTimeout> | null = null;
    let lastJournaled: string | null = null;
    const unsubscribe = store.subscribe(() => {
      const current = store.getSnapshot();
      if (autosaveTimer) clearTimeout(autosaveTimer);
      autosaveTimer = null;
      if (!current || !isDirty(current) || current.doc.readOnly) return;
      if (journalTimer) clearTimeout(journalTimer);
      journalTimer = setTimeout(() => {
        const now = store.getSnapshot();
        if (!now || !isDirty(now) || now.text === lastJournaled) return;
        lastJournaled = now.text;
        void api.journalArticle({ path: now.doc.path, text: now.text, baseHash: now.baseHash }).catch(() => {
          lastJournaled = null;
        });
      }, journalDelayMs);
      if (autosave && !current.conflict && !current.saving && !current.saveError) {
        autosaveTimer = setTimeout(() => void save(), autosaveDelayMs);
      }
    });
    return () => {
      unsubscribe();
      if (autosaveTimer) clearTimeout(autosaveTimer);
      if (journalTimer) clearTimeout(journalTimer);
    };
  }, [store, autosave, save]);

  // Unsaved text from a crash must never go unoffered because one request failed (a busy
  // machine at start): try a few times, then say so; the journal keeps the text meanwhile.
  // Only what was journaled before this session started is offered: an answer that comes late
  // (a retry, a slow machine) also holds the journal of what the author typed since.
  useEffect(() => {
    const startedAt = Date.now();
    let cancelled = false;
    void (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const found = await api.listRecoveries({});
          if (!cancelled) setRecoveries(found.filter((entry) => Date.parse(entry.journaledAt) < startedAt));
          return;
        } catch (error) {
          if (attempt >= 3) {
            if (!cancelled) {
              setMessage(
                `Could not check for unsaved text from the last session (${describeError(error)}); it stays in the journal. Reopen the library to check again.`,
              );
            }
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
          if (cancelled) return;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // Ctrl/Cmd+S saves wherever the focus is (the editor binds its own key for when it has focus).
  useEffect(() => {
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    const onKey = (event: KeyboardEvent) => {
      if (!(mac ? event.metaKey : event.ctrlKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      if ((event.target as Element | null)?.closest?.('.cm-editor')) return;
      event.preventDefault();
      void save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const setAutosave = useCallback((on: boolean) => {
    writeAutosave(on);
    setAutosaveState(on);
  }, []);

  const keepMine = useCallback(async () => {
    const current = store.getSnapshot();
    if (!current?.conflict) return;
    if (await saveNow(current.conflict.diskHash)) setMessage('Saved your version over the one on disk.');
  }, [store, saveNow]);

  const takeTheirs = useCallback(async () => {
    const current = store.getSnapshot();
    if (!current) return;
    void api.discardJournal({ path: current.doc.path }).catch(() => undefined);
    if (current.conflict?.diskHash === null) {
      show(null);
      setMessage(`Closed “${current.doc.path}”: it no longer exists.`);
      return;
    }
    try {
      show(await api.readArticle({ path: current.doc.path }));
      setMessage('Loaded the version on disk.');
    } catch (error) {
      setMessage(describeError(error));
    }
  }, [store, show]);

  const saveMineAsCopy = useCallback(async () => {
    const current = store.getSnapshot();
    if (!current) return;
    try {
      const { path } = await api.saveArticleCopy({ path: current.doc.path, text: current.text });
      await takeTheirs();
      setMessage(`Your version was saved as “${path}”.`);
      refresh.current();
    } catch (error) {
      setMessage(`Could not save a copy: ${describeError(error)}`);
    }
  }, [store, takeTheirs]);

  const resolveWithText = useCallback(
    async (text: string) => {
      const current = store.getSnapshot();
      if (!current?.conflict) return;
      const { conflict } = current;
      store.openWithText(current.doc, text, current.baseHash, current.savedText);
      store.conflicted(conflict);
      setLoaded({ ...current.doc, text });
      if (await saveNow(conflict.diskHash)) setMessage('Saved the merged version.');
    },
    [store, saveNow],
  );

  const closeIfOpen = useCallback(
    (path: string) => {
      if (store.getSnapshot()?.doc.path !== path) return;
      show(null);
      void api.discardJournal({ path }).catch(() => undefined);
    },
    [store, show],
  );

  const restoreRecovery = useCallback(
    async (entry: RecoveryEntry) => {
      setRecoveries((list) => list.filter((item) => item !== entry));
      const base: ArticleDocument = entry.disk ?? {
        path: entry.path,
        text: '',
        hash: '',
        lineEnding: '\n',
        bom: false,
        readOnly: false,
        readOnlyReason: null,
      };
      // The text is based on the version it was journaled against: if the file changed since,
      // the first save answers CONFLICT and the banner lets the author choose.
      const baseHash = entry.baseHash ?? (entry.disk ? entry.disk.hash : null);
      store.openWithText(base, entry.text, baseHash ?? '', entry.disk?.text ?? '');
      if (baseHash === null || !entry.disk) store.conflicted({ diskText: null, diskHash: null });
      else if (entry.changedOnDisk)
        store.conflicted({ diskText: entry.disk.text, diskHash: entry.disk.hash });
      setLoaded({ ...base, text: entry.text });
      setMessage(`Restored unsaved changes to “${entry.path}”.`);
    },
    [store],
  );

  const discardRecovery = useCallback(async (entry: RecoveryEntry) => {
    setRecoveries((list) => list.filter((item) => item !== entry));
    await api.discardJournal({ path: entry.path }).catch(() => undefined);
  }, []);

  return {
    loaded,
    message,
    autosave,
    setAutosave,
    openArticle,
    save,
    keepMine,
    takeTheirs,
    saveMineAsCopy,
    resolveWithText,
    closeIfOpen,
    recoveries,
    restoreRecovery,
    discardRecovery,
    largeFile,
    answerLargeFile,
  };
}
