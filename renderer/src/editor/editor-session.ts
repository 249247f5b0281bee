import type { Extension } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { scanDocument, type DocumentScan } from './document-scan';
import { currentHeadingIndex, type OutlineHeading } from './outline';
import { selectionCounts, type ArticleStatistics, type TextCounts } from './statistics';

/** What the panels around the editor show, derived from the editor state. */
export interface SessionSnapshot {
  /** The live view, for commands; null before an article is open. */
  readonly view: EditorView | null;
  readonly outline: readonly OutlineHeading[];
  /** Index into `outline` of the section holding the cursor, or -1. */
  readonly activeHeading: number;
  readonly statistics: ArticleStatistics | null;
  /** Counts of the selection, or null when nothing is selected. */
  readonly selection: TextCounts | null;
}

/** How long typing must pause before whole-article figures (words, outline) are recomputed. */
export const documentSettleMs = 300;

/** Longest that whole-article figures lag behind continuous typing. */
export const documentMaxWaitMs = 2500;

const empty: SessionSnapshot = {
  view: null,
  outline: [],
  activeHeading: -1,
  statistics: null,
  selection: null,
};

/**
 * Longest slice of whole-document work (ms). An idle period may last 50 ms, but a keystroke may
 * come at any moment, and it waits for the slice under way: a long article's word count, done
 * in slices as long as the idle periods, held up one keystroke in a few.
 */
export const scanSliceMs = 4;

/** Runs `work` when the main thread is idle (or soon, where idle callbacks do not exist). */
function whenIdle(work: (timeLeft: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => work(() => deadline.timeRemaining()), { timeout: 400 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const end = performance.now() + 8;
    work(() => end - performance.now());
  }, 0);
  return () => clearTimeout(id);
}

/**
 * The bridge between the one `EditorView` and the panels around it (toolbar, palette,
 * outline, status bar): an external store they read with `useSyncExternalStore`. Whole-
 * document work (outline, word count) runs after typing pauses, in idle-time slices, never
 * inside a keystroke; selection figures follow on the next frame.
 */
export class EditorSession {
  private snapshot: SessionSnapshot = empty;
  private readonly listeners = new Set<() => void>();
  private documentTimer: ReturnType<typeof setTimeout> | null = null;
  private selectionFrame: number | null = null;
  private pendingSince = 0;
  private cancelScan: (() => void) | null = null;

  /** The current snapshot (a new object after every change). */
  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The extension that reports the editor's changes to this session. */
  readonly extension: Extension = EditorView.updateListener.of((update: ViewUpdate) => {
    if (update.docChanged) this.scheduleDocument();
    else if (update.selectionSet) this.scheduleSelection();
  });

  /** Records the view (or its destruction, `null`) and recomputes everything. */
  attach(view: EditorView | null): void {
    this.cancel();
    this.snapshot = view
      ? { view, outline: [], activeHeading: -1, statistics: null, selection: selectionCounts(view.state) }
      : empty;
    this.emit();
    if (view) this.refresh();
  }

  /** Recomputes the whole-document figures (in idle slices) for the view's current state. */
  refresh(): void {
    const view = this.snapshot.view;
    if (!view) return;
    this.cancelScan?.();
    const step = scanDocument(view.state.doc);
    const run = (timeLeft: () => number): void => {
      const sliceEnd = performance.now() + scanSliceMs;
      const result = step(() => timeLeft() < 2 || performance.now() > sliceEnd);
      if (result) {
        this.cancelScan = null;
        this.finish(view, result);
      } else this.cancelScan = whenIdle(run);
    };
    this.cancelScan = whenIdle(run);
  }

  private finish(view: EditorView, scan: DocumentScan): void {
    if (this.snapshot.view !== view) return;
    this.snapshot = {
      ...this.snapshot,
      outline: scan.outline,
      statistics: scan.statistics,
      activeHeading: currentHeadingIndex(scan.outline, view.state.selection.main.head),
      selection: selectionCounts(view.state),
    };
    this.emit();
  }

  private scheduleDocument(): void {
    // Debounced, but never postponed past documentMaxWaitMs, so figures move during long typing.
    const now = Date.now();
    if (this.documentTimer === null) this.pendingSince = now;
    else if (now - this.pendingSince > documentMaxWaitMs) return;
    else clearTimeout(this.documentTimer);
    this.documentTimer = setTimeout(() => {
      this.documentTimer = null;
      this.refresh();
    }, documentSettleMs);
  }

  private scheduleSelection(): void {
    if (this.selectionFrame !== null) return;
    this.selectionFrame = requestAnimationFrame(() => {
      this.selectionFrame = null;
      const view = this.snapshot.view;
      if (!view) return;
      const activeHeading = currentHeadingIndex(this.snapshot.outline, view.state.selection.main.head);
      const selection = selectionCounts(view.state);
      if (activeHeading === this.snapshot.activeHeading && sameCounts(selection, this.snapshot.selection))
        return;
      this.snapshot = { ...this.snapshot, activeHeading, selection };
      this.emit();
    });
  }

  private cancel(): void {
    this.cancelScan?.();
    this.cancelScan = null;
    if (this.documentTimer !== null) clearTimeout(this.documentTimer);
    if (this.selectionFrame !== null) cancelAnimationFrame(this.selectionFrame);
    this.documentTimer = null;
    this.selectionFrame = null;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function sameCounts(a: TextCounts | null, b: TextCounts | null): boolean {
  return a === b || (a !== null && b !== null && a.words === b.words && a.characters === b.characters);
}
