import { useEffect } from 'react';
import { onAnnouncement } from './announcer';
import './LiveRegion.css';

/**
 * How long a region stays empty before new words go in. Screen readers speak a live region's
 * change, not its content: emptying it first makes the same words ("Saved") speak again, and
 * gives a region just made (see below) time to be known before it changes.
 */
const clearBeforeMs = 60;

/**
 * How long words stay in a region once said. Left there, they were said again by Orca when a
 * modal dialog closed and the page's region stopped being inert ("Saved" after an export).
 */
const clearAfterMs = 5000;

/** The open modal dialog on top, if any: everything outside it is inert, hence silent. */
function topmostModal(): HTMLDialogElement | null {
  const open = document.querySelectorAll<HTMLDialogElement>('dialog[open]');
  for (let i = open.length - 1; i >= 0; i--) if (open[i]!.matches(':modal')) return open[i]!;
  return null;
}

/** The live region that is a direct child of `host`, made when there is none. */
function regionIn(host: HTMLElement): HTMLElement {
  const found = host.querySelector<HTMLElement>(':scope > .folio-live-region');
  if (found) return found;
  const region = document.createElement('div');
  region.className = 'folio-live-region';
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  host.append(region);
  return region;
}

/**
 * The window's live region, visually hidden, which speaks what `announce()` is given:
 * `aria-live` is set to the announcement's politeness just before its words go in. While a
 * modal `<dialog>` is open the page behind it is inert and a screen reader ignores changes there
 * (Orca spoke "Export done" only once the dialog had closed), so announcements made then go to a
 * region inside that dialog, which leaves with it; the page's own region is never moved (Orca
 * stopped hearing a region that had moved into a dialog and back). Render this once, at the top
 * of the app.
 */
export function LiveRegion(): null {
  useEffect(() => {
    const page = regionIn(document.body);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let spoken: HTMLElement | null = null;
    const stop = onAnnouncement(({ text, politeness }) => {
      if (timer) clearTimeout(timer);
      if (spoken) spoken.textContent = '';
      const region = regionIn(topmostModal() ?? document.body);
      region.textContent = '';
      timer = setTimeout(() => {
        region.setAttribute('aria-live', politeness);
        region.textContent = text;
        spoken = region;
        timer = setTimeout(() => {
          region.textContent = '';
          spoken = null;
        }, clearAfterMs);
      }, clearBeforeMs);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
      page.remove();
    };
  }, []);
  return null;
}
