import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { ArticleDocument, ArticleSummary, LibraryInfo } from '../../../shared/contract';
import { isFolioError } from '../../../shared/errors';
import { api, assetBase } from '../api';
import { Editor } from '../editor/Editor';
import { ExportBar } from '../export';
import { FrontmatterForm } from '../frontmatter/FrontmatterForm';
import { EditorSession } from '../editor/editor-session';
import { LibraryPane } from '../library/LibraryPane';
import { OutlinePanel } from '../outline';
import { CommandPalette } from '../palette';
import { SettingsPanel } from '../settings';
import { Toolbar } from '../toolbar';
import { Preview } from '../preview/Preview';
import { StatusBar } from '../status/StatusBar';
import { DocumentStore } from './document-store';
import { useUnsavedWorkGuard } from './useUnsavedWorkGuard';
import './App.css';

function describeError(error: unknown): string {
  return isFolioError(error) || error instanceof Error ? error.message : 'Something went wrong.';
}

/** The Folio window: library pane, editor, preview and status bar. */
export function App(): ReactElement {
  const store = useMemo(() => new DocumentStore(), []);
  const session = useMemo(() => new EditorSession(), []);
  const confirmLeave = useUnsavedWorkGuard(store);
  const open = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [library, setLibrary] = useState<LibraryInfo | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [loaded, setLoaded] = useState<ArticleDocument | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [editorView, setEditorView] = useState<EditorView | null>(null);

  const refresh = useCallback((): Promise<void> => {
    return api.listArticles({}).then(setArticles, (error: unknown) => setMessage(describeError(error)));
  }, []);

  useEffect(() => {
    void api.getLibrary({}).then(setLibrary, (error: unknown) => setMessage(describeError(error)));
    void api.listArticles({}).then(setArticles, (error: unknown) => setMessage(describeError(error)));
    return api.on('libraryChanged', () => void refresh());
  }, [refresh]);

  const openArticle = useCallback(
    async (path: string) => {
      if (path !== store.getSnapshot()?.doc.path && !confirmLeave()) return;
      try {
        const doc = await api.readArticle({ path });
        store.open(doc);
        setLoaded(doc);
        setMessage(null);
      } catch (error) {
        setMessage(describeError(error));
      }
    },
    [store, confirmLeave],
  );

  const save = useCallback(async () => {
    const current = store.getSnapshot();
    if (!current || current.doc.readOnly) return;
    const { text, baseHash, doc } = current;
    try {
      const result = await api.saveArticle({ path: doc.path, text, baseHash });
      store.saved(text, result.hash);
      setMessage(result.written ? `Saved ${new Date().toLocaleTimeString()}` : 'No changes to save');
      void refresh();
    } catch (error) {
      setMessage(`Not saved: ${describeError(error)}`);
    }
  }, [store, refresh]);

  const dirty = open !== null && open.text !== open.savedText;
  useEffect(() => {
    document.title = open ? `${dirty ? '• ' : ''}${open.doc.path} — Folio` : 'Folio';
  }, [open, dirty]);

  return (
    <div className="folio-app">
      <LibraryPane
        library={library}
        articles={articles}
        selected={open?.doc.path ?? null}
        dirtyPath={dirty ? open.doc.path : null}
        onOpen={(path) => void openArticle(path)}
      />
      <main className="folio-workspace">
        <section className="folio-pane folio-pane-editor" aria-label="Editor">
          {loaded && <Toolbar session={session} />}
          {!loaded && <p className="folio-empty">Choose an article in the library to start writing.</p>}
          {open && (
            <FrontmatterForm
              view={editorView}
              text={open.text}
              articlePath={open.doc.path}
              readOnly={open.doc.readOnly}
              articles={articles}
              onSave={() => void save()}
            />
          )}
          <div className="folio-editor-body">
            <OutlinePanel session={session} path={open?.doc.path ?? null} />
            <Editor
              article={loaded}
              onChange={(text) => store.edit(text)}
              onSave={() => void save()}
              session={session}
              onMessage={setMessage}
              onView={setEditorView}
            />
          </div>
        </section>
        <section className="folio-pane folio-pane-preview" aria-label="Preview pane">
          <ExportBar articlePath={open?.doc.path ?? null} text={open?.text ?? null} onMessage={setMessage} />
          <Preview text={open?.text ?? null} baseUrl={open ? assetBase(open.doc.path) : null} />
        </section>
      </main>
      <StatusBar
        text={open?.text ?? null}
        dirty={dirty}
        message={message}
        readOnlyReason={open?.doc.readOnlyReason ?? null}
        session={session}
      />
      <CommandPalette session={session} />
      <SettingsPanel />
    </div>
  );
}
