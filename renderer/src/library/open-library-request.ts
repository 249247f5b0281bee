/** The window event that asks the library pane to show "Open library…". */
const openLibraryEvent = 'folio:open-library';

/**
 * Asks the library pane to show its "Open library…" dialog: the command palette and its
 * Ctrl/Cmd+O shortcut call this, so that the dialog's state stays in the pane.
 */
export function requestOpenLibrary(): void {
  window.dispatchEvent(new Event(openLibraryEvent));
}

/** Calls `listener` on each {@link requestOpenLibrary}; returns the function that stops it. */
export function onOpenLibraryRequest(listener: () => void): () => void {
  window.addEventListener(openLibraryEvent, listener);
  return () => window.removeEventListener(openLibraryEvent, listener);
}
