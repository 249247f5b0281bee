import type { ChangeSet, Extension, Text } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { scanDocument, updateScan, type DocumentScan } from './document-scan';
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

/** A document whose figures are known, and the changes made to it since. */
interface KnownScan {
  readonly doc: Text;
  scan: DocumentScan | null;
  changes: ChangeSet | null;
}

/**
 * The bridge between the one `EditorView` and the panels around it (toolbar, palette,
 * outline, status bar): an external store they read with `useSyncExternalStore`. Whole-
 * document figures (outline, word count) follow typing once it pauses (and every
 * {@link documentMaxWaitMs} while it goes on), never inside a keystroke: worked out from the
 * last figures and the lines typed in when that can be done exactly (`updateScan`), else by
 * a scan of the whole document in idle-time slices. Selection figures follow on the next frame.
 */
export class EditorSession {
  private snapshot: SessionSnapshot = empty;
  private readonly listeners = new Set<() => void>();
  private documentTimer: ReturnType<typeof setTimeout> | null = null;
  private selectionFrame: number | null = null;
  private pendingSince = 0;
  private cancelScan: (() => void) | null = null;
  /** The last document scanned whole or updated, with its figures and the changes since. */
  private known: KnownScan | null = null;
  /** The document a whole scan under way reads, with the changes made since it started. */
  private scanning: KnownScan | null = null;
  private scans = 0;

  /** How many whole-document scans ran to their end since the session was created. */
  get wholeScans(): number {
    return this.scans;
  }

  /** The current snapshot (a new object after every change). */
  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The extension that reports the editor's changes to this session. */
  readonly extension: Extension = EditorView.updateListener.of((update: ViewUpdate) => {
    if (update.docChanged) {
      if (this.known) this.known.changes = composed(this.known.changes, update.changes);
      if (this.scanning) this.scanning.changes = composed(this.scanning.changes, update.changes);
      this.scheduleDocument();
    } else if (update.selectionSet) this.scheduleSelection();
  });

  /** Records the view (or its destruction, `null`) and recomputes everything. */
  attach(view: EditorView | null): void {
    this.cancel();
    this.known = null;
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
    const doc = view.state.doc;
    const known = this.known;
    if (known?.scan) {
      const updated = known.changes
        ? updateScan(known.scan, known.doc, known.changes, doc)
        : known.doc === doc
          ? known.scan
          : null;
      if (updated) {
        this.cancelScan?.();
        this.cancelScan = null;
        this.scanning = null;
        this.known = { doc, scan: updated, changes: null };
        this.finish(view, updated);
        return;
      }
    }
    this.cancelScan?.();
    const step = scanDocument(doc);
    const scanning: KnownScan = { doc, scan: null, changes: null };
    this.scanning = scanning;
    const run = (timeLeft: () => number): void => {
      const sliceEnd = performance.now() + scanSliceMs;
      const result = step(() => timeLeft() < 2 || performance.now() > sliceEnd);
      if (result) {
        this.cancelScan = null;
        this.scanning = null;
        this.scans++;
        this.known = { ...scanning, scan: result };
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
    this.scanning = null;
    if (this.documentTimer !== null) clearTimeout(this.documentTimer);
    if (this.selectionFrame !== null) cancelAnimationFrame(this.selectionFrame);
    this.documentTimer = null;
    this.selectionFrame = null;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function composed(before: ChangeSet | null, next: ChangeSet): ChangeSet {
  return before ? before.compose(next) : next;
}

function sameCounts(a: TextCounts | null, b: TextCounts | null): boolean {
  return a === b || (a !== null && b !== null && a.words === b.words && a.characters === b.characters);
}
