import { lstat, readFile } from 'node:fs/promises';
import type { ArticleDocument, FolioApi } from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import { decodeArticle, hashBytes } from './article-codec';
import { articleExtension, maxOpenBytes } from './article-index';
import { ioError } from './io-error';
import { resolveInLibrary } from './paths';

/**
 * The largest file "Open anyway" opens (read-only). Beyond it the text would not fit the
 * editor, the transport or a JavaScript string comfortably.
 */
export const maxOpenAnywayBytes = 100 * 1024 * 1024;

/** Resolves an article's library-relative path, confined to the library; it must end in .md or .markdown. */
export async function resolveArticle(realRoot: string, relative: string): Promise<string> {
  if (!articleExtension.test(relative)) {
    throw new FolioError('INVALID_NAME', 'Articles are files ending in .md or .markdown.');
  }
  try {
    return await resolveInLibrary(realRoot, relative);
  } catch (error) {
    throw ioError(error, relative);
  }
}

/**
 * An article's bytes, or `null` when it does not exist. Files over the editor's limit are
 * refused with `TOO_LARGE` unless `openLarge` (then up to {@link maxOpenAnywayBytes}).
 */
export async function readArticleBytes(
  absolute: string,
  relative: string,
  openLarge = false,
): Promise<Buffer | null> {
  try {
    const info = await lstat(absolute);
    if (!info.isFile() && !info.isSymbolicLink()) {
      throw new FolioError('NOT_FOUND', `“${relative}” is not a file.`);
    }
    if (info.size > maxOpenBytes && !(openLarge && info.size <= maxOpenAnywayBytes)) {
      throw tooLarge(relative, info.size);
    }
    return await readFile(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(error, relative);
  }
}

/**
 * True when the file may be written. Judged by its permission bits, not by `access()`, so that
 * a file the author marked read-only stays protected even when Folio runs with more rights.
 */
export async function isWritable(absolute: string): Promise<boolean> {
  const info = await lstat(absolute).catch(() => null);
  if (!info) return true;
  return (info.mode & 0o222) !== 0;
}

/**
 * Reads an article for the editor. Text that cannot be saved safely (binary, not UTF-8, over
 * 20 MB, read-only on disk) comes back `readOnly` with the reason for the author.
 */
export async function readArticleDocument(
  realRoot: string,
  relative: string,
  openLarge?: boolean,
): Promise<ArticleDocument> {
  const absolute = await resolveArticle(realRoot, relative);
  const bytes = await readArticleBytes(absolute, relative, openLarge);
  if (bytes === null) throw new FolioError('NOT_FOUND', `“${relative}” no longer exists.`);
  const decoded = decodeArticle(bytes);
  const shown = {
    path: relative,
    hash: hashBytes(bytes),
    bom: decoded.bom,
    lineEnding: decoded.lineEnding,
  };
  if (bytes.length > maxOpenBytes && decoded.text !== null && !decoded.binary) {
    // Saves, the journal and snapshots stop at 20 MB, so a larger file cannot be kept safe
    // while it is edited: it is shown, searchable and copyable, but read-only.
    return {
      ...shown,
      text: decoded.text,
      readOnly: true,
      readOnlyReason: `This file is ${formatMegabytes(bytes.length)}, over the 20 MB Folio can save safely, so it is open read-only.`,
    };
  }
  if (decoded.text === null || decoded.binary) {
    return {
      ...shown,
      text: decoded.binary ? '' : new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'),
      readOnly: true,
      readOnlyReason: decoded.binary
        ? 'This file looks binary, so Folio will not edit it.'
        : 'This file is not valid UTF-8. It is shown read-only so that no character is lost.',
    };
  }
  const writable = await isWritable(absolute);
  return {
    ...shown,
    text: decoded.text,
    readOnly: !writable,
    readOnlyReason: writable
      ? null
      : 'This file is read-only on disk. Make it writable (or save a copy) to keep your changes.',
  };
}

/** The contract's `readArticle`. */
export function articleReadMethods(context: { readonly realRoot: string }): Pick<FolioApi, 'readArticle'> {
  return {
    readArticle: ({ path: relative, openLarge }) =>
      readArticleDocument(context.realRoot, relative, openLarge),
  };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The error for a file over the editor's limit. `details.canOpenAnyway` tells the UI whether to
 * offer "Open anyway" (read-only); `details.size` is the file's size in bytes.
 */
function tooLarge(relative: string, size: number): FolioError {
  const canOpenAnyway = size <= maxOpenAnywayBytes;
  return new FolioError(
    'TOO_LARGE',
    canOpenAnyway
      ? `“${relative}” is ${formatMegabytes(size)}, larger than the 20 MB Folio edits. It can be opened read-only.`
      : `“${relative}” is ${formatMegabytes(size)}, too large for Folio to open (at most 100 MB, read-only).`,
    { size, canOpenAnyway },
  );
}
