import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, isFolioError } from '../../../shared/errors';
import {
  parseCriticMarkup,
  resolveMark,
  type CriticDecision,
  type CriticMark,
} from '../../../shared/review/critic-markup';
import { api } from '../api';
import type { DocumentStore } from '../app/document-store';
import type { CompareRequest } from './CompareView';
import { criticHighlighting, suggestMode } from './critic-editor';
import { loadLayout, saveLayout, type LayoutMode, type LayoutSettings } from './layout-settings';
import { countOf } from '../../../shared/plural';

/** Options of {@link useReview}. */
export interface ReviewOptions {
  /** The main article's store. */
  readonly store: DocumentStore;
  /** Called after the review itself saved the article (a confirmed merge). */
  readonly onSaved: () => void;
  /** Shows a short message in the status bar. */
  readonly onMessage: (message: string) => void;
}

/** Which side panel is open. */
export type ReviewPanel = 'history' | 'suggestions' | null;

/** A pending three-way merge (see `MergeDialog`). */
export interface MergeRequest {
  readonly path: string;
  readonly base: string;
  readonly mine: string;
  readonly theirs: string;
  /** Hash of the disk version `theirs` was read from; the merged text is saved against it. */
  readonly diskHash: string;
}

/** Everything the review features expose to the app and to `ReviewWorkspace`. */
export interface ReviewController {
  readonly store: DocumentStore;
  readonly layout: LayoutSettings;
  readonly setLayout: (change: Partial<LayoutSettings>) => void;
  readonly suggesting: boolean;
  readonly toggleSuggest: () => void;
  readonly panel: ReviewPanel;
  readonly togglePanel: (panel: Exclude<ReviewPanel, null>) => void;
  /** Library path of the article open to the side. */
  readonly sidePath: string | null;
  readonly openToSide: (path: string) => void;
  readonly closeSide: () => void;
  readonly compare: CompareRequest | null;
  readonly openCompare: (request: CompareRequest) => void;
  readonly closeCompare: () => void;
  readonly merge: MergeRequest | null;
  /** Opens the three-way merge (also the seam for a conflict banner). */
  readonly openMerge: (request: MergeRequest) => void;
  readonly confirmMerge: (text: string) => void;
  readonly cancelMerge: () => void;
  /** Extensions for the main editor: CriticMarkup highlighting and, when on, suggest mode. */
  readonly editorExtensions: readonly Extension[];
  /** Give this to the main editor's `onView`. */
  readonly onView: (view: EditorView | null) => void;
  /** Replaces the editor text as one undoable edit. */
  readonly applyText: (text: string, userEvent?: string) => void;
  /** Restores a snapshot's text as one undoable edit, saying so. */
  readonly restore: (text: string, label: string) => void;
  readonly resolve: (mark: CriticMark, decision: CriticDecision) => void;
  readonly resolveAll: (decision: CriticDecision) => void;
  readonly reveal: (mark: CriticMark) => void;
  /**
   * Handles a failed save: a `CONFLICT` with the disk text opens the merge and returns true;
   * anything else returns false for the caller to report.
   */
  readonly handleSaveError: (error: unknown) => boolean;
}

function conflictDetails(error: unknown): { diskText: string; diskHash: string } | null {
  if (!isFolioError(error, 'CONFLICT')) return null;
  const details = error.details as { diskText?: unknown; diskHash?: unknown } | undefined;
  return typeof details?.diskText === 'string' && typeof details.diskHash === 'string'
    ? { diskText: details.diskText, diskHash: details.diskHash }
    : null;
}

// The smallest single change that turns `from` into `to`, so that the cursor and the undo step
// cover only what changed.
function minimalChange(from: string, to: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end))
    end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

/**
 * The review features' state and actions: layout (remembered), suggest mode, side panels, the
 * article open to the side, comparisons and the conflict merge. Keyboard shortcuts:
 * Ctrl/Cmd+Alt+1 editor only, +2 side by side, +3 preview only, +H history, +R suggestions,
 * +S suggest mode.
 */
