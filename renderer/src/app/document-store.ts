import type { ArticleDocument } from '../../../shared/contract';
import { openingFence } from '../../../shared/frontmatter';
import { frontmatterOfReader, stringReader, type TextReader } from './text-reader';

/**
 * How long typing must pause before the app hears of the new text (the dirty mark; autosave
 * and the journal, which wait for a pause of their own after it).
 */
export const typingSettleMs = 300;

/** The open article as the app sees it: what is on disk, and what the editor holds now. */
export interface OpenArticle {
  readonly doc: ArticleDocument;
  /**
   * The document the editor was last given. A new object (a new read, a restored or merged
   * text) replaces the editor's text; typing, saves and renames keep the same object.
   */
  readonly loaded: ArticleDocument;
  /** Hash of the version on disk that the editor text is based on. */
  readonly baseHash: string;
  /** Text last read from or written to disk. */
  readonly savedText: string;
  /** Current editor text. */
  readonly text: string;
  /** Set while the file on disk no longer matches `baseHash` and the author must choose. */
  readonly conflict: DiskConflict | null;
  /** True while a save is in flight. */
  readonly saving: boolean;
  /** Why the last save failed (the text is kept); `null` after a successful save. */
  readonly saveError: string | null;
}

/** What is on disk when it differs from the version the editor text is based on. */
export interface DiskConflict {
  /** The text on disk now; `null` when the file was deleted or cannot be read as text. */
  readonly diskText: string | null;
  /** Hash of the bytes on disk now; `null` when the file was deleted. */
  readonly diskHash: string | null;
}

/**
 * Readers of the typed text of the snapshots that have one (see {@link DocumentStore.typed}):
 * what the app asks of the text at each pause in typing (is it dirty, where does its frontmatter
 * end) is answered without building it.
 */
const typedReaders = new WeakMap<OpenArticle, TextReader>();

/** A reader of the snapshot's text that builds it only if it must. */
function readerOf(state: OpenArticle): TextReader {
  return typedReaders.get(state) ?? stringReader(state.text);
}

/** True when the editor holds text that is not on disk. */
export function isDirty(state: OpenArticle | null): boolean {
  if (state === null) return false;
  // Text of another length differs, without building it.
  const typed = typedReaders.get(state);
  if (typed && typed.length !== state.savedText.length) return true;
  return state.text !== state.savedText;
}

/**
 * The start of the snapshot's text up to the end of its frontmatter block, or its first 4
 * characters when it has none (so that a fence being typed still shows): what the frontmatter
 * form is a view of. Reads no further than the block, even in a long article being typed.
 */
export function frontmatterPrefix(state: OpenArticle): string {
  const reader = readerOf(state);
  const block = frontmatterOfReader(reader);
  return reader.slice(0, block ? block.to : Math.min(reader.length, 4));
}

/** What {@link DocumentStore.typed} is told of a change the author typed. */
export interface TypedChange extends TextReader {
  /** The new text (built only when read; see {@link TextReader}). */
  text(): string;
  /** Offset in the previous text where the change starts. */
  readonly from: number;
}

type Listener = () => void;

/** Longest wait for a frame before the first keystroke's notification goes out regardless. */
const paintWaitMs = 100;

/**
 * A small external store for the open article, read with `useSyncExternalStore`. The editor
 * pushes its text here; the preview, status bar and title derive from it, so the document is
 * never mirrored into React state by effects.
 */
export class DocumentStore {
  private state: OpenArticle | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly typingListeners = new Set<Listener>();

  /** Current snapshot (a new object after every change). */
  readonly getSnapshot = (): OpenArticle | null => this.state;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Tells `listener` of each keystroke at once (subscribers hear of typing only when it pauses):
   * work that waits for a pause in typing (autosave, the journal) waits again. The listener
   * must be cheap; the snapshot's text is not built for it. Returns the unsubscribe function.
   */
  readonly onTyping = (listener: Listener): (() => void) => {
    this.typingListeners.add(listener);
    return () => this.typingListeners.delete(listener);
  };

  /** Replaces the open article with a freshly read one. */
  open(doc: ArticleDocument): void {
    this.set({
      doc,
      loaded: doc,
      baseHash: doc.hash,
      savedText: doc.text,
      text: doc.text,
      conflict: null,
      saving: false,
      saveError: null,
    });
  }

  /**
   * Opens an article whose editor text is not what is on disk (restored from the recovery
   * journal, or a merge result): `text` is shown, based on `baseHash`, compared with `savedText`.
   */
  openWithText(doc: ArticleDocument, text: string, baseHash: string, savedText: string): void {
    const loaded = { ...doc, text };
    this.set({
      doc: loaded,
      loaded,
      baseHash,
      savedText,
      text,
      conflict: null,
      saving: false,
      saveError: null,
    });
  }

