import { dialog, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { classifyLink } from './link-policy';

/** Denies every permission request and check: Folio's shell needs none. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Blocks every navigation and new window of `contents`. Links the author clicks go through
 * {@link openLink} instead.
 */
export function lockDownContents(contents: WebContents, window: BrowserWindow): void {
  const block = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault();
    void openLink(window, url);
  };
  contents.on('will-navigate', block);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && event.url.startsWith('app://folio/')) return; // the preview frame
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openLink(window, url);
    return { action: 'deny' };
  });
}

/**
 * The one way a link leaves Folio: only http, https and mailto, after the author confirms the
 * host. Returns true when the link was opened.
 */
export async function openLink(window: BrowserWindow, href: string): Promise<boolean> {
  const decision = classifyLink(href);
  if (decision.kind !== 'external') return false;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Open', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: `Open this link in your browser?`,
    detail: `${decision.host}\n\n${decision.url}`,
  });
  if (response !== 0) return false;
  await shell.openExternal(decision.url);
  return true;
}
