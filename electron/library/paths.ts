import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../shared/errors';

const reservedWindowsNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const controlOrBidi = /[\u0000-\u001f\u007f\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const forbiddenChars = /[/\\:*?"<>|]/;

/**
 * Checks that `name` is one safe path segment on every OS and returns it NFC-normalized.
 * Throws `INVALID_NAME` with a sentence an author understands.
 */
export function validateName(name: string): string {
  const normalized = name.normalize('NFC');
  if (normalized.length === 0) throw invalid('A name cannot be empty.');
  if (normalized === '.' || normalized === '..') throw invalid(`“${name}” is not a valid name.`);
  if (forbiddenChars.test(normalized)) {
    throw invalid('A name cannot contain any of these characters: / \\ : * ? " < > |');
  }
  if (controlOrBidi.test(normalized)) {
    throw invalid('A name cannot contain control characters or text-direction marks.');
  }
  if (/^\s|\s$/.test(normalized)) throw invalid('A name cannot start or end with a space.');
  if (normalized.endsWith('.')) throw invalid('A name cannot end with a dot.');
  if (reservedWindowsNames.test(normalized)) {
    throw invalid(`“${name}” is reserved by Windows and cannot be used as a name.`);
  }
  if (Buffer.byteLength(normalized, 'utf8') > 200) {
    throw invalid('The name is too long (at most 200 bytes).');
  }
  return normalized;
}

/**
 * Splits a library-relative path into segments, rejecting absolute paths, drive letters, UNC
 * prefixes, backslashes, empty segments and `.`/`..`. Segments are returned byte-exact.
 */
export function splitLibraryPath(relative: string): string[] {
  if (relative.includes('\0')) throw outside('A path cannot contain NUL.');
  if (relative.includes('\\')) throw outside('Paths in the library use “/”, not “\\”.');
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative)) {
    throw outside('Only paths inside the library are allowed.');
  }
  const segments = relative.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw outside('Only paths inside the library are allowed.');
    }
  }
  return segments;
}

/** True when `target` is `root` or inside it (both absolute, already real paths). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolves a library-relative path to an absolute real path inside `realRoot`. Existing
 * targets are `realpath`ed (so a symlink leaving the library is refused); for a target that
 * does not exist yet, its nearest existing parent is checked instead.
 */
export async function resolveInLibrary(realRoot: string, relative: string): Promise<string> {
  const segments = splitLibraryPath(relative);
  const joined = path.join(realRoot, ...segments);
  let probe = joined;
  const missing: string[] = [];
  for (;;) {
    try {
      const real = await realpath(probe);
      if (!isInside(realRoot, real)) throw outside('That path leads outside the library.');
      return path.join(real, ...missing.reverse());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (probe === realRoot) throw error;
      missing.push(path.basename(probe));
      probe = path.dirname(probe);
    }
  }
}

/** Turns an absolute path inside `realRoot` into the `/`-separated library path. */
export function toLibraryPath(realRoot: string, absolute: string): string {
  return path.relative(realRoot, absolute).split(path.sep).join('/');
}

function invalid(message: string): FolioError {
  return new FolioError('INVALID_NAME', message);
}

function outside(message: string): FolioError {
  return new FolioError('OUTSIDE_LIBRARY', message);
}

/** The folder of a library path (`''` for the root). */
export function posixDirname(relative: string): string {
  const at = relative.lastIndexOf('/');
  return at === -1 ? '' : relative.slice(0, at);
}
