import { useEffect, useRef, type ReactElement } from 'react';
import { onAnnouncement } from './announcer';
import './LiveRegion.css';

/**
 * How long the region stays empty before new words go in. Screen readers speak a live region's
 * change, not its content: emptying it first makes the same words ("Saved") speak again.
 */
const clearBeforeMs = 60;

/**
 * The window's one `aria-live` region, visually hidden. It speaks what `announce()` is given:
 * `aria-live` is set to the announcement's politeness just before its words go in. Render it
 * once, at the top of the app.
 */
export function LiveRegion(): ReactElement {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onAnnouncement(({ text, politeness }) => {
      const element = region.current;
      if (!element) return;
      if (timer) clearTimeout(timer);
      element.textContent = '';
      timer = setTimeout(() => {
        element.setAttribute('aria-live', politeness);
        element.textContent = text;
      }, clearBeforeMs);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return (
    <div
      ref={region}
      className="folio-live-region"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-region"
    />
  );
}
