/**
 * Credentials for git remotes. The service asks the host's store for them by the remote's
 * origin (`https://host:port`) and never writes them into the library: not into `.git/config`,
 * not into a message, an event or a log.
 */

/** A user name and a password or token for one remote. */
export interface GitCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * Where the host keeps credentials. Browser mode and the command line keep them in memory for
 * the run; the desktop app can also keep them encrypted on disk (`remember`).
 */
export interface GitCredentialStore {
  /** The credentials kept for an origin, or `null`. */
  get(origin: string): Promise<GitCredentials | null>;
  /** Keeps credentials for an origin; `remember` asks the store to keep them for later runs too. */
  set(origin: string, credentials: GitCredentials, remember: boolean): Promise<void>;
  /** Forgets an origin's credentials; resolves whether there were any. */
  forget(origin: string): Promise<boolean>;
}

/** A store that keeps credentials in memory for this run only (`remember` is ignored). */
export function createMemoryCredentialStore(): GitCredentialStore {
  const kept = new Map<string, GitCredentials>();
  return {
    async get(origin) {
      return kept.get(origin) ?? null;
    },
    async set(origin, credentials) {
      kept.set(origin, { username: credentials.username, password: credentials.password });
    },
    async forget(origin) {
      return kept.delete(origin);
    },
  };
}
