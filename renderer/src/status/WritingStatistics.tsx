import { useSyncExternalStore, type ReactElement } from 'react';
import type { EditorSession } from '../editor/editor-session';
import { pluralWord } from '../../../shared/plural';

/** Props of {@link WritingStatistics}. */
export interface WritingStatisticsProps {
  readonly session: EditorSession;
}

/**
 * Formats counts as `toLocaleString('en')` does. One formatter for every render: the status
 * bar renders whenever typing pauses, and `toLocaleString` sets up a formatter per call (about
 * a quarter of a millisecond each, several per render).
 */
const numbers = new Intl.NumberFormat('en');

function plural(count: number, one: string, many: string): string {
  return `${numbers.format(count)} ${pluralWord(count, { one, other: many })}`;
}

/**
 * The article's figures in the status bar: words, characters, reading time, the selection's own
 * counts while text is selected, and progress towards the frontmatter `wordTarget`. It carries
 * `data-whole-scans`, how many times the figures were counted over the whole article (see
 * `EditorSession`), where a test reads what typing cost without timing it.
 */
export function WritingStatistics({ session }: WritingStatisticsProps): ReactElement | null {
  const { statistics, selection } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  if (!statistics) return null;
  const { words, characters, readingMinutes, wordTarget } = statistics;
  const progress = wordTarget ? Math.min(1, words / wordTarget) : 0;
  return (
    <span className="folio-statistics" data-whole-scans={session.wholeScans}>
      {selection ? (
        <span className="folio-statistics-selection" aria-label="Selection statistics">
          {plural(selection.words, 'word', 'words')} of {numbers.format(words)} selected ·{' '}
          {plural(selection.characters, 'character', 'characters')}
        </span>
      ) : (
        <>
          <span>{plural(words, 'word', 'words')}</span>
          <span>{plural(characters, 'character', 'characters')}</span>
          <span title="At 230 words a minute">
            {readingMinutes < 1 ? 'no reading time' : `${readingMinutes} min read`}
          </span>
        </>
      )}
      {wordTarget !== null && (
        <span className="folio-word-target">
          <meter
            min={0}
            max={wordTarget}
            value={Math.min(words, wordTarget)}
            aria-label="Progress towards the word target"
          />
          <span>
            {numbers.format(words)} / {numbers.format(wordTarget)} ({Math.round(progress * 100)}%)
          </span>
        </span>
      )}
    </span>
  );
}
