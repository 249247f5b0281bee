import { FolioError } from '../../../shared/errors';
import type { GitCredentials } from './git-credentials';

/** A remote's address split from any credentials typed into it. */
export interface SplitRemoteUrl {
  /** The URL without `user:password@`: the only form Folio stores or shows. */
  readonly url: string;
  /** `protocol://host[:port]`, the key of the credential store. */
  readonly origin: string;
  /** The host, for messages. */
  readonly host: string;
  /** Credentials that were typed into the URL, if any. */
  readonly credentials: GitCredentials | null;
}

/**
 * Parses an http(s) remote URL and strips credentials from it, so that `user:pass@` never
 * reaches `.git/config`, a message or the screen.
 */
export function splitRemoteUrl(raw: string): SplitRemoteUrl {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new FolioError(
      'INVALID_ARGUMENT',
      'That is not a repository address (https://host/owner/repo.git).',
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FolioError('INVALID_ARGUMENT', 'Folio syncs over http:// or https:// addresses.');
  }
  const credentials =
    parsed.username || parsed.password
      ? { username: safeDecode(parsed.username), password: safeDecode(parsed.password) }
      : null;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  return { url: parsed.toString(), origin: parsed.origin, host: parsed.host, credentials };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
