import { useEffect, type RefObject } from 'react';
import { settingsStore } from './settings-store';

/**
 * Gives a same-origin article frame (the preview, the rendered diff) the app's theme: a theme
 * forced in the settings sets the frame document's `color-scheme`, which the article theme's
 * `light-dark()` colours follow; "system" leaves it to the OS as before. Call it from the
 * frame's `onLoad` (a reload starts a fresh document).
 */
export function applyFrameTheme(frame: HTMLIFrameElement | null): void {
  const root = frame?.contentDocument?.documentElement;
  if (!root) return;
  const { theme } = settingsStore.getSnapshot();
  if (theme === 'system') root.style.removeProperty('color-scheme');
  else root.style.setProperty('color-scheme', theme);
}

/** Keeps a frame's theme in step with the settings while it is mounted (see {@link applyFrameTheme}). */
export function useFrameTheme(frame: RefObject<HTMLIFrameElement | null>): void {
  useEffect(() => settingsStore.subscribe(() => applyFrameTheme(frame.current)), [frame]);
}
