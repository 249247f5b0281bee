import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef, type ReactElement } from 'react';
import type { ArticleDocument } from '../../../shared/contract';
import { createEditorExtensions } from './editor-setup';
import './Editor.css';

/** Props of {@link Editor}. */
export interface EditorProps {
  /** The article to edit; a new object (a new read) replaces the editor state. */
  readonly article: ArticleDocument | null;
  readonly onChange: (text: string) => void;
  readonly onSave: () => void;
  /**
   * Extra extensions from other features (preview scroll sync, review marks, ...), added to
   * every state. Pass a stable array (memoized); a new array reconfigures the editor.
   */
  readonly extensions?: readonly Extension[];
  /** Receives the view once created (and `null` when destroyed), for features that drive it. */
  readonly onView?: (view: EditorView | null) => void;
}

const noExtensions: readonly Extension[] = [];

function cspNonce(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="folio-csp-nonce"]')?.content ?? null;
}

/** The one component that owns the CodeMirror `EditorView`. */
export function Editor({
  article,
  onChange,
  onSave,
  extensions = noExtensions,
  onView,
}: EditorProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onSave, onView });
  const extra = useRef({ compartment: new Compartment(), extensions });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onSave, onView };
  });

  useEffect(() => {
    // The nonce must be there from the start: the view mounts its styles when created.
    const nonce = cspNonce();
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({ extensions: nonce ? [EditorView.cspNonce.of(nonce)] : [] }),
    });
    view.current = created;
    callbacks.current.onView?.(created);
    return () => {
      callbacks.current.onView?.(null);
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    extra.current.extensions = extensions;
    view.current?.dispatch({ effects: extra.current.compartment.reconfigure([...extensions]) });
  }, [extensions]);

  useEffect(() => {
    const current = view.current;
    if (!current || !article) return;
    current.setState(
      EditorState.create({
        doc: article.text,
        extensions: createEditorExtensions({
          onChange: (text) => callbacks.current.onChange(text),
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
        }).concat(extra.current.compartment.of([...extra.current.extensions])),
      }),
    );
    current.focus();
  }, [article]);

  return <div className="folio-editor" ref={host} hidden={!article} />;
}
