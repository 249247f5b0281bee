import { linkTarget } from './link-target';

/** What the preview frame's events act on. */
export interface FrameEventsHost {
  /** The library path of the article shown (links resolve against it). */
  path(): string;
  /** Whether remote images load for the article shown. */
  remoteImagesAllowed(): boolean;
  /** The source line of a clicked element, or null (off when click-to-source is). */
  lineAt(target: Element | null): number | null;
  /** Moves the editor's cursor to `line` (1-based), shows it and focuses the editor. */
  revealLine(line: number): void;
  /** A link to another article was clicked. */
  openArticle(path: string, fragment: string): void;
  /** A message for the author (a refused link, a missing anchor). */
  status(message: string): void;
  /** Something in the frame changed size (an image became a placeholder). */
  contentChanged(): void;
}

/**
 * Listens to the preview frame's document, which runs no scripts of its own: a click on a link
 * follows it (an anchor in the article, another article, an external page after asking, or a
 * message saying why not), a click elsewhere moves the editor to the block's source line, and
 * an image that cannot load becomes a placeholder that says so.
 */
export function listenToFrame(doc: Document, host: FrameEventsHost): void {
  doc.addEventListener('click', (event) => onClick(event, doc, host), true);
  doc.addEventListener('error', (event) => onResourceError(event, host), true);
}

function onClick(event: MouseEvent, doc: Document, host: FrameEventsHost): void {
  const target = event.target as Element | null;
  const link = target?.closest?.('a[href]');
  if (link) {
    event.preventDefault();
    followLink(link.getAttribute('href') ?? '', doc, host);
    return;
  }
  const placeholder = target?.closest?.('[data-folio-remote]');
  if (placeholder) {
    event.preventDefault();
    return;
  }
  if (event.detail > 1) return;
  const selection = doc.defaultView?.getSelection();
  if (selection && !selection.isCollapsed) return;
  const line = host.lineAt(target);
  if (line !== null) host.revealLine(line);
}

function followLink(href: string, doc: Document, host: FrameEventsHost): void {
  const target = linkTarget(href, host.path());
  if (target.kind === 'anchor') {
    const element = doc.getElementById(target.id) ?? doc.getElementById(`user-content-${target.id}`);
    element?.scrollIntoView({ block: 'start' });
    if (!element) host.status(`There is no “${target.id}” in this article.`);
  } else if (target.kind === 'article') {
    host.openArticle(target.path, target.fragment);
  } else if (target.kind === 'external') {
    // The desktop shell asks before opening (its window-open handler); browser mode asks here.
    if (window.folio || window.confirm(`Open this link in your browser?\n\n${target.host}\n${target.url}`)) {
      window.open(target.url, '_blank', 'noopener,noreferrer');
    }
  } else {
    host.status(target.reason);
  }
}

function onResourceError(event: Event, host: FrameEventsHost): void {
  // The image lives in the frame's realm, so `instanceof HTMLImageElement` would be false.
  const img = event.target as HTMLImageElement | null;
  if (!img || img.nodeName !== 'IMG') return;
  const raw = img.getAttribute('src') ?? '';
  const remote = /^https?:/i.test(raw);
  const placeholder = img.ownerDocument.createElement('span');
  placeholder.className = 'folio-missing-image';
  placeholder.setAttribute('role', 'img');
  const label = remote && !host.remoteImagesAllowed() ? 'Remote image not loaded' : 'Image not found';
  placeholder.setAttribute('aria-label', `${label}: ${raw}`);
  if (remote) placeholder.dataset.folioRemote = '';
  placeholder.textContent = `${label}: ${raw}${img.alt ? ` (${img.alt})` : ''}`;
  img.replaceWith(placeholder);
  host.contentChanged();
}
