import { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Extension } from '@codemirror/state';
import { PreviewSession } from './preview-session';

/** What App hands to the editor and the preview. */
export interface PreviewBinding {
  readonly session: PreviewSession;
  /** Editor extensions that forward each change to the preview (stable). */
  readonly extensions: readonly Extension[];
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
  const open = useRef(openArticle);
  useEffect(() => {
    open.current = openArticle;
  });
  const session = useMemo(
    () =>
      new PreviewSession({
        onStatus: setStatus,
        onOpenArticle: (path) => open.current(path),
        onRemoteImages: setRemoteImagesBlocked,
      }),
    [],
  );
  useEffect(() => () => session.dispose(), [session]);
  const extensions = useMemo(
    () => [
      EditorView.updateListener.of((update) => {
        if (update.docChanged) session.edit(update.changes);
      }),
    ],
    [session],
  );
  const onView = useMemo(() => (view: EditorView | null) => session.attachEditor(view), [session]);
  return { session, extensions, onView, status, remoteImagesBlocked };
}
