import { useCallback, useEffect } from 'react';
import type { DocumentStore, OpenArticle } from './document-store';

/** True when the open article holds edits that are not on disk. */
export function hasUnsavedWork(open: OpenArticle | null): boolean {
  return open !== null && !open.doc.readOnly && open.text !== open.savedText;
}

/**
 * Guards unsaved work: while the open article has edits that are not on disk, closing or
 * reloading the window asks first (`beforeunload`; the desktop shell shows its own dialog),
 * and the returned `confirmLeave()` asks before another article replaces it. `confirmLeave`
 * returns true when it is fine to go on.
 */
export function useUnsavedWorkGuard(store: DocumentStore): () => boolean {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!hasUnsavedWork(store.getSnapshot())) return;
      event.preventDefault();
      // Older engines need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);

  return useCallback(() => {
    const open = store.getSnapshot();
    if (!hasUnsavedWork(open)) return true;
    return window.confirm(
      `“${open!.doc.path}” has changes that are not saved.\n\nOpen the other article and lose them?`,
    );
  }, [store]);
}
