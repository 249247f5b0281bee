import fs from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import git, { type AuthCallback, type ProgressCallback } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import type { GitPhase, GitProgress } from '../../../shared/git-contract';
import { FolioError } from '../../../shared/errors';
import type { GitCredentials, GitCredentialStore } from './git-credentials';
import { splitRemoteUrl, type SplitRemoteUrl } from './remote-url';
import { systemGit } from './system-git';

export { fs, git, http };

/** The remote every Folio library syncs with. */
export const remoteName = 'origin';

/** What the git parts of the service share: the library, the credentials and the events. */
export interface GitContext {
  /** Real path of the library root (the work tree). */
  readonly dir: string;
  readonly credentials: GitCredentialStore;
  /** Sends a `gitProgressed` event. */
  readonly progress: (event: GitProgress) => void;
}

/** True when the library root is a git work tree. */
export async function isRepository(dir: string): Promise<boolean> {
  const info = await stat(path.join(dir, '.git')).catch(() => null);
  return info !== null;
}

/** Throws `NOT_A_REPOSITORY` unless the library is a git work tree. */
export async function requireRepository(dir: string): Promise<void> {
  if (!(await isRepository(dir))) {
    throw new FolioError(
      'NOT_A_REPOSITORY',
      'This library is not shared with git. Clone a shared library, or run "git init" in its folder.',
    );
  }
}

/** The checked-out branch, or `null` on a detached HEAD. */
export async function currentBranch(dir: string): Promise<string | null> {
  return (await git.currentBranch({ fs, dir, fullname: false }).catch(() => undefined)) ?? null;
}

/** The commit a ref points to, or `null` when it does not exist (yet). */
export async function resolveRef(dir: string, ref: string): Promise<string | null> {
  return git.resolveRef({ fs, dir, ref }).catch(() => null);
}

/** The remote's address, credentials stripped; `null` when the library has no remote. */
export async function readRemote(dir: string): Promise<SplitRemoteUrl | null> {
  const url = (await git.getConfig({ fs, dir, path: `remote.${remoteName}.url` }).catch(() => undefined)) as
    string | undefined;
  if (!url) return null;
  try {
    return splitRemoteUrl(url);
  } catch {
    return null;
  }
}

/** The library's branch, required for a sync. */
export async function requireBranch(dir: string): Promise<string> {
  const branch = await currentBranch(dir);
  if (!branch) {
    throw new FolioError(
      'GIT_ERROR',
      'The library is not on a branch (detached HEAD). Check out a branch with git, then sync.',
    );
  }
  return branch;
}

/** Who commits: git's `user.name`/`user.email`, else the computer's user. */
export async function commitIdentity(dir: string): Promise<{ name: string; email: string }> {
  const system = await systemGit();
  // The git command also reads the author's global configuration; isomorphic-git only the repository's.
  const read = async (key: string): Promise<string | undefined> =>
    system
      ? (await system.run(dir, ['config', '--get', key]).catch(() => '')).trim() || undefined
      : ((await git.getConfig({ fs, dir, path: key }).catch(() => undefined)) as string | undefined);
  const name = await read('user.name');
  const email = await read('user.email');
  let user = 'Folio author';
  try {
    user = os.userInfo().username || user;
  } catch {
    // No user entry (some containers): keep the generic name.
  }
  return {
    name: name || user,
    email: email || `${user.replace(/\s+/g, '.')}@${os.hostname() || 'localhost'}`,
  };
}

/**
 * isomorphic-git's auth callbacks over the credential store: the first 401 gets the kept (or
 * given) credentials; a second one means they were refused, and the request fails. Credentials
 * only ever travel in the Authorization header.
 */
export function authCallbacks(
  given: GitCredentials | null,
  kept: () => Promise<GitCredentials | null>,
): { onAuth: AuthCallback; onAuthFailure: AuthCallback } {
  return {
    onAuth: async () => {
      const credentials = given ?? (await kept());
      return credentials
        ? { username: credentials.username, password: credentials.password }
        : { cancel: true };
    },
    onAuthFailure: () => ({ cancel: true }),
  };
}

/** A progress callback that reports one phase of a job as `gitProgressed` events. */
export function phaseProgress(
  context: GitContext,
  jobId: string | undefined,
  phase: GitPhase,
): ProgressCallback | undefined {
  if (jobId === undefined) return undefined;
  context.progress({ jobId, phase, loaded: 0, total: null });
  return (event) => context.progress({ jobId, phase, loaded: event.loaded, total: event.total ?? null });
}
