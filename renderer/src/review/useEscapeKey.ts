import { useEffect, type RefObject } from 'react';

/**
 * Calls `onEscape` when Escape is pressed anywhere in the window, for views that cover the
 * workspace (comparison, merge dialogs). With `focus`, that element takes the focus when the
 * view opens (and whenever `onEscape` changes), so that keyboard users start inside it.
 */
export function useEscapeKey(onEscape: () => void, focus?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    focus?.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onEscape();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // `focus` is a ref: its identity never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onEscape]);
}
