import { MergeView } from '@codemirror/merge';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, type ReactElement } from 'react';
import { keyboardScrolling } from '../editor/keyboard-scrolling';

/** Props of {@link SourceDiff}. */
export interface SourceDiffProps {
  readonly before: string;
  readonly after: string;
}

function cspNonce(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="folio-csp-nonce"]')?.content ?? null;
}

function readOnlySide(label: string): Extension[] {
  const nonce = cspNonce();
  return [
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    keyboardScrolling(),
    ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
  ];
}

/**
 * The source diff: both versions side by side in `@codemirror/merge`'s MergeView, with changed
 * lines and words highlighted and long unchanged stretches collapsed. Both sides scroll together.
 */
export function SourceDiff({ before, after }: SourceDiffProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const view = new MergeView({
      a: { doc: before, extensions: readOnlySide('Source before') },
      b: { doc: after, extensions: readOnlySide('Source after') },
      parent: host.current!,
      highlightChanges: true,
      gutter: true,
      collapseUnchanged: { margin: 3, minSize: 8 },
    });
    return () => view.destroy();
  }, [before, after]);
  return <div className="review-source-diff" ref={host} />;
}
