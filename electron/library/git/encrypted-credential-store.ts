import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { GitCredentials, GitCredentialStore } from './git-credentials';

/** How the host encrypts: Electron's `safeStorage` on the desktop. */
export interface CredentialCipher {
  /** False when the OS offers no key (then nothing is written to disk). */
  readonly available: () => boolean;
  readonly encrypt: (plain: string) => Buffer;
  readonly decrypt: (sealed: Buffer) => string;
}

/**
 * A credential store that keeps remembered credentials in one file, each entry encrypted by
 * the host's cipher (only the remotes' origins are readable), and the others in memory for the
 * run. Without a working cipher nothing is remembered on disk.
 */
export function createEncryptedCredentialStore(file: string, cipher: CredentialCipher): GitCredentialStore {
  const memory = new Map<string, GitCredentials>();

  async function readSealed(): Promise<Record<string, string>> {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return {};
    try {
      const parsed = JSON.parse(text) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  async function writeSealed(entries: Record<string, string>): Promise<void> {
    await writeFileAtomic(file, JSON.stringify(entries, null, 2), { mode: 0o600, fsync: true });
  }

  return {
    async get(origin) {
      const kept = memory.get(origin);
      if (kept) return kept;
      const sealed = (await readSealed())[origin];
      if (!sealed || !cipher.available()) return null;
      try {
        const parsed = JSON.parse(cipher.decrypt(Buffer.from(sealed, 'base64'))) as GitCredentials;
        const credentials = { username: String(parsed.username), password: String(parsed.password) };
        memory.set(origin, credentials);
        return credentials;
      } catch {
        return null; // sealed with another key (another user or machine): ask again
      }
    },
    async set(origin, credentials, remember) {
      const copy = { username: credentials.username, password: credentials.password };
      memory.set(origin, copy);
      const entries = await readSealed();
      if (remember && cipher.available()) {
        entries[origin] = cipher.encrypt(JSON.stringify(copy)).toString('base64');
        await writeSealed(entries);
      } else if (origin in entries) {
        delete entries[origin];
        await writeSealed(entries);
      }
    },
    async forget(origin) {
      const had = memory.delete(origin);
      const entries = await readSealed();
      if (!(origin in entries)) return had;
      delete entries[origin];
      await writeSealed(entries);
      return true;
    },
  };
}
