import { useCallback, useEffect, useRef } from 'react';
import { isDirty, type DocumentStore, type OpenArticle } from './document-store';

/** True when the open article holds edits that are not on disk. */
export function hasUnsavedWork(open: OpenArticle | null): boolean {
  return open !== null && !open.doc.readOnly && isDirty(open);
}

/**
 * Guards unsaved work. While the open article has edits that are not on disk, closing or
 * reloading the window asks first (`beforeunload`; the desktop shell shows its own dialog).
 * The returned `confirmLeave()` runs before another article replaces the open one: it saves
 * the edits with `save`, and only when they cannot be saved (a conflict, a failing disk) asks
 * the author whether to leave them. It resolves to true when it is fine to go on.
 */
export function useUnsavedWorkGuard(
  store: DocumentStore,
  save: () => Promise<boolean>,
): () => Promise<boolean> {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

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

  return useCallback(async () => {
    const open = store.getSnapshot();
    if (!hasUnsavedWork(open)) return true;
    if (!open!.conflict && (await saveRef.current().catch(() => false))) return true;
    const now = store.getSnapshot();
    if (!hasUnsavedWork(now)) return true;
    return window.confirm(
      `“${now!.doc.path}” has changes that could not be saved.\n\nOpen the other article and lose them?`,
    );
  }, [store]);
}
