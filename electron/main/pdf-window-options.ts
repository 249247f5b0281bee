import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The hidden window that prints an export to PDF: never shown, JavaScript off (the page has
 * none, and its CSP forbids it anyway), sandboxed, no preload, no Node, no plugins.
 */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: false,
      images: true,
      spellcheck: false,
    },
  };
}
