import { FolioError } from '../../shared/errors';

/** Maps a Node file-system error to a {@link FolioError} with a message for the author. */
export function ioError(error: unknown, what: string): FolioError {
  if (error instanceof FolioError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new FolioError('NOT_FOUND', `“${what}” does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new FolioError('PERMISSION_DENIED', `Folio is not allowed to access “${what}”.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FolioError('DISK_FULL', `The disk is full; “${what}” was not saved.`);
    case 'EROFS':
      return new FolioError('READ_ONLY', `“${what}” is on a read-only disk.`);
    case 'EISDIR':
      return new FolioError('INVALID_ARGUMENT', `“${what}” is a folder.`);
    default:
      return new FolioError('IO_ERROR', `Folio could not access “${what}” (${code ?? 'unknown error'}).`);
  }
}
