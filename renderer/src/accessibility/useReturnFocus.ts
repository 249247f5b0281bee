import { useEffect, useState } from 'react';

/** The main editor's text, where the focus goes when nothing better is left. */
function mainEditor(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.folio-pane-editor .cm-content');
}

/** Whether the focus is nowhere in particular (the page itself, or an element just removed). */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/**
 * Gives the focus back, when the calling component unmounts, to the element that had it when the
 * component first rendered (the button or the editor a dialog was opened from). Every dialog and
 * covering view calls it, so closing one lands the keyboard where it was.
 *
 * The focus is only given back when it is lost (on the page itself): a dialog that replaces this
 * one and took the focus keeps it. When the opener has left the page meanwhile (its row was
 * re-rendered, the article closed), or was the page itself, the focus goes to `fallback()`;
 * by default the main editor, when an article is open.
 */
export function useReturnFocus(fallback: () => HTMLElement | null = mainEditor): void {
  // Read during the first render: before any child's `autoFocus` moves the focus inside.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : null,
  );
  useEffect(
    () => () => {
      // After the dialog's own DOM is gone and any next dialog has placed its focus.
      queueMicrotask(() => {
        if (!focusIsLost()) return;
        const target = opener?.isConnected ? opener : fallback();
        target?.focus({ preventScroll: true });
      });
    },
    // The opener and the fallback are those of the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
}
