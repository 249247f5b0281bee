import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../shared/errors';
import { articleExtension } from './article-index';
import { ioError } from './io-error';
import { posixDirname, resolveInLibrary, splitLibraryPath, validateName } from './paths';

/** Where the file operations may read and write, each path checked and confined to the library. */
export interface FileLocations {
  /** The absolute path of a library-relative path, refused when it leaves the library. */
  resolve(relative: string): Promise<string>;
  /** The absolute path of an existing, visible folder (`''`: the library's root). */
  resolveFolder(relative: string): Promise<string>;
  /** The absolute path of an existing article file. */
  resolveExistingArticle(relative: string): Promise<string>;
  /** Refuses a name that already exists in `dir`, also when it differs only in case. */
  assertFree(dir: string, name: string, except?: string): Promise<void>;
  /** A free name in `dir` from `base` + `ext`, adding " 2", " 3"... (or "-2" for slugs). */
  freeName(dir: string, base: string, ext: string, joiner?: string): Promise<string>;
  /** Validates the destination of a move; returns its absolute path. */
  destination(from: string, to: string): Promise<string>;
}

/** The {@link FileLocations} of the library whose real (symlink-free) root is `realRoot`. */
export function fileLocations(realRoot: string): FileLocations {
  async function resolve(relative: string): Promise<string> {
    try {
      return await resolveInLibrary(realRoot, relative);
    } catch (error) {
      throw ioError(error, relative);
    }
  }

  async function resolveFolder(relative: string): Promise<string> {
    if (relative === '') return realRoot;
    const segments = splitLibraryPath(relative);
    if (segments.some((segment) => segment.startsWith('.'))) {
      throw new FolioError(
        'INVALID_NAME',
        'Folders whose names start with a dot are hidden from the library.',
      );
    }
    const absolute = await resolve(relative);
    const info = await stat(absolute).catch(() => null);
    if (!info) throw new FolioError('NOT_FOUND', `The folder “${relative}” does not exist.`);
    if (!info.isDirectory()) throw new FolioError('INVALID_ARGUMENT', `“${relative}” is not a folder.`);
    return absolute;
  }

  async function resolveExistingArticle(relative: string): Promise<string> {
    if (!articleExtension.test(relative)) {
      throw new FolioError('INVALID_NAME', 'Articles are files ending in .md or .markdown.');
    }
    const absolute = await resolve(relative);
    const info = await lstat(absolute).catch(() => null);
    if (!info?.isFile()) throw new FolioError('NOT_FOUND', `“${relative}” no longer exists.`);
    return absolute;
  }

  /** Refuses a name that already exists in `dir`, also when it differs only in case. */
  async function assertFree(dir: string, name: string, except?: string): Promise<void> {
    const wanted = name.normalize('NFC').toLowerCase();
    for (const existing of await readdir(dir).catch(() => [] as string[])) {
      if (existing === except) continue;
      if (existing === name)
        throw new FolioError('ALREADY_EXISTS', `“${name}” already exists in this folder.`);
      if (existing.normalize('NFC').toLowerCase() === wanted) {
        throw new FolioError(
          'ALREADY_EXISTS',
          `“${existing}” already exists here. Names that differ only in upper and lower case ` +
            'would collide on Windows and macOS.',
        );
      }
    }
  }

  /** A free name in `dir` from `base` + `ext`, adding " 2", " 3"... (or "-2" for slugs). */
  async function freeName(dir: string, base: string, ext: string, joiner = ' '): Promise<string> {
    const taken = new Set((await readdir(dir).catch(() => [] as string[])).map((n) => n.toLowerCase()));
    for (let n = 1; n < 10_000; n++) {
      const name = n === 1 ? `${base}${ext}` : `${base}${joiner}${n}${ext}`;
      if (!taken.has(name.toLowerCase())) return validateName(name);
    }
    throw new FolioError('ALREADY_EXISTS', `Too many files are named like “${base}”.`);
  }

  /** Validates the destination of a move; returns its absolute path. */
  async function destination(from: string, to: string): Promise<string> {
    const segments = splitLibraryPath(to);
    const name = segments[segments.length - 1]!;
    validateName(name);
    if (name.normalize('NFC') !== name) {
      throw new FolioError(
        'INVALID_NAME',
        'Please type the name again: it is not in the standard Unicode form.',
      );
    }
    if (!articleExtension.test(name)) {
      throw new FolioError('INVALID_NAME', 'An article’s name must end in .md or .markdown.');
    }
    const folder = segments.slice(0, -1).join('/');
    const dir = await resolveFolder(folder);
    const sameFolder = posixDirname(from) === folder;
    await assertFree(dir, name, sameFolder ? from.slice(from.lastIndexOf('/') + 1) : undefined);
    return path.join(dir, name);
  }

  return { resolve, resolveFolder, resolveExistingArticle, assertFree, freeName, destination };
}
