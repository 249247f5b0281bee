/** The window event that asks the library pane to start a new article. */
const newArticleEvent = 'folio:new-article';
/** The window event that asks quick-open (Ctrl/Cmd+P) to show itself. */
const quickOpenEvent = 'folio:quick-open';

/**
 * Asks the library pane to show its "New article" dialog (in the library's top folder): the
 * editor's empty state calls this, so that the dialog's state stays in the pane.
 */
export function requestNewArticle(): void {
  window.dispatchEvent(new Event(newArticleEvent));
}

/** Calls `listener` on each {@link requestNewArticle}; returns the function that stops it. */
export function onNewArticleRequest(listener: () => void): () => void {
  window.addEventListener(newArticleEvent, listener);
  return () => window.removeEventListener(newArticleEvent, listener);
}

/** Opens quick-open, as Ctrl/Cmd+P does (for buttons that offer it). */
export function requestQuickOpen(): void {
  window.dispatchEvent(new Event(quickOpenEvent));
}

/** Calls `listener` on each {@link requestQuickOpen}; returns the function that stops it. */
export function onQuickOpenRequest(listener: () => void): () => void {
  window.addEventListener(quickOpenEvent, listener);
  return () => window.removeEventListener(quickOpenEvent, listener);
}
