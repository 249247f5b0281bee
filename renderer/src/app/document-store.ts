import type { ArticleDocument } from '../../../shared/contract';

/** The open article as the app sees it: what is on disk, and what the editor holds now. */
export interface OpenArticle {
  readonly doc: ArticleDocument;
  /** Hash of the version on disk that the editor text is based on. */
  readonly baseHash: string;
  /** Text last read from or written to disk. */
  readonly savedText: string;
  /** Current editor text. */
  readonly text: string;
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
    this.set({ doc, baseHash: doc.hash, savedText: doc.text, text: doc.text });
  }

  /** Records the editor's current text. */
  edit(text: string): void {
    if (this.state && this.state.text !== text) this.set({ ...this.state, text });
  }

  /** Records a successful save of `text` that produced `hash`. */
  saved(text: string, hash: string): void {
    if (this.state) this.set({ ...this.state, savedText: text, baseHash: hash });
  }

  /** Closes the article. */
  close(): void {
    this.set(null);
  }

  private set(next: OpenArticle | null): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
