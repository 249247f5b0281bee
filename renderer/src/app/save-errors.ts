import { isFolioError } from '../../../shared/errors';
import type { DiskConflict } from './document-store';

/** An article too large for the editor that may still be opened read-only. */
export interface LargeFileRequest {
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** The service's explanation. */
  readonly message: string;
}

/** The request to open a file too large for the editor read-only, when `error` offers that. */
export function largeFileOf(path: string, error: unknown): LargeFileRequest | null {
  if (!isFolioError(error, 'TOO_LARGE')) return null;
  const details = (error.details ?? {}) as { size?: unknown; canOpenAnyway?: unknown };
  if (details.canOpenAnyway !== true || typeof details.size !== 'number') return null;
  return { path, size: details.size, message: error.message };
}

/** The version on disk that a `CONFLICT` answer carries; `null` for any other error. */
export function conflictOf(error: unknown): DiskConflict | null {
  if (!isFolioError(error, 'CONFLICT')) return null;
  const details = (error.details ?? {}) as { diskText?: unknown; diskHash?: unknown };
  return {
    diskText: typeof details.diskText === 'string' ? details.diskText : null,
    diskHash: typeof details.diskHash === 'string' ? details.diskHash : null,
  };
}
