import path from 'node:path';
import { safeStorage } from 'electron';
import { createEncryptedCredentialStore, type GitCredentialStore } from '../library/git';

/**
 * The desktop app's store for git credentials: remembered ones are encrypted with the OS
 * keychain through Electron's `safeStorage` in `git-credentials.json` of the app's data folder.
 */
export function desktopCredentialStore(appDataDir: string): GitCredentialStore {
  return createEncryptedCredentialStore(path.join(appDataDir, 'git-credentials.json'), {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  });
}
