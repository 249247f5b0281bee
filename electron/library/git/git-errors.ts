import { FolioError } from '../../../shared/errors';
import { classifyFailure, GitCommandError } from './system-git';

/** Node's codes for a remote that cannot be reached at all. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True when the error (or one it wraps) says the network could not reach the remote. */
export function isNetworkError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** The `OFFLINE` error for a remote host. */
export function offlineError(host: string): FolioError {
  return new FolioError('OFFLINE', `You're offline: could not reach ${host}. Nothing was changed.`);
}

/**
 * Turns what isomorphic-git or Node threw into a {@link FolioError} for the author. The
 * message is built from the error's kind and the remote's host only (never from the library's
 * URL or the thrown text), so credentials cannot leak through it.
 */
export function toGitError(error: unknown, host: string, doing: string): FolioError {
  if (error instanceof FolioError) return error;
  if (isNetworkError(error)) return offlineError(host);
  if (error instanceof GitCommandError) {
    switch (classifyFailure(error)) {
      case 'offline':
        return offlineError(host);
      case 'auth':
        return authRequired(host, /returned error: 403/.test(error.stderr));
      default:
        // git's own words may quote the remote's URL: only its exit code is shown.
        return new FolioError('GIT_ERROR', `Git failed while ${doing} (exit code ${error.exitCode ?? '?'}).`);
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  const data = (error as { data?: { statusCode?: number } } | null)?.data;
  if (code === 'HttpError' || code === 'UserCanceledError') {
    const status = data?.statusCode;
    if (status === 401 || status === 403 || code === 'UserCanceledError') {
      return authRequired(host, status === 403);
    }
    if (status === 404) {
      return new FolioError('GIT_ERROR', `There is no repository at that address on ${host}.`);
    }
    return new FolioError(
      'GIT_ERROR',
      `${host} answered with an error (HTTP ${status ?? '?'}) while ${doing}.`,
    );
  }
  if (code === 'SmartHttpError') {
    return new FolioError('GIT_ERROR', `${host} does not look like a git server (while ${doing}).`);
  }
  if (code === 'NotFoundError') {
    return new FolioError('GIT_ERROR', `Git could not find something it needed while ${doing}.`);
  }
  const name = typeof code === 'string' ? code : 'an unexpected error';
  return new FolioError('GIT_ERROR', `Git failed while ${doing} (${name}).`);
}

function authRequired(host: string, refused: boolean): FolioError {
  return new FolioError(
    'AUTH_REQUIRED',
    refused
      ? `${host} refused the user name and password (or token). Nothing was changed.`
      : `${host} needs a user name and password (or token). Nothing was changed.`,
  );
}
