import type { ReactElement } from 'react';
import type { GitChangeKind } from '../../../shared/git-contract';
import { changeMarks } from './git-changes';
import './Git.css';

/**
 * The mark of an article changed since the last sync: a letter in a badge (N, M, D, C) with its
 * meaning in the tooltip and, for screen readers, in words.
 */
export function GitChangeMark({ kind }: { readonly kind: GitChangeKind }): ReactElement {
  const mark = changeMarks[kind];
  return (
    <span
      className={`folio-git-mark folio-git-mark-${kind}`}
      title={mark.description[0]!.toUpperCase() + mark.description.slice(1)}
    >
      <span aria-hidden="true">{mark.symbol}</span>
      <span className="folio-git-hidden">, {mark.description}</span>
    </span>
  );
}
