import { useMemo, type ReactElement } from 'react';
import { articleBody, countWords } from '../../../shared/article-meta';
import type { EditorSession } from '../editor/editor-session';
import { WritingStatistics } from './WritingStatistics';
import './StatusBar.css';
import { pluralWord } from '../../../shared/plural';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  /**
   * The open article, or `null`; its text is read only to count words without a `session` (a
   * long article's text costs milliseconds to build).
   */
  readonly article: { readonly text: string } | null;
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
export function StatusBar({
  article,
  dirty,
  message,
  readOnlyReason,
  session,
}: StatusBarProps): ReactElement {
  const words = useMemo(
    () => (article === null || session ? 0 : countWords(articleBody(article.text))),
    [article, session],
  );
  return (
    <footer className="folio-status-bar">
      {session ? (
        article !== null && <WritingStatistics session={session} />
      ) : (
        <span>{`${words.toLocaleString('en')} ${pluralWord(words, { one: 'word', other: 'words' })}`}</span>
      )}
      {article !== null && <span>{readOnlyReason ? 'Read-only' : dirty ? 'Unsaved changes' : 'Saved'}</span>}
      <span className="folio-status-message" role="status" aria-live="off">
        {readOnlyReason ?? message}
      </span>
    </footer>
  );
}
