/**
 * The event the outline dispatches on `window` when the author picks a heading, so that other
 * views (the preview) can scroll there too without depending on the outline:
 *
 * ```ts
 * window.addEventListener(revealLineEvent, (event) => scrollPreviewTo(event.detail.line));
 * ```
 */
export const revealLineEvent = 'folio:reveal-line';

/** The detail of a {@link revealLineEvent}. */
export interface RevealLineDetail {
  /** 1-based line of the editor document (frontmatter included) to bring into view. */
  readonly line: number;
  /** Library path of the article. */
  readonly path: string | null;
}

declare global {
  interface WindowEventMap {
    [revealLineEvent]: CustomEvent<RevealLineDetail>;
  }
}

/** Dispatches a {@link revealLineEvent}. */
export function dispatchRevealLine(detail: RevealLineDetail): void {
  window.dispatchEvent(new CustomEvent(revealLineEvent, { detail }));
}
