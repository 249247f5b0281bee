import path from 'node:path';
import {
  createLibraryService,
  defaultAppDataDir,
  defaultLibraryDir,
  ensureSampleLibrary,
  type LibraryService,
} from '../library';
import { startWebServer, type WebServer } from './server';
import { createSwitchableService } from './switchable-service';

/** Options of {@link startBrowserMode}. */
export interface BrowserModeOptions {
  /** The library folder; default: `FOLIO_LIBRARY` or `~/Documents/Folio`, with samples. */
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
 * run, and what the end-to-end tests drive. With no library given, the default library is
 * created with sample articles on first run.
 */
export async function startBrowserMode(
  options: BrowserModeOptions,
): Promise<{ server: WebServer; service: LibraryService; library: string; close(): Promise<void> }> {
  const library = path.resolve(options.library ?? defaultLibraryDir());
  if (!options.library) await ensureSampleLibrary(library);
  const appDataDir = options.appDataDir ?? defaultAppDataDir();
  // "Open library…" swaps the service behind the same server, token and checks.
  const service = await createSwitchableService((root, openLibrary) =>
    createLibraryService({ root: root ?? library, host: { appDataDir, openLibrary } }),
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
