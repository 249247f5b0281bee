import { useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { assetBase } from '../api';
import { OverflowRow, shortcutAttributes } from '../toolbar';
import { CompareView } from './CompareView';
import { HistoryPanel } from './HistoryPanel';
import type { LayoutMode } from './layout-settings';
import { MergeDialog } from './MergeDialog';
import { SidePane } from './SidePane';
import { Splitter } from './Splitter';
import { SuggestionsPanel } from './SuggestionsPanel';
import type { ReviewController } from './useReview';
import './Review.css';

/** Props of {@link ReviewWorkspace}. */
export interface ReviewWorkspaceProps {
  readonly review: ReviewController;
  /** The main editor (kept mounted in every layout, so its state and undo history survive). */
  readonly editor: ReactNode;
  /** The main preview. */
  readonly preview: ReactNode;
  /** Controls for the writing view, shown in the bar after the layouts. */
  readonly viewTools?: ReactNode;
  /** Controls for the window, shown at the end of the bar. */
  readonly windowTools?: ReactNode;
}

const layouts: readonly { mode: LayoutMode; name: string; key: string }[] = [
  { mode: 'editor', name: 'Editor', key: '1' },
  { mode: 'split', name: 'Side by side', key: '2' },
  { mode: 'preview', name: 'Preview', key: '3' },
];

/**
 * The workspace around the main editor and preview: a toolbar to switch layouts (editor only,
 * side by side, preview only) and open the review tools, a resizable split, an optional second
 * article to the side, the history and suggestions panels, the comparison view and the
 * three-way merge dialog.
 */
export function ReviewWorkspace({
  review,
  editor,
  preview,
  viewTools,
  windowTools,
}: ReviewWorkspaceProps): ReactElement {
  const open = useSyncExternalStore(review.store.subscribe, review.store.getSnapshot);
  const { layout } = review;
  const mode = layout.mode;
  const editorShare = mode === 'split' ? layout.ratio : 1;
  const mainShare = review.sidePath ? layout.sideRatio : 1;
  return (
    <div className="review-workspace">
      <OverflowRow label="Workspace" className="review-toolbar">
        <div className="review-segmented" role="group" aria-label="Layout">
          {layouts.map((option) => (
            <button
              key={option.mode}
              type="button"
              aria-pressed={mode === option.mode}
              // Review keys are Ctrl or Cmd with Alt (useReview.ts).
              {...shortcutAttributes(option.name, `Mod-Alt-${option.key}`)}
              onClick={() => review.setLayout({ mode: option.mode })}
            >
              {option.name}
            </button>
          ))}
        </div>
        {viewTools}
        <span className="review-toolbar-gap" />
        <div className="folio-bar-group" role="group" aria-label="Review">
          {(
            [
              [
                'Suggest',
                review.suggesting,
                review.toggleSuggest,
                'Suggest mode: typing and deleting become suggestions',
                'Mod-Alt-s',
              ],
              [
                'Suggestions',
                review.panel === 'suggestions',
                () => review.togglePanel('suggestions'),
                'Suggestions and comments in this article',
                'Mod-Alt-r',
              ],
              [
                'History',
                review.panel === 'history',
                () => review.togglePanel('history'),
                'Snapshots of this article',
                'Mod-Alt-h',
              ],
            ] as const
          ).map(([name, pressed, toggle, title, key]) => (
            <button
              key={name}
              type="button"
              aria-pressed={pressed}
              {...shortcutAttributes(title, key)}
              disabled={!open}
              onClick={toggle}
            >
              {name}
            </button>
          ))}
        </div>
        {windowTools}
      </OverflowRow>
      <div className="review-body">
        <div className="review-columns">
          <div className="review-panes review-main" data-mode={mode} style={{ flexGrow: mainShare }}>
            <div className="review-slot" hidden={mode === 'preview'} style={{ flexGrow: editorShare }}>
              {editor}
            </div>
            {mode === 'split' && (
              <Splitter
                label="Resize editor and preview"
                ratio={layout.ratio}
                min={0.2}
                max={0.8}
                onChange={(ratio) => review.setLayout({ ratio })}
              />
            )}
            <div
              className="review-slot"
              hidden={mode === 'editor'}
              style={{ flexGrow: mode === 'split' ? 1 - layout.ratio : 1 }}
            >
              {preview}
            </div>
          </div>
          {review.sidePath && (
            <>
              <Splitter
                label="Resize the two articles"
                ratio={layout.sideRatio}
                min={0.25}
                max={0.75}
                onChange={(sideRatio) => review.setLayout({ sideRatio })}
              />
              <div className="review-side-host" style={{ flexGrow: 1 - layout.sideRatio }}>
                <SidePane
                  key={review.sidePath}
                  path={review.sidePath}
                  mode={layout.sideMode}
                  onModeChange={(sideMode) => review.setLayout({ sideMode })}
                  onCompare={(text) =>
                    open &&
                    review.openCompare({
                      before: { label: open.doc.path, text: open.text },
                      after: { label: review.sidePath!, text },
                    })
                  }
                  onClose={review.closeSide}
                />
              </div>
            </>
          )}
        </div>
        {open && review.panel === 'history' && (
          <HistoryPanel
            path={open.doc.path}
            currentText={open.text}
            savedHash={open.baseHash}
            onCompare={review.openCompare}
            onRestore={review.restore}
            onClose={() => review.togglePanel('history')}
          />
        )}
        {open && review.panel === 'suggestions' && (
          <SuggestionsPanel
            text={open.text}
            suggesting={review.suggesting}
            onToggleSuggest={review.toggleSuggest}
            onResolve={review.resolve}
            onResolveAll={review.resolveAll}
            onReveal={review.reveal}
            onClose={() => review.togglePanel('suggestions')}
          />
        )}
        {review.compare && (
          <CompareView
            request={review.compare}
            baseUrl={open ? assetBase(open.doc.path) : null}
            onClose={review.closeCompare}
          />
        )}
      </div>
      {review.merge && (
        <MergeDialog
          path={review.merge.path}
          base={review.merge.base}
          mine={review.merge.mine}
          theirs={review.merge.theirs}
          onConfirm={review.confirmMerge}
          onCancel={review.cancelMerge}
        />
      )}
    </div>
  );
}
