import { useMemo, type ReactElement } from 'react';
import { articleBody, countWords } from '../../../shared/article-meta';
import type { EditorSession } from '../editor/editor-session';
import { WritingStatistics } from './WritingStatistics';
import './StatusBar.css';
import { pluralWord } from '../../../shared/plural';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  readonly text: string | null;
  readonly dirty: boolean;
  /** A short message about the last save or error. */
  readonly message: string | null;
  readonly readOnlyReason: string | null;
  /** When given, the editor's live figures (words, characters, reading time, selection, target). */
  readonly session?: EditorSession;
}

/**
 * The status bar: word count, save state and the last message. It is not a live region: what a
 * screen reader must hear (saved, save failed, conflict) goes through the announcer, once.
 */
export function StatusBar({ text, dirty, message, readOnlyReason, session }: StatusBarProps): ReactElement {
  const words = useMemo(
    () => (text === null || session ? 0 : countWords(articleBody(text))),
    [text, session],
  );
  return (
    <footer className="folio-status-bar">
      {session ? (
        text !== null && <WritingStatistics session={session} />
      ) : (
        <span>{`${words.toLocaleString('en')} ${pluralWord(words, { one: 'word', other: 'words' })}`}</span>
      )}
      {text !== null && <span>{readOnlyReason ? 'Read-only' : dirty ? 'Unsaved changes' : 'Saved'}</span>}
      <span className="folio-status-message" role="status" aria-live="off">
        {readOnlyReason ?? message}
      </span>
    </footer>
  );
}
