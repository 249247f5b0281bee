import { useMemo, type ReactElement } from 'react';
import { wordDiff } from '../../../shared/review/word-diff';

/** Props of {@link DiffText}. */
export interface DiffTextProps {
  readonly before: string;
  readonly after: string;
  /** Accessible name of the block. */
  readonly label: string;
}

/** A plain-text word diff: deleted words struck through, inserted words marked. */
export function DiffText({ before, after, label }: DiffTextProps): ReactElement {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    // Focusable, so that a keyboard alone can scroll a long diff.
    <pre className="review-diff-text" aria-label={label} tabIndex={0}>
      {parts.map((part, index) =>
        part.kind === 'insert' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === 'delete' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </pre>
  );
}
