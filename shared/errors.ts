/**
 * Errors that cross the process boundary. Only `{ code, message }` travels: never a stack,
 * never an absolute path the renderer did not send.
 */

/** Stable error codes the UI and the CLI can branch on. */
export const errorCodes = [
  'CONFLICT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'INVALID_NAME',
  'INVALID_ARGUMENT',
  'OUTSIDE_LIBRARY',
  'NOT_UTF8',
  'TOO_LARGE',
  'READ_ONLY',
  'PERMISSION_DENIED',
  'DISK_FULL',
  'IO_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  /** A remote could not be reached (no network, DNS failure, connection refused). */
  'OFFLINE',
  /** A remote asked for credentials, or refused the ones given. */
  'AUTH_REQUIRED',
  /** The library is not a git work tree (or has no remote where one is needed). */
  'NOT_A_REPOSITORY',
  /** The remote refused a push even after fetching and merging again. */
  'PUSH_REJECTED',
  /** Any other git failure, in words for the author. */
  'GIT_ERROR',
  'INTERNAL',
] as const;

/** One of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** The plain shape of an error on the wire. */
export interface ErrorPayload {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra plain data for some codes (e.g. the disk text of a `CONFLICT`). */
  readonly details?: unknown;
}

/** An error with a stable code, thrown by the service and rebuilt by every client. */
export class FolioError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'FolioError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a {@link FolioError} with the given code (or any code). */
export function isFolioError(value: unknown, code?: ErrorCode): value is FolioError {
  return value instanceof FolioError && (code === undefined || value.code === code);
}

/**
 * The message of anything thrown, to show the author: an error's own message (a
 * {@link FolioError}'s is written for the author), else `fallback` (default: a generic sentence;
 * the CLI and logs pass `String(error)`).
 */
export function errorMessage(error: unknown, fallback = 'Something went wrong.'): string {
  return error instanceof Error ? error.message : fallback;
}

/**
 * Turns anything thrown into a payload safe to send. Unknown errors become `INTERNAL` with a
 * generic message so that stack traces and absolute paths never cross the boundary.
 */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof FolioError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside Folio.' };
}

/** Rebuilds a {@link FolioError} from a payload received over a transport. */
export function fromErrorPayload(payload: unknown): FolioError {
  if (typeof payload === 'object' && payload !== null) {
    const { code, message, details } = payload as Record<string, unknown>;
    if (typeof code === 'string' && (errorCodes as readonly string[]).includes(code)) {
      return new FolioError(code as ErrorCode, typeof message === 'string' ? message : code, details);
    }
  }
  return new FolioError('INTERNAL', 'Folio received a malformed error.');
}
