export {
  createLibraryService,
  ioError,
  maxOpenBytes,
  type LibraryHost,
  type LibraryService,
  type LibraryServiceOptions,
} from './library-service';
export { ensureSampleLibrary, welcomeArticle } from './sample-library';
export { defaultLibraryDir, defaultAppDataDir } from './default-locations';
export { validateName, resolveInLibrary, splitLibraryPath } from './paths';
export { readLibraryAsset, assetHeaders, imageTypes } from './assets';
export { lastLibrary, pickStartLibrary, readRecentLibraries, recordRecentLibrary } from './recent-libraries';
export { rewriteLinks } from './link-rewrite';
export { createMemoryCredentialStore, type GitCredentials, type GitCredentialStore } from './git';
export { readUpdatePreference, writeUpdatePreference, type UpdatePreference } from './update-preference';
export type { UpdateHost } from './update-checks';
