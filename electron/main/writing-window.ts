import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/**
 * What a writing window needs from Electron that the web platform gives browsers for free:
 *
 * - the prompt when closing with unsaved work: the renderer cancels `beforeunload` while it
 *   holds work it could not save, and Electron (unlike a browser) then asks nobody, so we ask;
 * - the spellchecker's suggestions in the context menu of the editor, with "Add to dictionary",
 *   and the usual editing entries.
 */
export function attachWritingHelpers(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Close without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'Some changes have not been saved.',
      detail: 'If you close the window now, they are lost.',
    });
    if (choice === 0) event.preventDefault();
  });

  contents.on('context-menu', (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.misspelledWord) {
      for (const suggestion of params.dictionarySuggestions.slice(0, 6)) {
        items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
      }
      if (params.dictionarySuggestions.length === 0) items.push({ label: 'No suggestions', enabled: false });
      items.push({
        label: 'Add to dictionary',
        click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
      });
      items.push({ type: 'separator' });
    }
    if (params.isEditable) {
      items.push(
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
      );
      items.push({ role: 'paste' }, { role: 'selectAll' });
    } else if (params.selectionText) {
      items.push({ role: 'copy' });
    }
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
}
