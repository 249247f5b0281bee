import { Compartment, EditorState, type Extension, type Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef, type ReactElement } from 'react';
import type { ArticleDocument } from '../../../shared/contract';
import { errorMessage } from '../../../shared/errors';
import { api } from '../api';
import { settingsStore, type Settings } from '../settings/settings-store';
import {
  createEditorExtensions,
  reconfigureModes,
  type EditorChange,
  type EditorModes,
} from './editor-setup';
import type { EditorSession } from './editor-session';
import type { ImportedImage } from './image-paste';
import './Editor.css';

/** Props of {@link Editor}. */
export interface EditorProps {
  /** The article to edit; a new object (a new read) replaces the editor state. */
  readonly article: ArticleDocument | null;
  /** Called after every document change. */
  readonly onChange: (change: EditorChange) => void;
  readonly onSave: () => void;
  /**
   * Extra extensions from other features (preview scroll sync, review marks, ...), added to
   * every state. Pass a stable array (memoized); a new array reconfigures the editor.
   */
  readonly extensions?: readonly Extension[];
  /** Receives the view once created (and `null` when destroyed), for features that drive it. */
  readonly onView?: (view: EditorView | null) => void;
  /**
   * Hears of every transaction before the view works out its new state (the syntax tree of a
   * long article takes milliseconds), so that work following the text (the preview's render
   * worker) runs alongside the editor's instead of after it. Read at each dispatch.
   */
  readonly beforeUpdate?: (transactions: readonly Transaction[]) => void;
  /** The view refused transactions `beforeUpdate` was told of (a dispatch during an update). */
  readonly updateRefused?: () => void;
  /** The session the toolbar, palette, outline and status bar read the editor through. */
  readonly session?: EditorSession;
  /** Shows a message to the author (e.g. an image that could not be added). */
  readonly onMessage?: (message: string) => void;
}

const noExtensions: readonly Extension[] = [];

function cspNonce(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="folio-csp-nonce"]')?.content ?? null;
}

function modesOf(settings: Settings): EditorModes {
  return {
    vimMode: settings.vimMode,
    focusMode: settings.focusMode,
    typewriterMode: settings.typewriterMode,
    spellcheck: settings.spellcheck,
    spellcheckLanguage: settings.spellcheckLanguage,
  };
}

/** Base64 of a file's bytes, built in chunks so large images do not overflow the stack. */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The one component that owns the CodeMirror `EditorView`. */
export function Editor({
  article,
  onChange,
  onSave,
  extensions = noExtensions,
  onView,
  beforeUpdate,
  updateRefused,
  session,
  onMessage,
}: EditorProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onSave, onView, beforeUpdate, updateRefused, onMessage, session });
  const extra = useRef({ compartment: new Compartment(), sessionCompartment: new Compartment(), extensions });
  const articlePath = useRef<string | null>(null);
  useLayoutEffect(() => {
    callbacks.current = { onChange, onSave, onView, beforeUpdate, updateRefused, onMessage, session };
  });

  useEffect(() => {
    // The nonce must be there from the start: the view mounts its styles when created.
    const nonce = cspNonce();
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({ extensions: nonce ? [EditorView.cspNonce.of(nonce)] : [] }),
      dispatchTransactions: (transactions, target) => {
        callbacks.current.beforeUpdate?.(transactions);
        try {
          target.update(transactions);
        } catch (error) {
          callbacks.current.updateRefused?.();
          throw error;
        }
      },
    });
    view.current = created;
    callbacks.current.onView?.(created);
    return () => {
      callbacks.current.onView?.(null);
      callbacks.current.session?.attach(null);
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    extra.current.extensions = extensions;
    view.current?.dispatch({ effects: extra.current.compartment.reconfigure([...extensions]) });
  }, [extensions]);

  useEffect(() => {
    view.current?.dispatch({
      effects: extra.current.sessionCompartment.reconfigure(session?.extension ?? []),
    });
    if (view.current && article) session?.attach(view.current);
    // Only a new session matters here; a new article attaches below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  useEffect(
    () =>
      settingsStore.subscribe((settings) => {
        const current = view.current;
        if (!current) return;
        const effects = reconfigureModes(modesOf(settings));
        // Typewriter mode starts with the current line in the middle, not at the next keystroke.
        if (settings.typewriterMode) {
          effects.push(EditorView.scrollIntoView(current.state.selection.main.head, { y: 'center' }));
        }
        current.dispatch({ effects });
      }),
    [],
  );

  useEffect(() => {
    const current = view.current;
    if (!current || !article) return;
    articlePath.current = article.path;
    const importImage = async (file: File): Promise<ImportedImage> => {
      const path = articlePath.current;
      if (!path) throw new Error('No article is open.');
      try {
        return await api.importAsset({
          articlePath: path,
          name: file.name,
          dataBase64: await base64Of(file),
        });
      } catch (error) {
        throw new Error(errorMessage(error, 'unknown error'), {
          cause: error,
        });
      }
    };
    current.setState(
      EditorState.create({
        doc: article.text,
        extensions: createEditorExtensions({
          onChange: (change) => callbacks.current.onChange(change),
          keys: [
            {
              key: 'Mod-s',
              preventDefault: true,
              run: () => {
                callbacks.current.onSave();
                return true;
              },
            },
          ],
          readOnly: article.readOnly,
          nonce: cspNonce(),
          modes: modesOf(settingsStore.getSnapshot()),
          paste: {
            importImage: article.readOnly ? null : importImage,
            onError: (message) => callbacks.current.onMessage?.(message),
          },
        }).concat(
          extra.current.compartment.of([...extra.current.extensions]),
          extra.current.sessionCompartment.of(callbacks.current.session?.extension ?? []),
        ),
      }),
    );
    callbacks.current.session?.attach(current);
    current.focus();
  }, [article]);

  return <div className="folio-editor" ref={host} hidden={!article} />;
}
