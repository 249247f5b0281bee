/** The origin the app shell is served from (the custom `app:` scheme). */
export const appOrigin = 'app://folio';

/**
 * True when an IPC message comes from Folio's own top-level page: the sending frame must be
 * the main frame and its URL must be on the app origin. The preview iframe, any navigation
 * elsewhere, and any other window are refused.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === appOrigin || frame.url.startsWith(`${appOrigin}/`);
  } catch {
    return false;
  }
}
