import type { ArticleDocument } from '../../../shared/contract';

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

/** True when the editor holds text that is not on disk. */
export function isDirty(state: OpenArticle | null): boolean {
  return state !== null && state.text !== state.savedText;
}

type Listener = () => void;

/**
 * A small external store for the open article, read with `useSyncExternalStore`. The editor
 * pushes its text here; the preview, status bar and title derive from it, so the document is
 * never mirrored into React state by effects.
 */
export class DocumentStore {
  private state: OpenArticle | null = null;
  private readonly listeners = new Set<Listener>();

  /** Current snapshot (a new object after every change). */
  readonly getSnapshot = (): OpenArticle | null => this.state;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
   * Records the editor's current text. With `typing` (the author typed in the editor) the
   * snapshot changes at once (a save reads it) but subscribers hear of it in a task of its
   * own: rendering the app for the dirty mark and the counts would otherwise run inside the
   * keystroke, before the frame that shows the character. Other changes (the frontmatter form's,
   * whose inputs show the text) are told at once.
   */
  edit(text: string, typing = false): void {
    if (!this.state || this.state.text === text) return;
    if (!typing) {
      this.set({ ...this.state, text });
      return;
    }
    this.state = { ...this.state, text };
    this.notifyTimer ??= setTimeout(() => this.notify(), 0);
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

  private set(next: OpenArticle | null): void {
    this.state = next;
    this.notify();
  }

  private notify(): void {
    if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    for (const listener of this.listeners) listener();
  }
}
