import { EditorView } from '@codemirror/view';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
} from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../shared/contract';
import { errorMessage } from '../../../shared/errors';
import { announce, LiveRegion } from '../accessibility';
import { api, assetBase } from '../api';
import { Editor } from '../editor/Editor';
import type { EditorChange } from '../editor/editor-setup';
import { EditorSession } from '../editor/editor-session';
import { ExportBar } from '../export';
import { FrontmatterForm } from '../frontmatter/FrontmatterForm';
import { LibraryPane } from '../library/LibraryPane';
import { QuickOpen } from '../library/QuickOpen';
import { OutlinePanel } from '../outline';
import { CommandPalette } from '../palette';
import { Preview } from '../preview/Preview';
import { usePreviewSession } from '../preview/usePreviewSession';
import { ReviewWorkspace, useReview } from '../review';
import { ConflictBanner } from '../save/ConflictBanner';
import { LargeFileDialog } from '../save/LargeFileDialog';
import { RecoveryDialog } from '../save/RecoveryDialog';
import { useArticleSession } from '../save/useArticleSession';
import { SettingsPanel } from '../settings';
import { StatusBar } from '../status/StatusBar';
import { Toolbar, ViewTools, WindowTools } from '../toolbar';
import { DocumentStore, frontmatterPrefix, isDirty } from './document-store';
import { firstTextOffset } from './first-text-offset';
import { NoArticleOpen } from './NoArticleOpen';
import { hasUnsavedWork, useUnsavedWorkGuard } from './useUnsavedWorkGuard';
import './App.css';
import './accessibility-modes.css';

/*
 * Typing changes the open article's text, so App renders on every keystroke. The parts that do
 * not show the text skip those renders (at 100k words they cost about 2 ms a keystroke), and
 * the form renders only when the frontmatter block changed (see FrontmatterForm's memo).
 */
const MemoLibraryPane = memo(LibraryPane);
const MemoToolbar = memo(Toolbar);
const MemoViewTools = memo(ViewTools);
const MemoWindowTools = memo(WindowTools);
const MemoOutlinePanel = memo(OutlinePanel);
const MemoEditor = memo(Editor);
const MemoPreview = memo(Preview);
const MemoCommandPalette = memo(CommandPalette);
const MemoSettingsPanel = memo(SettingsPanel);
const MemoQuickOpen = memo(QuickOpen);

/**
 * The Folio window: library pane, the review workspace (editor with its toolbar, outline and
 * frontmatter form; preview with export), the status bar and the app's dialogs (quick open
 * among them). Each feature keeps its state in its own hook or session object; this component
 * only wires them together.
 */
