import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ArticleDocument } from '../../../shared/contract';
import type { RecoveryEntry } from '../../../shared/library-contract';
import { announce } from '../accessibility';
import { api } from '../api';
import { typingSettleMs, type DocumentStore } from '../app/document-store';
import { SaveController, type LargeFileRequest } from '../app/save-controller';
import { settingsStore } from '../settings/settings-store';
import { readAutosave, writeAutosave } from './autosave-setting';
import { isApplePlatform } from '../ui/platform';

export type { LargeFileRequest } from '../app/save-controller';

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

/**
 * The React side of the open article's save cycle: a thin adapter over a {@link SaveController}
 * (which holds the logic) and the {@link DocumentStore} (which holds the document). It adds what
 * only the page has: Ctrl/Cmd+S wherever the focus is, and the autosave choice remembered per
 * browser.
 */
export function useArticleSession(store: DocumentStore, onLibraryChanged: () => void): ArticleSession {
  const controller = useMemo(
    () =>
      new SaveController({
        store,
        api,
        autosave: readAutosave(),
        // The setting counts from the last keystroke; the store tells of typing once it pauses.
        autosaveDelayMs: () => Math.max(0, settingsStore.getSnapshot().autosaveDelayMs - typingSettleMs),
        announce,
      }),
    [store],
  );
  useEffect(() => controller.start(), [controller]);
  useEffect(() => controller.onLibraryChanged(onLibraryChanged), [controller, onLibraryChanged]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const loaded = useSyncExternalStore(store.subscribe, () => store.getSnapshot()?.loaded ?? null);

  // Ctrl/Cmd+S saves wherever the focus is (the editor binds its own key for when it has focus).
  const { save } = controller;
  useEffect(() => {
    const mac = isApplePlatform();
    const onKey = (event: KeyboardEvent) => {
      if (!(mac ? event.metaKey : event.ctrlKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      if ((event.target as Element | null)?.closest?.('.cm-editor')) return;
      event.preventDefault();
      void save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const setAutosave = useCallback(
    (on: boolean) => {
      writeAutosave(on);
      controller.setAutosave(on);
    },
    [controller],
  );

  return {
    loaded,
    message: state.message,
    autosave: state.autosave,
    setAutosave,
    openArticle: controller.openArticle,
    save,
    keepMine: controller.keepMine,
    takeTheirs: controller.takeTheirs,
    saveMineAsCopy: controller.saveMineAsCopy,
    resolveWithText: controller.resolveWithText,
    closeIfOpen: controller.closeIfOpen,
    recoveries: state.recoveries,
    restoreRecovery: controller.restoreRecovery,
    discardRecovery: controller.discardRecovery,
    largeFile: state.largeFile,
    answerLargeFile: controller.answerLargeFile,
  };
}
