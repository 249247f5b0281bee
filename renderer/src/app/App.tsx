import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../shared/contract';
import { isFolioError } from '../../../shared/errors';
import { api, assetBase } from '../api';
import type { EditorView } from '@codemirror/view';
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
import { ReviewWorkspace, useReview } from '../review';
import { usePreviewSession } from '../preview/usePreviewSession';
import { StatusBar } from '../status/StatusBar';
import { DocumentStore } from './document-store';
import { useUnsavedWorkGuard } from './useUnsavedWorkGuard';
import { ConflictBanner } from '../save/ConflictBanner';
import { RecoveryDialog } from '../save/RecoveryDialog';
import { useArticleSession } from '../save/useArticleSession';
import { StatusBar } from '../status/StatusBar';
import { DocumentStore, isDirty } from './document-store';
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
  const [message, setMessage] = useState<string | null>(null);
  const [editorView, setEditorView] = useState<EditorView | null>(null);

  const refresh = useCallback((): Promise<void> => {
    return api.listArticles({}).then(setArticles, (error: unknown) => setMessage(describeError(error)));
  }, []);
  const review = useReview({ store, onSaved: () => void refresh(), onMessage: setMessage });
  const session = useArticleSession(store, () => void refresh());
  const { loaded, save } = session;

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
      if (!review.handleSaveError(error)) setMessage(`Not saved: ${describeError(error)}`);
    }
  }, [store, refresh, review]);

  const preview = usePreviewSession((path) => void openArticle(path));
  const dirty = open !== null && open.text !== open.savedText;
  const dirty = isDirty(open);
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
        onOpenToSide={review.openToSide}
        dirtyPath={dirty && open ? open.doc.path : null}
        onOpen={(path) => void session.openArticle(path)}
        onDeleting={session.closeIfOpen}
        autosave={session.autosave}
        onAutosaveChange={session.setAutosave}
      />
      <main className="folio-workspace">
        {open?.conflict && (
          <ConflictBanner
            path={open.doc.path}
            conflict={open.conflict}
            dirty={dirty}
            texts={{ base: open.savedText, mine: open.text, theirs: open.conflict.diskText }}
            onKeepMine={() => void session.keepMine()}
            onTakeTheirs={() => void session.takeTheirs()}
            onSaveCopy={() => void session.saveMineAsCopy()}
          />
        )}
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
          <Editor
            article={loaded}
            onChange={(text) => store.edit(text)}
            onSave={() => void save()}
            onView={setEditorView}
          />
          <div className="folio-editor-body">
            <OutlinePanel session={session} path={open?.doc.path ?? null} />
            <Editor
              article={loaded}
              onChange={(text) => store.edit(text)}
              onSave={() => void save()}
              session={session}
              onMessage={setMessage}
            />
          </div>
        </section>
        <section className="folio-pane folio-pane-preview" aria-label="Preview pane">
          <ExportBar articlePath={open?.doc.path ?? null} text={open?.text ?? null} onMessage={setMessage} />
          <Preview text={open?.text ?? null} baseUrl={open ? assetBase(open.doc.path) : null} />
            extensions={preview.extensions}
            onView={preview.onView}
          />
        </section>
        <section className="folio-pane folio-pane-preview" aria-label="Preview pane">
          <Preview binding={preview} article={loaded} baseUrl={open ? assetBase(open.doc.path) : null} />
        </section>
      <main className="folio-workspace folio-review-host">
        <ReviewWorkspace
          review={review}
          editor={
            <section className="folio-pane folio-pane-editor" aria-label="Editor">
              {!loaded && <p className="folio-empty">Choose an article in the library to start writing.</p>}
              <Editor
                article={loaded}
                onChange={(text) => store.edit(text)}
                onSave={() => void save()}
                extensions={review.editorExtensions}
                onView={review.onView}
              />
            </section>
          }
          preview={
            <section className="folio-pane folio-pane-preview" aria-label="Preview pane">
              <Preview text={open?.text ?? null} baseUrl={open ? assetBase(open.doc.path) : null} />
            </section>
          }
        />
      </main>
      <StatusBar
        text={open?.text ?? null}
        dirty={dirty}
        message={session.message ?? message}
        readOnlyReason={open?.doc.readOnlyReason ?? null}
        session={session}
      />
      <CommandPalette session={session} />
      <SettingsPanel />
      <RecoveryDialog
        entries={session.recoveries}
        onRestore={(entry) => void session.restoreRecovery(entry)}
        onDiscard={(entry) => void session.discardRecovery(entry)}
      />
    </div>
  );
}
