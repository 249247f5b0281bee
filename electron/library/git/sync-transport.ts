import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toGitError } from './git-errors';
import { authCallbacks, fs, git, http, phaseProgress, remoteName, type GitContext } from './git-repository';
import type { GitCredentials } from './git-credentials';
import { classifyFailure, systemGit } from './system-git';
import type { SplitRemoteUrl } from './remote-url';

/*
 * The two network steps of a sync, fetch and push, through the system's git when it is
 * installed and through isomorphic-git otherwise.
 */

function credentialsFor(context: GitContext, remote: SplitRemoteUrl) {
  return authCallbacks(remote.credentials, () => context.credentials.get(remote.origin));
}

/** Fetches the remote's branch; offline or refused, nothing in the library has changed. */
export async function fetchRemote(
  context: GitContext,
  remote: SplitRemoteUrl,
  branch: string,
  jobId?: string,
): Promise<void> {
  const system = await systemGit();
  if (system) {
    // git leaves an empty FETCH_HEAD behind even when it could not connect: put it back, so
    // that a failed fetch changes nothing at all.
    const fetchHead = path.join(context.dir, '.git', 'FETCH_HEAD');
    const fetchHeadBefore = await readFile(fetchHead).catch(() => null);
    try {
      if (jobId !== undefined) context.progress({ jobId, phase: 'fetching', loaded: 0, total: null });
      await system.run(
        context.dir,
        [
          'fetch',
          '--quiet',
          '--no-tags',
          remoteName,
          `+refs/heads/${branch}:refs/remotes/${remoteName}/${branch}`,
        ],
        { credentials: await credentialsOf(context, remote) },
      );
    } catch (error) {
      if (fetchHeadBefore) await writeFile(fetchHead, fetchHeadBefore);
      else await unlink(fetchHead).catch(() => undefined);
      if (classifyFailure(error) === 'missing-ref') return; // an empty remote: nothing to fetch yet
      throw toGitError(error, remote.host, 'fetching');
    }
    return;
  }
  try {
    await git.fetch({
      fs,
      http,
      dir: context.dir,
      remote: remoteName,
      url: remote.url,
      ref: branch,
      singleBranch: true,
      tags: false,
      onProgress: phaseProgress(context, jobId, 'fetching'),
      ...credentialsFor(context, remote),
    });
  } catch (error) {
    // A remote without commits yet (a new, empty repository) has no branch to fetch.
    if ((error as { code?: string }).code === 'NotFoundError' || emptyRemote(error)) return;
    throw toGitError(error, remote.host, 'fetching');
  }
}

function emptyRemote(error: unknown): boolean {
  const data = (error as { data?: { what?: string } }).data;
  return typeof data?.what === 'string' && /refs\/heads\//.test(data.what);
}

/** True when the remote refused a push because it moved meanwhile (not a network failure). */
export function isPushRejection(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'PushRejectedError' || code === 'GitPushError' || classifyFailure(error) === 'rejected';
}

/** Sends the branch to the remote; never forced. Throws what the transport threw. */
export async function pushBranch(
  context: GitContext,
  remote: SplitRemoteUrl,
  branch: string,
  jobId?: string,
): Promise<void> {
  const system = await systemGit();
  if (system) {
    if (jobId !== undefined) context.progress({ jobId, phase: 'pushing', loaded: 0, total: null });
    await system.run(
      context.dir,
      ['push', '--porcelain', '--no-verify', remoteName, `refs/heads/${branch}:refs/heads/${branch}`],
      { credentials: await credentialsOf(context, remote) },
    );
    return;
  }
  const result = await git.push({
    fs,
    http,
    dir: context.dir,
    remote: remoteName,
    url: remote.url,
    ref: branch,
    onProgress: phaseProgress(context, jobId, 'pushing'),
    ...credentialsFor(context, remote),
  });
  if (!result.ok) throw Object.assign(new Error('push refused'), { code: 'GitPushError' });
}

/** The credentials to send up front to the system's git (it cannot ask back). */
async function credentialsOf(context: GitContext, remote: SplitRemoteUrl): Promise<GitCredentials | null> {
  return remote.credentials ?? (await context.credentials.get(remote.origin));
}
