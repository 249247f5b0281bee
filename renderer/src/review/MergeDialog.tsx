import { useMemo, useRef, useState, type ReactElement } from 'react';
import { assetBase } from '../api';
import { DiffText } from './DiffText';
import { useEscapeKey } from './useEscapeKey';
import { RenderedFrame } from './RenderedFrame';
import { mergeThreeWay, resolveMerge, type ConflictChoice } from '../../../shared/review/three-way-merge';
import { countOf, pluralWord } from '../../../shared/plural';
import { useReturnFocus } from '../accessibility';

/** Props of {@link MergeDialog}: what the conflict banner (or the save path) passes in. */
export interface MergeDialogProps {
  /** The article's library path, for the title. */
  readonly path: string;
  /** The text as last saved (or read) by Folio: the common ancestor. */
  readonly base: string;
  /** The author's unsaved text. */
  readonly mine: string;
  /** The text now on disk. */
  readonly theirs: string;
  /**
   * Called with the merged text when the author confirms. The caller puts it in the editor and
   * saves it against the disk version; nothing is written before this.
   */
  readonly onConfirm: (merged: string) => void;
  /** Closes without changing anything (the unsaved text stays in the editor). */
  readonly onCancel: () => void;
  /** The dialog's words where they differ from a merge with the disk (e.g. a git sync's). */
  readonly wording?: Partial<MergeWording>;
}

/** The words of the merge dialog that depend on where "theirs" comes from. */
export interface MergeWording {
  /** Why there is something to merge (first sentence under the title). */
  readonly reason: string;
  /** Heading of the author's side of a conflict. */
  readonly mine: string;
  /** Heading of the other side of a conflict. */
  readonly theirs: string;
  /** Heading of the merged result (compared with `mine`). */
  readonly result: string;
  /** The confirm button. */
  readonly confirm: string;
  /** The cancel button. */
  readonly cancel: string;
  /** The hint once every conflict has a choice. */
  readonly ready: string;
  /** Where the author is in a series of merges ("Article 1 of 3"), or empty. */
  readonly step: string;
}

/** The words of a merge with the version on disk (the default). */
export const diskMergeWording: MergeWording = {
  reason: 'The file changed on disk while you had unsaved edits.',
  mine: 'Mine (unsaved)',
  theirs: 'Theirs (on disk)',
  result: 'Result, compared with your unsaved text',
  confirm: 'Save merged version',
  cancel: 'Cancel',
  ready: 'Ready to save.',
  step: '',
};

const choiceNames: Record<ConflictChoice, string> = {
  mine: 'Keep mine',
  theirs: 'Take theirs',
  both: 'Keep both',
};

/**
 * The three-way merge of an article changed on two sides (on disk while it had unsaved edits,
 * or here and on the remote during a sync; `wording` says which): changes that do not overlap
 * are merged automatically; each overlapping part is shown side by side (mine and theirs) to
 * choose from. The merged text is only handed back when the author confirms.
 */
export function MergeDialog({
  path,
  base,
  mine,
  theirs,
  onConfirm,
  onCancel,
  wording,
}: MergeDialogProps): ReactElement {
  const words = { ...diskMergeWording, ...wording };
  const result = useMemo(() => mergeThreeWay(base, mine, theirs), [base, mine, theirs]);
  const [choices, setChoices] = useState<(ConflictChoice | null)[]>(() => Array(result.conflicts).fill(null));
  const dialog = useRef<HTMLDivElement>(null);
  const preview = useMemo(
    () =>
      resolveMerge(
        result,
        choices.map((choice) => choice ?? 'mine'),
      ),
    [result, choices],
  );
  const undecided = choices.filter((choice) => choice === null).length;
  // The result as text changes (default), or rendered as the article will read once merged.
  const [resultView, setResultView] = useState<'text' | 'rendered'>('text');

  useReturnFocus();
  useEscapeKey(onCancel, dialog);

  let conflictIndex = -1;
  return (
    <div className="review-modal-backdrop">
      <div
        className="review-merge"
        role="dialog"
        aria-modal="true"
        aria-labelledby="review-merge-title"
        tabIndex={-1}
        ref={dialog}
      >
        <header className="review-merge-header">
          <h2 id="review-merge-title">
            Merge changes to “{path}”
            {words.step && <span className="review-merge-step"> · {words.step}</span>}
          </h2>
          <p>
            {words.reason}{' '}
            {result.conflicts === 0
              ? 'All changes merged without overlapping. Review the result and save it.'
              : `${pluralWord(result.conflicts, { one: 'One part was', other: `${result.conflicts} parts were` })} changed on both sides: choose what to keep. Everything else merged automatically.`}
          </p>
        </header>
        <div className="review-merge-body">
          {result.hunks.map((hunk, index) => {
            if (hunk.kind === 'merged') return null;
            const at = ++conflictIndex;
            const choice = choices[at] ?? null;
            return (
              <fieldset key={index} className="review-merge-conflict">
                <legend>
                  Conflict {at + 1} of {result.conflicts}
                  {choice && <span className="review-merge-chosen"> — {choiceNames[choice]}</span>}
                </legend>
                <div className="review-merge-sides">
                  <div
                    className={`review-merge-side${choice === 'mine' || choice === 'both' ? ' is-chosen' : ''}`}
                  >
                    <h3>{words.mine}</h3>
                    <DiffText before={hunk.base} after={hunk.mine} label="My change" />
                  </div>
                  <div
                    className={`review-merge-side${choice === 'theirs' || choice === 'both' ? ' is-chosen' : ''}`}
                  >
                    <h3>{words.theirs}</h3>
                    <DiffText before={hunk.base} after={hunk.theirs} label="Their change" />
                  </div>
                </div>
                <div
                  className="review-merge-choices"
                  role="radiogroup"
                  aria-label={`Resolve conflict ${at + 1}`}
                >
                  {(['mine', 'theirs', 'both'] as const).map((option) => (
                    <label key={option}>
                      <input
                        type="radio"
                        name={`conflict-${at}`}
                        checked={choice === option}
                        onChange={() =>
                          setChoices((current) => current.map((c, i) => (i === at ? option : c)))
                        }
                      />
                      {choiceNames[option]}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <section className="review-merge-result" aria-label="Merged result">
            <div className="review-merge-result-header">
              <h3>{words.result}</h3>
              <div className="review-tabs" role="tablist" aria-label="Merged result view">
                {(['text', 'rendered'] as const).map((view) => (
                  <button
                    key={view}
                    type="button"
                    role="tab"
                    aria-selected={resultView === view}
                    onClick={() => setResultView(view)}
                  >
                    {view === 'text' ? 'Changes' : 'Rendered'}
                  </button>
                ))}
              </div>
            </div>
            {resultView === 'text' ? (
              <DiffText before={mine} after={preview} label="Merged text" />
            ) : (
              <div className="review-merge-rendered">
                <RenderedFrame title="Rendered merged result" markdown={preview} baseUrl={assetBase(path)} />
              </div>
            )}
          </section>
        </div>
        <footer className="review-merge-footer">
          <span className="review-hint">
            {undecided > 0
              ? `${countOf(undecided, { one: 'conflict', other: 'conflicts' })} left to choose.`
              : words.ready}
          </span>
          <button type="button" onClick={onCancel}>
            {words.cancel}
          </button>
          <button
            type="button"
            className="review-primary"
            disabled={undecided > 0}
            onClick={() =>
              onConfirm(
                resolveMerge(
                  result,
                  choices.map((choice) => choice ?? 'mine'),
                ),
              )
            }
          >
            {words.confirm}
          </button>
        </footer>
      </div>
    </div>
  );
}
