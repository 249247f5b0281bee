import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import {
  createLibraryService,
  defaultLibraryDir,
  ensureSampleLibrary,
  pickStartLibrary,
  readRecentLibraries,
  welcomeArticle,
  type LibraryService,
} from '../library';
import { isRefusedLaunch, launchArguments, resolveLaunchPath, type LaunchTarget } from './launch-target';
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
import { createDesktopUpdates } from './updates';
import { mainWindowOptions } from './window-options';
import { attachWritingHelpers } from './writing-window';
import { loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');

let mainWindow: BrowserWindow | null = null;
let service: LibraryService | null = null;
let libraryRoot = '';
/** A file macOS asked Folio to open before the app was ready (double-click, Open With). */
let openedBeforeReady: string | null = null;

app.enableSandbox();
registerSchemes();

/**
 * What a path Folio was asked to open means (launch-target.ts): a folder or a Markdown file,
 * read against the libraries opened before. Refusals are shown, and nothing changes.
 */
async function launchTargetOf(candidate: string, cwd?: string): Promise<LaunchTarget | null> {
  const knownLibraries = (await readRecentLibraries(app.getPath('userData'))).map((item) => item.root);
  const target = await resolveLaunchPath(candidate, { cwd, knownLibraries });
  if (!isRefusedLaunch(target)) return target;
  void dialog.showMessageBox({
    type: 'warning',
    message: `Folio cannot open ${target.refused}`,
    detail: target.reason,
  });
  return null;
}

/** Opens a file or folder while Folio runs: the app restarts on it, as "Open Library…" does. */
async function openWhileRunning(candidate: string, cwd?: string): Promise<void> {
  const target = await launchTargetOf(candidate, cwd);
  if (target)
    reopenOn(target.article ? path.join(target.library, ...target.article.split('/')) : target.library);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second start (a file double-clicked on Windows or Linux) hands its arguments over here.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const [candidate] = launchArguments(argv, app.isPackaged);
    if (candidate) void openWhileRunning(candidate, workingDirectory);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady() && service) void openWhileRunning(file);
    else openedBeforeReady = file;
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
  const [fromArgs] = launchArguments(process.argv, app.isPackaged);
  const requested = openedBeforeReady ?? fromArgs;
  const target = requested ? await launchTargetOf(requested) : null;
  const chosen = await pickStartLibrary({ fromArgs: target?.library, env: process.env, appDataDir: dataDir });
  libraryRoot = chosen ?? defaultLibraryDir();
  // The first start writes the samples and opens the Welcome tour; a file asked for opens itself.
  const welcomed = !chosen && (await ensureSampleLibrary(libraryRoot));
  const startArticle = target?.article ?? (welcomed ? welcomeArticle : undefined);
  const { defaultSession } = (await import('electron')).session;
  const updates = createDesktopUpdates(dataDir, () => mainWindow);
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
      updates: updates.host,
    },
    startArticle,
  });
  lockDownSession(defaultSession);
  handleProtocols(rendererDir, () => libraryRoot);
  bindIpc(service, () => mainWindow?.webContents ?? null);
  const libraryItems = await libraryMenuItems(dataDir, (await service.getLibrary({})).root, () => mainWindow);
  Menu.setApplicationMenu(buildMenu(process.platform === 'darwin', libraryItems, [updates.menuItem]));
  await createWindow(dataDir);
  void updates.checkAtStart();
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
