import type { Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useState } from 'react';
import { PreviewSession } from './preview-session';

/** What App hands to the editor and the preview. */
export interface PreviewBinding {
  readonly session: PreviewSession;
  /**
   * Pass to the editor's `beforeUpdate`: forwards each change to the preview's worker before
   * the editor parses it, so the two work at once (stable).
   */
  readonly beforeUpdate: (transactions: readonly Transaction[]) => void;
  /** Pass to the editor's `updateRefused`: the preview renders the editor's text again (stable). */
  readonly updateRefused: () => void;
  /** Pass to the editor's `onView`. */
  readonly onView: (view: EditorView | null) => void;
  /** The preview's current message for the author, if any. */
  readonly status: string | null;
  /** Whether the article has remote images that are not loaded. */
  readonly remoteImagesBlocked: boolean;
}

/**
 * Creates the preview session for the window's editor. `openArticle` is called for links to
 * other articles; the latest function is always used.
 */
export function usePreviewSession(openArticle: (path: string) => void): PreviewBinding {
  const [status, setStatus] = useState<string | null>(null);
  const [remoteImagesBlocked, setRemoteImagesBlocked] = useState(false);
  // One session per window; created lazily in state so that it survives re-renders.
  const [session] = useState(
    () =>
      new PreviewSession({
        onStatus: setStatus,
        onOpenArticle: () => undefined,
        onRemoteImages: setRemoteImagesBlocked,
      }),
  );
  useEffect(() => session.setArticleOpener(openArticle), [session, openArticle]);
  useEffect(() => {
    session.prepare();
    return () => session.dispose();
  }, [session]);
  const beforeUpdate = useMemo(
    () => (transactions: readonly Transaction[]) => {
      for (const transaction of transactions) {
        if (transaction.docChanged) session.edit(transaction.changes, transaction.newDoc);
      }
    },
    [session],
  );
  const updateRefused = useMemo(() => () => session.resync(), [session]);
  const onView = useMemo(() => (view: EditorView | null) => session.attachEditor(view), [session]);
  // One object while nothing in it changes, so the memoized preview skips typing's renders.
  return useMemo(
    () => ({ session, beforeUpdate, updateRefused, onView, status, remoteImagesBlocked }),
    [session, beforeUpdate, updateRefused, onView, status, remoteImagesBlocked],
  );
}
