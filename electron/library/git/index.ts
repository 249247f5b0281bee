export { lazyGitMethods, cloneGitLibrary } from './lazy-git-methods';
export type { GitMethods, GitMethodsOptions } from './git-methods';
export type { CloneInput } from './git-clone';
export { createMemoryCredentialStore, type GitCredentials, type GitCredentialStore } from './git-credentials';
export { createEncryptedCredentialStore, type CredentialCipher } from './encrypted-credential-store';
export { splitRemoteUrl, type SplitRemoteUrl } from './remote-url';
export { folioIgnoreLines } from './folio-ignore';
