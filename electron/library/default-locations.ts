import os from 'node:os';
import path from 'node:path';

/**
 * Where the default library lives when none is given: `FOLIO_LIBRARY` if set, else a `Folio`
 * folder in the user's Documents (as the desktop app uses).
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FOLIO_LIBRARY) return path.resolve(env.FOLIO_LIBRARY);
  return path.join(os.homedir(), 'Documents', 'Folio');
}

/**
 * Folio's own data folder outside Electron (browser mode and CLI): `FOLIO_DATA_DIR` if set,
 * else the platform's usual place for app data.
 */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FOLIO_DATA_DIR) return path.resolve(env.FOLIO_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Folio');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Folio');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Folio');
}
