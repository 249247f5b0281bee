import { useMemo, type ReactElement } from 'react';
import { articleBody, countWords } from '../../../shared/article-meta';
import './StatusBar.css';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  readonly text: string | null;
  readonly dirty: boolean;
  /** A short message about the last save or error. */
  readonly message: string | null;
  readonly readOnlyReason: string | null;
}

/** The status bar: word count, save state and the last message. */
export function StatusBar({ text, dirty, message, readOnlyReason }: StatusBarProps): ReactElement {
  const words = useMemo(() => (text === null ? 0 : countWords(articleBody(text))), [text]);
  return (
    <footer className="folio-status-bar">
      <span>{words === 1 ? '1 word' : `${words.toLocaleString('en')} words`}</span>
      {text !== null && <span>{readOnlyReason ? 'Read-only' : dirty ? 'Unsaved changes' : 'Saved'}</span>}
      <span className="folio-status-message" role="status">
        {readOnlyReason ?? message}
      </span>
    </footer>
  );
}
