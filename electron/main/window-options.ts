import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/** Smallest window Folio opens; three panes stay usable at this size. */
export const minWindowSize = { width: 760, height: 480 } as const;

/**
 * The options of Folio's main window. Security settings are fixed here and nowhere else:
 * sandboxed renderer, context isolation, no Node anywhere (workers and subframes included),
 * web security on, no `<webview>`, spellcheck on for the editor.
 */
export function mainWindowOptions(
  preloadPath: string,
  bounds: Partial<Rectangle> | null,
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    title: 'Folio',
    backgroundColor: '#1e1f24',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
