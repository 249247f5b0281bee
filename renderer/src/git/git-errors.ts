import { errorMessage, isFolioError } from '../../../shared/errors';

/** The git failures the dialogs answer differently. */
export type GitFailureKind = 'auth' | 'offline' | 'other';

/** A failed git call, sorted for the dialogs, with the service's words. */
export interface GitFailure {
  readonly kind: GitFailureKind;
  readonly message: string;
}

/** Sorts a failed clone or sync: credentials wanted, no network, or anything else. */
export function gitFailure(error: unknown): GitFailure {
  const message = errorMessage(error);
  if (isFolioError(error, 'AUTH_REQUIRED')) return { kind: 'auth', message };
  if (isFolioError(error, 'OFFLINE')) return { kind: 'offline', message };
  return { kind: 'other', message };
}
