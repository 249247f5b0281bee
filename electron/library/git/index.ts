export { createGitMethods, type GitMethods, type GitMethodsOptions } from './git-methods';
export { createMemoryCredentialStore, type GitCredentials, type GitCredentialStore } from './git-credentials';
export { splitRemoteUrl, type SplitRemoteUrl } from './remote-url';
export { folioIgnoreLines } from './folio-ignore';
export { cloneLibrary as cloneGitLibrary, type CloneInput } from './git-clone';
export { createEncryptedCredentialStore, type CredentialCipher } from './encrypted-credential-store';
