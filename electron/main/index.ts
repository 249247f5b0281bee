import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, shell } from 'electron';
import {
  createLibraryService,
  defaultLibraryDir,
  ensureSampleLibrary,
  pickStartLibrary,
  type LibraryService,
} from '../library';
import { chooseLibraryFolder, libraryMenuItems, reopenOn } from './library-menu';
import { handleProtocols, registerSchemes } from './app-protocol';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { chooseExportFolder } from './export-folder-dialog';
import { desktopCredentialStore } from './git-credentials';
import { printHtmlToPdf } from './print-pdf';
import { applySpellcheck } from './spellcheck-language';
import { lockDownContents, lockDownSession } from './security';
import { appOrigin } from './sender-check';
import { mainWindowOptions } from './window-options';
import { attachWritingHelpers } from './writing-window';
import { loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');

let mainWindow: BrowserWindow | null = null;
let service: LibraryService | null = null;
let libraryRoot = '';

app.enableSandbox();
registerSchemes();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const fromArgs = process.argv.slice(app.isPackaged ? 1 : 2).find((arg) => !arg.startsWith('-'));
  const chosen = await pickStartLibrary({ fromArgs, env: process.env, appDataDir: dataDir });
  libraryRoot = chosen ?? defaultLibraryDir();
  if (!chosen) await ensureSampleLibrary(libraryRoot);
  const { defaultSession } = (await import('electron')).session;
  service = await createLibraryService({
    root: libraryRoot,
    host: {
      appDataDir: dataDir,
      trashItem: (file) => shell.trashItem(file),
      printToPdf: printHtmlToPdf,
      chooseExportFolder,
      setSpellcheck: (enabled, language) => applySpellcheck(defaultSession, enabled, language),
      // "Open library…" in the window: relaunch on the checked folder, after the answer is sent.
      openLibrary: async (root) => void setTimeout(() => reopenOn(root), 100),
      chooseFolder: () => chooseLibraryFolder(mainWindow),
      gitCredentials: desktopCredentialStore(dataDir),
    },
  });
  lockDownSession(defaultSession);
  handleProtocols(rendererDir, () => libraryRoot);
  bindIpc(service, () => mainWindow?.webContents ?? null);
  const libraryItems = await libraryMenuItems(dataDir, (await service.getLibrary({})).root, () => mainWindow);
  Menu.setApplicationMenu(buildMenu(process.platform === 'darwin', libraryItems));
  await createWindow(dataDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(dataDir);
  });
}

async function createWindow(dataDir: string): Promise<void> {
  const state = await loadWindowState(dataDir);
  const window = new BrowserWindow(mainWindowOptions(preloadPath, state?.bounds ?? null));
  mainWindow = window;
  lockDownContents(window.webContents, window);
  attachWritingHelpers(window);
  if (state?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(`${appOrigin}/index.html`);
}
