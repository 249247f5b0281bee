/**
 * Content Security Policy of the app shell. The built `index.html` carries it as a `<meta>`
 * with the placeholder {@link noncePlaceholder}; whoever serves the file (Electron's app
 * protocol, browser mode's server) replaces the placeholder with a fresh nonce per response,
 * which CodeMirror also uses for its style elements.
 */
export const noncePlaceholder = '__FOLIO_CSP_NONCE__';

/** Replaces every nonce placeholder in an HTML document with `nonce` (base64). */
export function injectCspNonce(html: string, nonce: string): string {
  if (!/^[A-Za-z0-9+/=]+$/.test(nonce)) throw new Error('A nonce must be base64.');
  return html.split(noncePlaceholder).join(nonce);
}

/**
 * Headers that make the app shell cross-origin isolated, which is what lets the page share
 * memory with its preview worker (`SharedArrayBuffer`): the preview's answer to a keystroke is
 * then read in the same frame as the editor's echo (see renderer/src/preview/frame-handoff.ts).
 * `credentialless` rather than `require-corp`, so that remote images an author allows still
 * load (without cookies) although they send no `Cross-Origin-Resource-Policy`.
 */
export const isolationHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};