export function App(): ReactElement {
  const store = useMemo(() => new DocumentStore(), []);
  const editing = useMemo(() => new EditorSession(), []);
  const open = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [library, setLibrary] = useState<LibraryInfo | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [listed, setListed] = useState(false);
  const [message, showMessage] = useState<string | null>(null);
  // The status bar shows the message; the live region says it once.
  const setMessage = useCallback((text: string) => {
    showMessage(text);
    announce(text);
  }, []);
  const [editorView, setEditorView] = useState<EditorView | null>(null);

  const refresh = useCallback((): Promise<void> => {
    return api.listArticles({}).then(
      (list) => {
        setArticles(list);
        setListed(true);
      },
      (error: unknown) => setMessage(errorMessage(error)),
    );
  }, [setMessage]);
  const session = useArticleSession(store, () => void refresh());
  const { loaded, save, openArticle: openInSession } = session;
  const confirmLeave = useUnsavedWorkGuard(store, save);
  // A git sync commits what is on disk: the open article's edits are saved first, or it stops.
  const saveBeforeSync = useCallback(async () => {
    const current = store.getSnapshot();
    return !hasUnsavedWork(current) || (!current!.conflict && (await save()));
  }, [store, save]);
  const review = useReview({ store, onSaved: () => void refresh(), onMessage: setMessage });

  useEffect(() => {
    void api.getLibrary({}).then(setLibrary, (error: unknown) => setMessage(errorMessage(error)));
    void refresh();
    return api.on('libraryChanged', () => void refresh());
  }, [refresh, setMessage]);

  const openArticle = useCallback(
    (path: string) => {
      void (async () => {
        // Unsaved work is saved first; the author is asked only when it cannot be.
        if (path !== store.getSnapshot()?.doc.path && !(await confirmLeave())) return;
        await openInSession(path);
      })();
    },
    [store, confirmLeave, openInSession],
  );

  // The first start (or a file Folio was asked to open) opens that article, with the cursor in
  // its text; the preview beside it follows as for any article.
  const startArticle = library?.startArticle ?? null;
  const startOpened = useRef(false);
  const cursorPlaced = useRef(false);
  useEffect(() => {
    if (!startArticle || startOpened.current || store.getSnapshot()) return;
    startOpened.current = true;
    openArticle(startArticle);
  }, [startArticle, store, openArticle]);
  useEffect(() => {
    if (!editorView || !startArticle || loaded?.path !== startArticle || cursorPlaced.current) return;
    cursorPlaced.current = true;
    const anchor = firstTextOffset(editorView.state.doc.toString());
    // The title stays in view above the cursor.
    editorView.dispatch({
      selection: { anchor },
      effects: EditorView.scrollIntoView(anchor, { y: 'start', yMargin: 120 }),
    });
    editorView.focus();
  }, [editorView, loaded, startArticle]);

  const preview = usePreviewSession(openArticle);
  const onEditorView = useCallback(
    (view: EditorView | null) => {
      preview.onView(view);
      review.onView(view);
      setEditorView(view);
    },
    [preview, review],
  );

  const onEditorChange = useCallback(
    (change: EditorChange) => (change.typing ? store.typed(change) : store.edit(change.text())),
    [store],
  );
  const onSaveRequest = useCallback(() => void save(), [save]);

  const dirty = isDirty(open);
  useEffect(() => {
    document.title = open ? `${dirty ? '• ' : ''}${open.doc.path} — Folio` : 'Folio';
  }, [open, dirty]);

  return (
    <div className="folio-app">
      <LiveRegion />
      <MemoLibraryPane
        library={library}
        articles={articles}
        listed={listed}
        selected={open?.doc.path ?? null}
        dirtyPath={dirty && open ? open.doc.path : null}
        onOpen={openArticle}
        onOpenToSide={review.openToSide}
        onDeleting={session.closeIfOpen}
        autosave={session.autosave}
        onAutosaveChange={session.setAutosave}
        beforeOpenLibrary={confirmLeave}
        beforeSync={saveBeforeSync}
      />
      <main className="folio-workspace folio-review-host">
        {open?.conflict && (
          <ConflictBanner
            path={open.doc.path}
            conflict={open.conflict}
            dirty={dirty}
            texts={{ base: open.savedText, mine: open.text, theirs: open.conflict.diskText }}
            onKeepMine={() => void session.keepMine()}
            onTakeTheirs={() => void session.takeTheirs()}
            onSaveCopy={() => void session.saveMineAsCopy()}
            onCompare={
              open.conflict.diskText !== null && open.conflict.diskHash !== null
                ? (texts) =>
                    review.openMerge({
                      path: open.doc.path,
                      base: texts.base,
                      mine: texts.mine,
                      theirs: texts.theirs ?? '',
                      diskHash: open.conflict?.diskHash ?? '',
                    })
                : undefined
            }
          />
        )}
        <ReviewWorkspace
          review={review}
          viewTools={<MemoViewTools session={editing} />}
          windowTools={<MemoWindowTools session={editing} />}
          editor={
            <section className="folio-pane folio-pane-editor" aria-label="Editor">
              {loaded && <MemoToolbar session={editing} />}
              {!loaded && <NoArticleOpen />}
              {open && (
                <FrontmatterForm
                  view={editorView}
                  frontmatter={frontmatterPrefix(open)}
                  articlePath={open.doc.path}
                  readOnly={open.doc.readOnly}
                  articles={articles}
                  onSave={onSaveRequest}
                />
              )}
              <div className="folio-editor-body">
                <MemoOutlinePanel session={editing} path={open?.doc.path ?? null} />
                <MemoEditor
                  article={loaded}
                  onChange={onEditorChange}
                  onSave={onSaveRequest}
                  session={editing}
                  onMessage={setMessage}
                  extensions={review.editorExtensions}
                  onView={onEditorView}
                  beforeUpdate={preview.beforeUpdate}
                  updateRefused={preview.updateRefused}
                />
              </div>
            </section>
          }
          preview={
            <section className="folio-pane folio-pane-preview" aria-label="Preview pane">
              <ExportBar articlePath={open?.doc.path ?? null} article={open} onMessage={setMessage} />
              <MemoPreview
                binding={preview}
                article={loaded}
                baseUrl={open ? assetBase(open.doc.path) : null}
              />
            </section>
          }
        />
      </main>
      <StatusBar
        article={open}
        dirty={dirty}
        message={session.message ?? message}
        readOnlyReason={open?.doc.readOnlyReason ?? null}
        session={editing}
      />
      <MemoCommandPalette session={editing} />
      <MemoSettingsPanel />
      <MemoQuickOpen articles={articles} onOpen={openArticle} />
      <LargeFileDialog request={session.largeFile} onAnswer={(yes) => void session.answerLargeFile(yes)} />
      {session.recoveries.length > 0 && (
        <RecoveryDialog
          entries={session.recoveries}
          onRestore={(entry) => void session.restoreRecovery(entry)}
          onDiscard={(entry) => void session.discardRecovery(entry)}
        />
      )}
    </div>
  );
}