export function useReview({ store, onSaved, onMessage }: ReviewOptions): ReviewController {
  const [layout, setLayoutState] = useState<LayoutSettings>(loadLayout);
  const [suggesting, setSuggesting] = useState(false);
  const [panel, setPanel] = useState<ReviewPanel>(null);
  const [sidePath, setSidePath] = useState<string | null>(null);
  const [compare, setCompare] = useState<CompareRequest | null>(null);
  const [merge, setMerge] = useState<MergeRequest | null>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onSaved, onMessage });
  useEffect(() => {
    callbacks.current = { onSaved, onMessage };
  });

  useEffect(() => saveLayout(layout), [layout]);

  const setLayout = useCallback((change: Partial<LayoutSettings>) => {
    setLayoutState((current) => ({ ...current, ...change }));
  }, []);
  const suggestingNow = useRef(false);
  const toggleSuggest = useCallback(() => {
    suggestingNow.current = !suggestingNow.current;
    setSuggesting(suggestingNow.current);
    callbacks.current.onMessage(
      suggestingNow.current ? 'Suggest mode on: your edits become suggestions' : 'Suggest mode off',
    );
  }, []);
  const togglePanel = useCallback(
    (next: Exclude<ReviewPanel, null>) => setPanel((current) => (current === next ? null : next)),
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.shiftKey) return;
      const modes: Record<string, LayoutMode> = { Digit1: 'editor', Digit2: 'split', Digit3: 'preview' };
      if (modes[event.code]) setLayout({ mode: modes[event.code] });
      else if (event.code === 'KeyH') togglePanel('history');
      else if (event.code === 'KeyR') togglePanel('suggestions');
      else if (event.code === 'KeyS') toggleSuggest();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [setLayout, togglePanel, toggleSuggest]);

  const editorExtensions = useMemo(
    () => (suggesting ? [criticHighlighting(), suggestMode()] : [criticHighlighting()]),
    [suggesting],
  );

  const onView = useCallback((created: EditorView | null) => {
    view.current = created;
  }, []);

  const applyText = useCallback((text: string, userEvent = 'review.restore') => {
    const current = view.current;
    if (!current) return;
    const change = minimalChange(current.state.doc.toString(), text);
    current.dispatch({
      changes: change,
      selection: { anchor: change.from + change.insert.length },
      scrollIntoView: true,
      userEvent,
    });
  }, []);

  const restore = useCallback(
    (text: string, label: string) => {
      applyText(text);
      callbacks.current.onMessage(`Restored ${label}. Undo with Ctrl+Z.`);
    },
    [applyText],
  );

  const resolve = useCallback((mark: CriticMark, decision: CriticDecision) => {
    const current = view.current;
    if (!current) return;
    // Re-read the mark from the editor itself, in case the text moved since the panel drew.
    const fresh = parseCriticMarkup(current.state.doc.toString()).find(
      (candidate) => candidate.from === mark.from && candidate.to === mark.to,
    );
    if (!fresh) return;
    current.dispatch({ changes: resolveMark(fresh, decision), userEvent: `review.${decision}` });
  }, []);

  const resolveAll = useCallback((decision: CriticDecision) => {
    const current = view.current;
    if (!current) return;
    const marks = parseCriticMarkup(current.state.doc.toString());
    if (marks.length === 0) return;
    // One transaction: one undo step brings every suggestion back.
    current.dispatch({
      changes: marks.map((mark) => resolveMark(mark, decision)),
      userEvent: `review.${decision}`,
    });
    callbacks.current.onMessage(
      `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${countOf(marks.length, { one: 'suggestion', other: 'suggestions' })}`,
    );
  }, []);

  const reveal = useCallback(
    (mark: CriticMark) => {
      const current = view.current;
      if (!current) return;
      if (layout.mode === 'preview') setLayout({ mode: 'split' });
      current.dispatch({ selection: { anchor: mark.from, head: mark.to }, scrollIntoView: true });
      current.focus();
    },
    [layout.mode, setLayout],
  );

  const handleSaveError = useCallback(
    (error: unknown) => {
      const conflict = conflictDetails(error);
      const open = store.getSnapshot();
      if (!conflict || !open) return false;
      setMerge({
        path: open.doc.path,
        base: open.savedText,
        mine: open.text,
        theirs: conflict.diskText,
        diskHash: conflict.diskHash,
      });
      callbacks.current.onMessage('Not saved: the file changed on disk. Merge the changes to save.');
      return true;
    },
    [store],
  );

  const confirmMerge = useCallback(
    (text: string) => {
      const request = merge;
      if (!request) return;
      setMerge(null);
      applyText(text, 'review.merge');
      void api.saveArticle({ path: request.path, text, baseHash: request.diskHash }).then(
        (result) => {
          const open = store.getSnapshot();
          if (open?.doc.path === request.path) store.saved(text, result.hash);
          callbacks.current.onMessage('Merged and saved');
          callbacks.current.onSaved();
        },
        (error: unknown) => {
          const again = conflictDetails(error);
          if (again) {
            // Changed on disk once more while merging: merge again from what was merged.
            setMerge({
              ...request,
              base: request.theirs,
              mine: text,
              theirs: again.diskText,
              diskHash: again.diskHash,
            });
          } else {
            callbacks.current.onMessage(`Not saved: ${errorMessage(error)}`);
          }
        },
      );
    },
    [merge, applyText, store],
  );

  return {
    store,
    layout,
    setLayout,
    suggesting,
    toggleSuggest,
    panel,
    togglePanel,
    sidePath,
    openToSide: useCallback((path: string) => setSidePath(path), []),
    closeSide: useCallback(() => setSidePath(null), []),
    compare,
    openCompare: setCompare,
    closeCompare: useCallback(() => setCompare(null), []),
    merge,
    openMerge: setMerge,
    confirmMerge,
    cancelMerge: useCallback(() => setMerge(null), []),
    editorExtensions,
    onView,
    applyText,
    restore,
    resolve,
    resolveAll,
    reveal,
    handleSaveError,
  };
}
