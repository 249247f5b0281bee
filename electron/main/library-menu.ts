import { app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { readRecentLibraries } from '../library';

/**
 * Restarts Folio on another library (a folder) or on a Markdown file (its library, the file
 * open): the service, watcher and window all start fresh.
 */
export function reopenOn(folder: string): void {
  const args = process.argv.slice(1).filter((arg) => arg.startsWith('-'));
  app.relaunch({ args: [...args, folder] });
  app.exit(0);
}

/** The OS folder dialog for choosing a library; `null` when cancelled. */
export async function chooseLibraryFolder(owner: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Open a folder as the library',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/**
 * The File menu's library items: "Open Library…" (a folder dialog) and "Open Recent". Switching
 * relaunches the app on the chosen folder; unsaved text is safe in the recovery journal and
 * autosave has usually written it already.
 */
export async function libraryMenuItems(
  appDataDir: string,
  currentRoot: string,
  window: () => BrowserWindow | null,
): Promise<MenuItemConstructorOptions[]> {
  const recent = (await readRecentLibraries(appDataDir)).filter((item) => item.root !== currentRoot);
  return [
    {
      label: 'Open Library…',
      accelerator: 'CmdOrCtrl+O',
      click: async () => {
        const folder = await chooseLibraryFolder(window());
        if (folder) reopenOn(folder);
      },
    },
    {
      label: 'Open Recent',
      enabled: recent.length > 0,
      submenu: recent.map((item) => ({
        label: `${item.name} — ${item.root}`,
        click: () => reopenOn(item.root),
      })),
    },
    { type: 'separator' },
  ];
}
