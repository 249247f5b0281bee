import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import type { ArticleDocument } from '../../../shared/contract';
import { applyFrameTheme, useFrameTheme } from '../settings';
import type { PreviewBinding } from './usePreviewSession';
import './Preview.css';

/** Props of {@link Preview}. */
export interface PreviewProps {
  /** The session from `usePreviewSession`. */
  readonly binding: PreviewBinding;
  /** The article as last read from disk; a new object re-renders the preview from scratch. */
  readonly article: ArticleDocument | null;
  /** Base URL for the article's relative links and images (see `assetBase`). */
  readonly baseUrl: string | null;
}

function setBase(frame: HTMLIFrameElement | null, baseUrl: string | null): void {
  const doc = frame?.contentDocument;
  // A frame still parsing its document may have no head yet: its load event sets the base.
  if (!doc?.head || baseUrl === null) return;
  let base = doc.querySelector('base');
  if (!base) {
    base = doc.createElement('base');
    doc.head.prepend(base);
  }
  base.href = baseUrl;
}

/**
 * The live preview: Markdown is rendered in a Web Worker and shown in a sandboxed frame that
 * runs no scripts (`sandbox="allow-same-origin"`, a CSP without scripts); each edit patches
 * only the blocks it changed. A toolbar turns scroll sync off and loads remote images.
 */
export function Preview({ binding, article, baseUrl }: PreviewProps): ReactElement {
  const { session, status, remoteImagesBlocked } = binding;
  const frame = useRef<HTMLIFrameElement>(null);
  const [frameKey, setFrameKey] = useState(0);
  const [sync, setSync] = useState(session.sync.enabled);
  const latestBase = useRef(baseUrl);
  useFrameTheme(frame);
  useEffect(() => {
    latestBase.current = baseUrl;
    setBase(frame.current, baseUrl);
  }, [baseUrl]);

  // A layout effect, and the text as read: the worker starts rendering before the editor's
  // (passive) effect spends its time loading the same text into CodeMirror.
  useLayoutEffect(() => {
    if (article) session.open(article.path, article.text);
  }, [article, session]);

  useEffect(() => () => session.attachFrame(null), [session]);

  return (
    <div className="folio-preview">
      <div className="folio-preview-toolbar" role="toolbar" aria-label="Preview options">
        <label>
          <input
            type="checkbox"
            checked={sync}
            onChange={(event) => {
              session.sync.setEnabled(event.target.checked);
              setSync(event.target.checked);
            }}
          />
          Sync scrolling
        </label>
        {remoteImagesBlocked && (
          <button
            type="button"
            onClick={() => {
              session.allowRemoteImages();
              setFrameKey((key) => key + 1);
            }}
          >
            Load remote images
          </button>
        )}
      </div>
      {status && (
        <p className="folio-preview-message" role="status">
          {status}
        </p>
      )}
      <iframe
        key={frameKey}
        ref={frame}
        title="Preview"
        src="./preview.html"
        sandbox="allow-same-origin"
        onLoad={(event) => {
          setBase(event.currentTarget, latestBase.current);
          applyFrameTheme(event.currentTarget);
          session.attachFrame(event.currentTarget);
        }}
      />
    </div>
  );
}
