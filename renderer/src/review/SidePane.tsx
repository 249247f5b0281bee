import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { ArticleDocument } from '../../../shared/contract';
import { errorMessage, isFolioError } from '../../../shared/errors';
import { api, assetBase } from '../api';
import { DocumentStore } from '../app/document-store';
import { Editor } from '../editor/Editor';
import { Preview } from '../preview/Preview';
import { usePreviewSession } from '../preview/usePreviewSession';
import { criticHighlighting } from './critic-editor';
import type { LayoutMode } from './layout-settings';
import { Splitter } from './Splitter';

function ignoreArticleLinks(): void {}

/** Props of {@link SidePane}. */
export interface SidePaneProps {
  /** Library path of the article open to the side. */
  readonly path: string;
  readonly mode: LayoutMode;
  readonly onModeChange: (mode: LayoutMode) => void;
  /** Compares this article (after) with the main one (before). */
  readonly onCompare: (text: string) => void;
  readonly onClose: () => void;
}

const modeNames: Record<LayoutMode, string> = { editor: 'Editor', split: 'Both', preview: 'Preview' };

/**
 * A second article open to the side, with its own editor and/or preview and its own save
 * (Ctrl+S inside it). Saving is checked against the version it was read from, like the main one.
 */
export function SidePane({ path, mode, onModeChange, onCompare, onClose }: SidePaneProps): ReactElement {
  const store = useMemo(() => new DocumentStore(), []);
  const open = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [loaded, setLoaded] = useState<ArticleDocument | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [ratio, setRatio] = useState(0.5);
  // The side article gets its own preview session; its links do not navigate the main pane.
  const sidePreview = usePreviewSession(ignoreArticleLinks);
  const extensions = useMemo(() => [criticHighlighting()], []);

  useEffect(() => {
    let live = true;
    api.readArticle({ path }).then(
      (doc) => {
        if (!live) return;
        store.open(doc);
        setLoaded(doc);
        setMessage(null);
      },
      (error: unknown) => live && setMessage(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [path, store]);

  const save = useCallback(async () => {
    const current = store.getSnapshot();
    if (!current || current.doc.readOnly) return;
    try {
      const result = await api.saveArticle({
        path: current.doc.path,
        text: current.text,
        baseHash: current.baseHash,
      });
      store.saved(current.text, result.hash);
      setMessage(result.written ? 'Saved' : 'No changes to save');
    } catch (error) {
      setMessage(
        isFolioError(error, 'CONFLICT')
          ? 'Not saved: this article changed on disk. Open it in the main pane to merge.'
          : `Not saved: ${errorMessage(error)}`,
      );
    }
  }, [store]);

  const dirty = open !== null && open.text !== open.savedText;
  return (
    <section className="review-side" aria-label="Side article">
      <header className="review-side-header">
        <h2 title={path}>
          {path}
          {dirty && <span aria-label="unsaved changes"> •</span>}
        </h2>
        <div className="review-segmented" role="group" aria-label="Side layout">
          {(['editor', 'split', 'preview'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => onModeChange(option)}
            >
              {modeNames[option]}
            </button>
          ))}
        </div>
        <button type="button" disabled={!open} onClick={() => open && onCompare(open.text)}>
          Compare with main
        </button>
        <button type="button" className="review-close" aria-label="Close side article" onClick={onClose}>
          ✕
        </button>
      </header>
      {message && (
        <p
          className={`review-side-message${message.startsWith('Not saved') ? ' is-error' : ''}`}
          role="status"
        >
          {message}
        </p>
      )}
      <div className="review-panes" data-mode={mode}>
        <div
          className="review-slot"
          hidden={mode === 'preview'}
          style={{ flexGrow: mode === 'split' ? ratio : 1 }}
        >
          <Editor
            article={loaded}
            onChange={(change) => store.edit(change.text())}
            onSave={() => void save()}
            extensions={extensions}
            onView={sidePreview.onView}
            beforeUpdate={sidePreview.beforeUpdate}
            updateRefused={sidePreview.updateRefused}
          />
        </div>
        {mode === 'split' && (
          <Splitter
            label="Resize side editor and preview"
            ratio={ratio}
            min={0.2}
            max={0.8}
            onChange={setRatio}
          />
        )}
        <div
          className="review-slot"
          hidden={mode === 'editor'}
          style={{ flexGrow: mode === 'split' ? 1 - ratio : 1 }}
        >
          <Preview binding={sidePreview} article={loaded} baseUrl={open ? assetBase(open.doc.path) : null} />
        </div>
      </div>
    </section>
  );
}
