import type { GitMethodOutputs } from '../../../shared/git-contract';
import type { MethodInputs } from '../../../shared/contract';
import { FolioError } from '../../../shared/errors';
import type { GitProgress } from '../../../shared/git-contract';
import type { TitleOf } from './git-changes';
import { cloneLibrary } from './git-clone';
import type { GitCredentialStore } from './git-credentials';
import { listGitHistory, readGitVersion } from './git-history';
import { readRemote, requireRepository, type GitContext } from './git-repository';
import { readGitStatus } from './git-status';
import { syncLibrary } from './git-sync';
import { cancelSync, resolveSync } from './sync-resolution';

/** The git methods of the contract. */
export type GitMethods = {
  [K in keyof GitMethodOutputs]: (input: MethodInputs[K]) => Promise<GitMethodOutputs[K]>;
};

/** What {@link createGitMethods} needs from the library service. */
export interface GitMethodsOptions {
  /** Real path of the library root. */
  readonly root: string;
  readonly credentials: GitCredentialStore;
  /** Sends a `gitProgressed` event. */
  readonly progress: (event: GitProgress) => void;
  /** An article's title as the library's index knows it (for commit messages). */
  readonly titleOf: TitleOf;
}

/**
 * The library's git methods. Operations that change the repository run one at a time, so a
 * status never reads half a sync and two syncs never interleave.
 */
export function createGitMethods(options: GitMethodsOptions): GitMethods {
  const context: GitContext = {
    dir: options.root,
    credentials: options.credentials,
    progress: options.progress,
  };
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function requireRemote() {
    await requireRepository(context.dir);
    const remote = await readRemote(context.dir);
    if (!remote) throw new FolioError('NOT_A_REPOSITORY', 'This library has no remote to sync with.');
    return remote;
  }

  return {
    getGitStatus: () => serial(() => readGitStatus(context, options.titleOf)),
    cloneLibrary: (input) => cloneLibrary(context, input),
    async setGitCredentials({ username, password, remember }) {
      const remote = await requireRemote();
      await options.credentials.set(remote.origin, { username, password }, remember === true);
      return { kept: true };
    },
    async forgetGitCredentials() {
      const remote = await requireRemote();
      return { forgotten: await options.credentials.forget(remote.origin) };
    },
    syncLibrary: (input) => serial(() => syncLibrary(context, input, options.titleOf)),
    resolveSync: (input) => serial(() => resolveSync(context, input)),
    cancelSync: ({ syncId }) => serial(() => cancelSync(context, syncId)),
    listGitHistory: ({ path }) => serial(() => listGitHistory(context.dir, path)),
    readGitVersion: ({ path, oid }) => serial(() => readGitVersion(context.dir, path, oid)),
  };
}