  /**
   * Records the editor's current text after a change other than the author's typing (the
   * frontmatter form's, whose inputs show the text, a command): subscribers are told at once.
   */
  edit(text: string): void {
    if (!this.state || this.state.text === text) return;
    this.set({ ...this.state, text });
  }

  /**
   * Records what the author typed in the editor. The snapshot changes at once (a save reads
   * it), but its text is built only when read: a long article's text costs milliseconds and as
   * much garbage, which on every keystroke held up the preview's patch. Subscribers hear of it
   * once typing pauses ({@link typingSettleMs}), except for the first keystroke after a clean
   * state (the dirty mark shows at once) and typing in the frontmatter, which the form follows
   * at once: each in a task after the keystroke's frame is painted, so that the editor's echo and
   * the preview's patch are not held up by the app's re-render. Autosave and the journal, which
   * send the whole text, thus never run while the author types.
   */
  typed(change: TypedChange): void {
    if (!this.state) return;
    this.state = withLazyText(this.state, change.text);
    typedReaders.set(this.state, change);
    for (const listener of this.typingListeners) listener();
    // The first keystroke after a clean state is told at once, so the dirty mark never lags.
    if (change.from < this.headEnd || !this.toldDirty) {
      this.scheduleAfterPaint();
      return;
    }
    this.schedule(typingSettleMs);
  }

  /** Records a successful save of `text` that produced `hash`. */
  saved(text: string, hash: string): void {
    if (this.state) {
      this.set({
        ...this.state,
        savedText: text,
        baseHash: hash,
        saving: false,
        saveError: null,
        conflict: null,
      });
    }
  }

  /** Marks a save as started. */
  savingStarted(): void {
    if (this.state) this.set({ ...this.state, saving: true });
  }

  /** Records a failed save; the editor text stays as it is. */
  saveFailed(reason: string): void {
    if (this.state) this.set({ ...this.state, saving: false, saveError: reason });
  }

  /** Records that the file on disk changed under unsaved (or deleted under any) text. */
  conflicted(conflict: DiskConflict): void {
    if (this.state) this.set({ ...this.state, saving: false, conflict });
  }

  /** Follows the open article to its new path after a rename or move. */
  renamed(path: string): void {
    if (this.state) this.set({ ...this.state, doc: { ...this.state.doc, path } });
  }

  /** Closes the article. */
  close(): void {
    this.set(null);
  }

  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private notifyFrame: number | null = null;
  /** Offset below which typing may change the frontmatter (see {@link typed}). */
  private headEnd = Infinity;
  /** Whether subscribers were last told of a dirty article (see {@link typed}). */
  private toldDirty = false;

  private set(next: OpenArticle | null): void {
    this.state = next;
    this.notify();
  }

  private schedule(delayMs: number): void {
    this.cancelNotify();
    this.notifyTimer = setTimeout(() => this.notify(), delayMs);
  }

  /**
   * Notifies in a task after the next frame; where no frame comes (no frames at all, a hidden
   * window), in the next task or after {@link paintWaitMs}.
   */
  private scheduleAfterPaint(): void {
    if (typeof requestAnimationFrame !== 'function') {
      this.schedule(0);
      return;
    }
    this.schedule(paintWaitMs);
    this.notifyFrame = requestAnimationFrame(() => {
      this.notifyFrame = null;
      this.schedule(0);
    });
  }

  private cancelNotify(): void {
    if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
    if (this.notifyFrame !== null) cancelAnimationFrame(this.notifyFrame);
    this.notifyTimer = null;
    this.notifyFrame = null;
  }

  private notify(): void {
    this.cancelNotify();
    this.headEnd = this.state ? frontmatterEnd(readerOf(this.state)) : Infinity;
    this.toldDirty = isDirty(this.state);
    for (const listener of this.listeners) listener();
  }
}

/** Where the text's frontmatter ends (a few characters when it has none: a fence may be typed). */
function frontmatterEnd(text: TextReader): number {
  if (!openingFence(text.slice(0, Math.min(text.length, 64)))) return 4;
  // An opening fence without a closing one: any edit may close it.
  return frontmatterOfReader(text)?.to ?? Infinity;
}

/**
 * `state` with its text read from `read` when first asked for (once), every other field as it
 * is. The fields are named one by one, so that a lazy text of the state before is not built.
 */
function withLazyText(state: OpenArticle, read: () => string): OpenArticle {
  let text: string | null = null;
  return {
    doc: state.doc,
    loaded: state.loaded,
    baseHash: state.baseHash,
    savedText: state.savedText,
    conflict: state.conflict,
    saving: state.saving,
    saveError: state.saveError,
    get text(): string {
      return (text ??= read());
    },
  };
}
