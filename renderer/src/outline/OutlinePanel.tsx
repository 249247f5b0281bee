import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useSyncExternalStore, type ReactElement } from 'react';
import type { EditorSession } from '../editor/editor-session';
import type { OutlineHeading } from '../editor/outline';
import { settingsStore } from '../settings/settings-store';
import { dispatchRevealLine } from './reveal-event';
import './OutlinePanel.css';

/** Props of {@link OutlinePanel}. */
export interface OutlinePanelProps {
  readonly session: EditorSession;
  /** Library path of the open article, passed along with the reveal event. */
  readonly path: string | null;
}

/**
 * The outline: the article's headings, indented by level, the current section highlighted as
 * the cursor moves. Picking a heading moves the editor there and dispatches `folio:reveal-line`
 * (see `reveal-event.ts`) for the preview.
 */
export function OutlinePanel({ session, path }: OutlinePanelProps): ReactElement | null {
  const { view, outline, activeHeading } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const { showOutline } = useSyncExternalStore(settingsStore.subscribe, settingsStore.getSnapshot);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-current="location"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeHeading]);

  if (!showOutline || !view) return null;
  const minLevel = Math.min(6, ...outline.map((heading) => heading.level));

  const reveal = (heading: OutlineHeading): void => {
    const line = view.state.doc.line(Math.min(heading.line, view.state.doc.lines));
    view.dispatch({
      selection: EditorSelection.cursor(line.to),
      effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 24 }),
      userEvent: 'select.outline',
    });
    view.focus();
    dispatchRevealLine({ line: heading.line, path });
  };

  return (
    <nav className="folio-outline" aria-label="Outline">
      <h2 className="folio-outline-title">Outline</h2>
      {outline.length === 0 ? (
        <p className="folio-outline-empty">No headings yet. Start a line with # to add one.</p>
      ) : (
        <ol className="folio-outline-list" ref={list}>
          {outline.map((heading, index) => (
            <li key={`${heading.from}-${index}`}>
              <button
                type="button"
                className={`folio-outline-item folio-outline-level-${heading.level - minLevel + 1}`}
                aria-current={index === activeHeading ? 'location' : undefined}
                onClick={() => reveal(heading)}
              >
                {heading.text || <em>Untitled</em>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
