import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { ArticleSummary, LibraryInfo } from '../../../shared/contract';
import { isFolioError } from '../../../shared/errors';
import { api, assetBase } from '../api';
import { Editor } from '../editor/Editor';
import { LibraryPane } from '../library/LibraryPane';
import { Preview } from '../preview/Preview';
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
  const open = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [library, setLibrary] = useState<LibraryInfo | null>(null);
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback((): Promise<void> => {
    return api.listArticles({}).then(setArticles, (error: unknown) => setMessage(describeError(error)));
  }, []);
  const session = useArticleSession(store, () => void refresh());
  const { loaded, save } = session;

  useEffect(() => {
    void api.getLibrary({}).then(setLibrary, (error: unknown) => setMessage(describeError(error)));
    void api.listArticles({}).then(setArticles, (error: unknown) => setMessage(describeError(error)));
    return api.on('libraryChanged', () => void refresh());
  }, [refresh]);

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
          {!loaded && <p className="folio-empty">Choose an article in the library to start writing.</p>}
          <Editor article={loaded} onChange={(text) => store.edit(text)} onSave={() => void save()} />
        </section>
        <section className="folio-pane folio-pane-preview" aria-label="Preview pane">
          <Preview text={open?.text ?? null} baseUrl={open ? assetBase(open.doc.path) : null} />
        </section>
      </main>
      <StatusBar
        text={open?.text ?? null}
        dirty={dirty}
        message={session.message ?? message}
        readOnlyReason={open?.doc.readOnlyReason ?? null}
      />
      <RecoveryDialog
        entries={session.recoveries}
        onRestore={(entry) => void session.restoreRecovery(entry)}
        onDiscard={(entry) => void session.discardRecovery(entry)}
      />
    </div>
  );
}
