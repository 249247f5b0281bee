/** The window event that asks the Sync bar to start a sync. */
const syncEvent = 'folio:sync-library';
/** The window event that asks the library pane to show "Clone library…". */
const cloneEvent = 'folio:clone-library';

/**
 * Asks the Sync bar in the library pane to sync (the command palette and its shortcut call
 * this), so that the sync's state and dialogs stay in one place.
 */
export function requestSync(): void {
  window.dispatchEvent(new Event(syncEvent));
}

/** Calls `listener` on each {@link requestSync}; returns the function that stops it. */
export function onSyncRequest(listener: () => void): () => void {
  window.addEventListener(syncEvent, listener);
  return () => window.removeEventListener(syncEvent, listener);
}

/** Asks the library pane to show its "Clone library…" dialog. */
export function requestCloneLibrary(): void {
  window.dispatchEvent(new Event(cloneEvent));
}

/** Calls `listener` on each {@link requestCloneLibrary}; returns the function that stops it. */
export function onCloneLibraryRequest(listener: () => void): () => void {
  window.addEventListener(cloneEvent, listener);
  return () => window.removeEventListener(cloneEvent, listener);
}

/** The window event that says a sync (or a commit) ended, so views of git history read again. */
const syncedEvent = 'folio:library-synced';

/** Tells the views of git history that a sync or a commit ended. */
export function announceSynced(): void {
  window.dispatchEvent(new Event(syncedEvent));
}

/** Calls `listener` after each sync or commit; returns the function that stops it. */
export function onSynced(listener: () => void): () => void {
  window.addEventListener(syncedEvent, listener);
  return () => window.removeEventListener(syncedEvent, listener);
}
