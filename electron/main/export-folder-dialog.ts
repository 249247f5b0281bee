import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

/**
 * Electron's half of the export folder picker: the OS folder dialog, over the focused window,
 * starting at `defaultPath` (the last folder used). The service checks whatever comes back, as
 * it checks a typed path. Resolves `null` when the author cancels.
 */
export async function chooseExportFolder(defaultPath: string): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Export into a folder',
    buttonLabel: 'Export here',
    defaultPath,
    properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
  };
  const owner = BrowserWindow.getFocusedWindow();
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
