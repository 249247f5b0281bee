import { editorFontStacks, type Settings } from './settings-store';

/**
 * Applies the settings that are pure presentation to the document: theme (via
 * `data-folio-theme` and `color-scheme` on `<html>`) and the editor's font, size and line width
 * (CSS variables the editor theme reads). Returns nothing to undo: settings only ever change.
 */
export function applySettingsToDocument(
  settings: Settings,
  root: HTMLElement = document.documentElement,
): void {
  if (settings.theme === 'system') {
    delete root.dataset.folioTheme;
    root.style.removeProperty('color-scheme');
  } else {
    root.dataset.folioTheme = settings.theme;
    root.style.setProperty('color-scheme', settings.theme);
  }
  root.style.setProperty('--folio-editor-font', editorFontStacks[settings.editorFont]);
  root.style.setProperty('--folio-editor-size', `${settings.fontSize}px`);
  root.style.setProperty('--folio-line-width', `${settings.lineWidth}em`);
}
