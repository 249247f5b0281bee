import { useMemo, useRef, useState, type ReactElement } from 'react';
import { articleBody } from '../../../shared/article-meta';
import { criticMarkupFromDiff, diffStats, wordDiff } from '../../../shared/review/word-diff';
import { RenderedFrame } from './RenderedFrame';
import { SourceDiff } from './SourceDiff';
import { useEscapeKey } from './useEscapeKey';
import { pluralWord, words as forms } from '../../../shared/plural';
import { useReturnFocus } from '../accessibility';

/** One side of a comparison. */
export interface CompareSide {
  /** What the reader sees as the side's name ("Snapshot 12:04", "Current text", a path). */
  readonly label: string;
  readonly text: string;
}

/** Two versions to compare. */
export interface CompareRequest {
  readonly before: CompareSide;
  readonly after: CompareSide;
}

/** Props of {@link CompareView}. */
export interface CompareViewProps {
  readonly request: CompareRequest;
  /** Base URL for relative images in the rendered diff. */
  readonly baseUrl: string | null;
  readonly onClose: () => void;
}

type Tab = 'rendered' | 'source';

function words(count: number): string {
  return `${count.toLocaleString('en')} ${pluralWord(count, forms.word)}`;
}

/**
 * Compares two versions side by side, as a rendered diff (the preview with deleted words struck
 * through on the left and inserted words marked on the right, scrolling together) or as a
 * source diff (MergeView). Escape closes it.
 */
export function CompareView({ request, baseUrl, onClose }: CompareViewProps): ReactElement {
  const [tab, setTab] = useState<Tab>('rendered');
  const [follow, setFollow] = useState<{
    left: { share: number; seq: number } | null;
    right: { share: number; seq: number } | null;
  }>({
    left: null,
    right: null,
  });
  const before = useMemo(() => articleBody(request.before.text), [request.before.text]);
  const after = useMemo(() => articleBody(request.after.text), [request.after.text]);
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  const stats = useMemo(() => diffStats(parts), [parts]);
  const left = useMemo(() => criticMarkupFromDiff(parts, 'before'), [parts]);
  const right = useMemo(() => criticMarkupFromDiff(parts, 'after'), [parts]);

  const view = useRef<HTMLElement>(null);
  useReturnFocus();
  useEscapeKey(onClose, view);

  return (
    <section className="review-compare" aria-label="Compare versions" tabIndex={-1} ref={view}>
      <header className="review-compare-header">
        <h2>
          <span className="review-compare-label">{request.before.label}</span>
          <span aria-hidden="true"> → </span>
          <span className="review-compare-label">{request.after.label}</span>
        </h2>
        <span className="review-compare-stats" aria-label="Changes">
          {stats.changes === 0 ? (
            'No changes'
          ) : (
            <>
              <span className="review-plus">+{words(stats.insertedWords)}</span>{' '}
              <span className="review-minus">−{words(stats.deletedWords)}</span> in {stats.changes}{' '}
              {pluralWord(stats.changes, { one: 'place', other: 'places' })}
            </>
          )}
        </span>
        <div className="review-tabs" role="tablist" aria-label="Diff view">
          {(['rendered', 'source'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
            >
              {name === 'rendered' ? 'Rendered' : 'Source'}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="review-close"
          onClick={onClose}
          aria-label="Close comparison"
          title="Close (Esc)"
        >
          ✕
        </button>
      </header>
      {tab === 'rendered' ? (
        <div
          className="review-compare-body review-compare-rendered"
          role="tabpanel"
          aria-label="Rendered diff"
        >
          {(
            [
              ['before', 'left', 'right', left],
              ['after', 'right', 'left', right],
            ] as const
          ).map(([version, side, other, markdown]) => (
            <div className="review-compare-side" key={side}>
              <h3>{request[version].label}</h3>
              <RenderedFrame
                title={`Rendered ${version}`}
                markdown={markdown}
                baseUrl={baseUrl}
                follow={follow[side]}
                // Scrolling one side makes the other follow (each request numbered so it re-applies).
                onScrollShare={(share) =>
                  setFollow((f) => ({ ...f, [other]: { share, seq: (f[other]?.seq ?? 0) + 1 } }))
                }
              />
            </div>
          ))}
        </div>
      ) : (
        <div className="review-compare-body" role="tabpanel" aria-label="Source diff">
          <SourceDiff before={request.before.text} after={request.after.text} />
        </div>
      )}
    </section>
  );
}
