import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioError } from '../../shared/errors';

/**
 * Checks a folder an author asked to open as the library and returns its real path. It must be
 * an absolute path (`~` stands for the home folder), exist, be a folder Folio may read and write,
 * and be neither the root of a disk, nor hidden, nor Folio's own data folder. Each refusal says what is wrong
 * in words an author understands.
 */
export async function checkLibraryFolder(requested: string, appDataDir: string): Promise<string> {
  const typed = requested.trim();
  const expanded =
    typed === '~' || typed.startsWith('~/') || typed.startsWith('~\\')
      ? path.join(os.homedir(), typed.slice(1))
      : typed;
  if (expanded.includes('\0')) throw new FolioError('INVALID_ARGUMENT', 'A path cannot contain NUL.');
  if (!path.isAbsolute(expanded)) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${typed}” is not a full path. Type the whole path of the folder, for example ${path.join(os.homedir(), 'Articles')}.`,
    );
  }
  let real: string;
  try {
    real = await realpath(expanded);
  } catch (error) {
    throw folderError(error, typed);
  }
  const info = await stat(real).catch((error: unknown) => {
    throw folderError(error, typed);
  });
  if (!info.isDirectory()) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${typed}” is a file, not a folder. Choose the folder that holds your articles.`,
    );
  }
  if (path.dirname(real) === real) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${typed}” is the root of a disk. Choose the folder that holds your articles.`,
    );
  }
  // Hidden folders (~/.ssh, ~/.config, a repository's .git) hold settings and secrets, not
  // articles; refusing them keeps a page that holds the token out of them too.
  if (real.split(path.sep).some((segment) => segment.startsWith('.'))) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `“${typed}” is a hidden folder (or inside one). Folio opens only visible folders as libraries.`,
    );
  }
  const appData = await realpath(appDataDir).catch(() => path.resolve(appDataDir));
  if (real === appData || real.startsWith(appData + path.sep) || appData.startsWith(real + path.sep)) {
    throw new FolioError('INVALID_ARGUMENT', `“${typed}” holds Folio’s own data and cannot be a library.`);
  }
  try {
    await readdir(real);
    await access(real, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw folderError(error, typed);
  }
  return real;
}

function folderError(error: unknown, typed: string): FolioError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new FolioError('NOT_FOUND', `There is no folder at “${typed}”.`);
  if (code === 'ENOTDIR')
    return new FolioError('NOT_FOUND', `There is no folder at “${typed}”: part of it is a file.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new FolioError(
      'PERMISSION_DENIED',
      `Folio is not allowed to read and write the folder “${typed}”.`,
    );
  }
  if (code === 'ELOOP') return new FolioError('INVALID_ARGUMENT', `“${typed}” is a loop of symbolic links.`);
  return new FolioError('IO_ERROR', `Folio could not open “${typed}” (${code ?? 'unknown error'}).`);
}
