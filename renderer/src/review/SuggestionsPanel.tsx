import { useMemo, type ReactElement } from 'react';
import { describeKey } from '../editor/editor-commands';
import { isApplePlatform } from '../ui/platform';
import {
  parseCriticMarkup,
  type CriticDecision,
  type CriticMark,
} from '../../../shared/review/critic-markup';
import { useReturnFocus } from '../accessibility';

/** Props of {@link SuggestionsPanel}. */
export interface SuggestionsPanelProps {
  /** The editor's current text. */
  readonly text: string;
  readonly suggesting: boolean;
  readonly onToggleSuggest: () => void;
  readonly onResolve: (mark: CriticMark, decision: CriticDecision) => void;
  readonly onResolveAll: (decision: CriticDecision) => void;
  /** Selects the mark in the editor. */
  readonly onReveal: (mark: CriticMark) => void;
  readonly onClose: () => void;
}

const kindNames: Record<CriticMark['kind'], string> = {
  insertion: 'Insert',
  deletion: 'Delete',
  substitution: 'Replace',
  highlight: 'Highlight',
  comment: 'Comment',
};

/** The word on a mark's accept button: comments and highlights are resolved, changes accepted. */
function acceptVerb(mark: CriticMark): string {
  return mark.kind === 'comment' || mark.kind === 'highlight' ? 'Resolve' : 'Accept';
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

/**
 * The review panel: every suggestion and comment in the article, in order, each with its
 * comment and Accept / Reject buttons, plus Accept all / Reject all.
 */
export function SuggestionsPanel({
  text,
  suggesting,
  onToggleSuggest,
  onResolve,
  onResolveAll,
  onReveal,
  onClose,
}: SuggestionsPanelProps): ReactElement {
  const marks = useMemo(() => parseCriticMarkup(text), [text]);
  useReturnFocus();
  return (
    <aside className="review-panel" aria-label="Suggestions">
      <header className="review-panel-header">
        <h2>Suggestions</h2>
        <span className="review-count">{marks.length}</span>
        <button type="button" className="review-close" aria-label="Close suggestions" onClick={onClose}>
          ✕
        </button>
      </header>
      <label className="review-switch">
        <input type="checkbox" checked={suggesting} onChange={onToggleSuggest} />
        Suggest changes instead of editing ({describeKey('Mod-Alt-s', isApplePlatform())})
      </label>
      <div className="review-bulk">
        <button type="button" disabled={marks.length === 0} onClick={() => onResolveAll('accept')}>
          Accept all
        </button>
        <button type="button" disabled={marks.length === 0} onClick={() => onResolveAll('reject')}>
          Reject all
        </button>
      </div>
      {marks.length === 0 && (
        <p className="review-hint">
          No suggestions. Turn on suggest mode, or write <code>{'{++added++}'}</code>,{' '}
          <code>{'{--deleted--}'}</code>, <code>{'{~~old~>new~~}'}</code>,{' '}
          <code>{'{==highlight==}{>>comment<<}'}</code>.
        </p>
      )}
      <ol className="review-list" aria-label="Suggestion list">
        {marks.map((mark) => (
          <li key={`${mark.from}-${mark.to}`} className={`review-suggestion review-suggestion-${mark.kind}`}>
            <button type="button" className="review-suggestion-body" onClick={() => onReveal(mark)}>
              <span className="review-kind">{kindNames[mark.kind]}</span>
              {mark.kind === 'substitution' ? (
                <span>
                  <del>{excerpt(mark.oldText)}</del> → <ins>{excerpt(mark.newText)}</ins>
                </span>
              ) : mark.kind === 'insertion' ? (
                <ins>{excerpt(mark.newText)}</ins>
              ) : mark.kind === 'deletion' ? (
                <del>{excerpt(mark.oldText)}</del>
              ) : mark.kind === 'highlight' ? (
                <mark>{excerpt(mark.newText)}</mark>
              ) : null}
              {mark.comment !== null && (
                <span className="review-comment">
                  <span className="review-kind">Comment</span> {excerpt(mark.comment)}
                </span>
              )}
            </button>
            <span className="review-suggestion-actions">
              <button
                type="button"
                onClick={() => onResolve(mark, 'accept')}
                aria-label={`${acceptVerb(mark)}: ${excerpt(mark.newText || mark.oldText || mark.comment || '')}`}
              >
                {acceptVerb(mark)}
              </button>
              {mark.kind !== 'comment' && mark.kind !== 'highlight' && (
                <button
                  type="button"
                  onClick={() => onResolve(mark, 'reject')}
                  aria-label={`Reject: ${excerpt(mark.newText || mark.oldText)}`}
                >
                  Reject
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
