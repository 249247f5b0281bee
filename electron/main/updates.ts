import {
  app,
  dialog,
  type BrowserWindow,
  type MenuItemConstructorOptions,
  type MessageBoxOptions,
} from 'electron';
import type * as UpdaterModuleNamespace from 'electron-updater';
import type { AppUpdater } from 'electron-updater';

type UpdaterModule = typeof UpdaterModuleNamespace;
import { errorMessage } from '../../shared/errors';
import { readUpdatePreference, writeUpdatePreference, type UpdateHost } from '../library';
import { nextUpdateAction, type UpdateAction, type UpdateEvent } from './update-flow';

/** The desktop app's updates: the service's host part, the menu item, and the check at start. */
export interface DesktopUpdates {
  readonly host: UpdateHost;
  readonly menuItem: MenuItemConstructorOptions;
  /** Checks quietly at start when the author turned checks on (at most once a day). */
  checkAtStart(): Promise<void>;
}

/**
 * Carries out update-flow.ts's decisions with electron-updater (which reads the `publish`
 * provider from the app-update.yml electron-builder writes) and message boxes. electron-updater
 * is loaded only for a check, so a Folio whose author never turned checks on never loads it.
 */
export function createDesktopUpdates(appDataDir: string, window: () => BrowserWindow | null): DesktopUpdates {
  const unavailableReason = app.isPackaged
    ? null
    : 'This Folio runs from its sources. Update it with git pull and npm install.';
  let updater: AppUpdater | null = null;
  let checking = false;
  let manual = false;

  async function loadUpdater(): Promise<AppUpdater> {
    if (updater) return updater;
    // electron-updater is CommonJS: its exports arrive as the default export of an ES import.
    const loaded: UpdaterModule & { default?: UpdaterModule } = await import('electron-updater');
    const found = loaded.default?.autoUpdater ?? loaded.autoUpdater;
    found.autoDownload = false;
    found.autoInstallOnAppQuit = true;
    found.allowPrerelease = false;
    found.allowDowngrade = false;
    found.on('update-available', (info) => void handle({ kind: 'available', version: info.version, manual }));
    found.on('update-not-available', () => void handle({ kind: 'not-available', manual }));
    found.on('update-downloaded', (info) => void handle({ kind: 'downloaded', version: info.version }));
    // Failures also reject the check's or the download's promise, which reports them once.
    found.on('error', () => undefined);
    updater = found;
    return found;
  }

  function show(options: MessageBoxOptions): Promise<{ response: number }> {
    const owner = window();
    return owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options);
  }

  async function handle(event: UpdateEvent): Promise<void> {
    const { enabled } = await readUpdatePreference(appDataDir);
    await perform(nextUpdateAction({ enabled, unavailableReason, currentVersion: app.getVersion() }, event));
  }

  async function perform(action: UpdateAction): Promise<void> {
    if (action.kind === 'nothing') return;
    if (action.kind === 'tell') {
      await show({ type: 'info', message: action.message, detail: action.detail, buttons: ['OK'] });
      return;
    }
    if (action.kind === 'check') {
      if (checking) return;
      checking = true;
      manual = action.manual;
      try {
        await writeUpdatePreference(appDataDir, { lastCheck: new Date().toISOString() });
        await (await loadUpdater()).checkForUpdates();
      } catch (error) {
        await handle({ kind: 'failed', message: errorMessage(error, String(error)), manual: action.manual });
      } finally {
        checking = false;
      }
      return;
    }
    const ask = action.kind === 'ask-download' ? ['Download', 'Not now'] : ['Restart now', 'Later'];
    const { response } = await show({
      type: 'question',
      message: action.message,
      detail: action.detail,
      buttons: ask,
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0 || !updater) return;
    if (action.kind === 'ask-restart') {
      updater.quitAndInstall();
      return;
    }
    try {
      await updater.downloadUpdate();
    } catch (error) {
      await handle({ kind: 'failed', message: errorMessage(error, String(error)), manual: true });
    }
  }

  return {
    host: {
      unavailableReason,
      // Turned on: look now, quietly (only an available update is mentioned).
      checksChanged: (enabled) => {
        if (enabled) void handle({ kind: 'start', lastCheck: null, now: new Date() });
      },
    },
    menuItem: { label: 'Check for Updates…', click: () => void handle({ kind: 'menu' }) },
    async checkAtStart() {
      const { lastCheck } = await readUpdatePreference(appDataDir);
      await handle({ kind: 'start', lastCheck, now: new Date() });
    },
  };
}
