import path from 'node:path';
import {
  createLibraryService,
  createMemoryCredentialStore,
  defaultAppDataDir,
  defaultLibraryDir,
  ensureSampleLibrary,
  pickStartLibrary,
  type LibraryService,
} from '../library';
import { startWebServer, type WebServer } from './server';
import { createSwitchableService } from './switchable-service';

/** Options of {@link startBrowserMode}. */
export interface BrowserModeOptions {
  /**
   * The library folder; default: `FOLIO_LIBRARY`, else the library opened last (browser mode can
   * switch libraries), else `~/Documents/Folio` with sample articles.
   */
  readonly library?: string;
  readonly port?: number;
  /** Folder of the built renderer. */
  readonly rendererDir: string;
  /** Folio's data folder; default: the platform's app-data folder. */
  readonly appDataDir?: string;
  readonly token?: string;
}

/**
 * Opens a library and serves Folio over HTTP on 127.0.0.1: what `folio web` and `npm run web`
 * run, and what the end-to-end tests drive. With no library given, the last one opened is
 * reopened, as in the desktop app; the default library is created with samples on first run.
 */
export async function startBrowserMode(
  options: BrowserModeOptions,
): Promise<{ server: WebServer; service: LibraryService; library: string; close(): Promise<void> }> {
  const appDataDir = options.appDataDir ?? defaultAppDataDir();
  // The last library (if it still exists) only when neither the caller nor FOLIO_LIBRARY names one.
  const last =
    options.library || process.env.FOLIO_LIBRARY
      ? null
      : await pickStartLibrary({ fromArgs: undefined, env: {}, appDataDir });
  const library = path.resolve(options.library ?? last ?? defaultLibraryDir());
  if (!options.library && !last) await ensureSampleLibrary(library);
  // "Open library…" swaps the service behind the same server, token and checks.
  // Git credentials are kept in memory for the run, across library switches (a clone is
  // followed by opening it).
  const gitCredentials = createMemoryCredentialStore();
  const service = await createSwitchableService((root, openLibrary) =>
    createLibraryService({ root: root ?? library, host: { appDataDir, openLibrary, gitCredentials } }),
  );
  const server = await startWebServer({
    service,
    libraryRoot: () => service.root(),
    rendererDir: options.rendererDir,
    port: options.port,
    token: options.token,
  });
  return {
    server,
    service,
    library,
    async close() {
      await server.close();
      await service.close();
    },
  };
}
