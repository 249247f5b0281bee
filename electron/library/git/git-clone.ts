import { mkdir, readdir, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioError } from '../../../shared/errors';
import type { GitCredentials } from './git-credentials';
import { toGitError } from './git-errors';
import { authCallbacks, fs, git, http, phaseProgress, resolveRef, type GitContext } from './git-repository';
import { splitRemoteUrl } from './remote-url';
import { systemGit } from './system-git';

/** Input of {@link cloneLibrary}. */
export interface CloneInput {
  readonly url: string;
  readonly folder: string;
  readonly username?: string;
  readonly password?: string;
  readonly remember?: boolean;
  readonly jobId?: string;
}

/** `~` and `~/…` are the home folder; anything else must be absolute. */
function absoluteFolder(folder: string): string {
  const trimmed = folder.trim();
  const expanded =
    trimmed === '~'
      ? os.homedir()
      : trimmed.startsWith('~/')
        ? path.join(os.homedir(), trimmed.slice(2))
        : trimmed;
  if (!path.isAbsolute(expanded)) {
    throw new FolioError('INVALID_ARGUMENT', 'Type the full path of the folder to clone into.');
  }
  return path.resolve(expanded);
}

/**
 * Clones a remote into a new (or empty) folder. The remote's URL is stored without
 * credentials; credentials given here (or typed into the URL) go to the credential store. A
 * clone that fails leaves no folder behind (or the empty folder it was given).
 */
export async function cloneLibrary(
  context: Pick<GitContext, 'credentials' | 'progress'>,
  input: CloneInput,
): Promise<{ root: string; name: string }> {
  const remote = splitRemoteUrl(input.url);
  const folder = absoluteFolder(input.folder);
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    if (error.code === 'ENOTDIR')
      throw new FolioError('ALREADY_EXISTS', `“${folder}” is a file, not a folder.`);
    throw new FolioError('IO_ERROR', `Folio could not read “${folder}” (${error.code ?? 'unknown error'}).`);
  });
  if (entries && entries.length > 0) {
    throw new FolioError(
      'ALREADY_EXISTS',
      `“${folder}” is not empty. Choose a new or empty folder to clone into.`,
    );
  }
  const created = entries === null;
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new FolioError(
      'IO_ERROR',
      `Folio could not create “${folder}” (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`,
    );
  }
  const given: GitCredentials | null =
    input.username !== undefined || input.password !== undefined
      ? { username: input.username ?? '', password: input.password ?? '' }
      : remote.credentials;
  const dir = await realpath(folder);
  try {
    const system = await systemGit();
    if (system) {
      // git's own clone writes an index its later status trusts (after isomorphic-git's, each
      // status re-checks every file) and is about twice as fast on a big library.
      if (input.jobId !== undefined)
        context.progress({ jobId: input.jobId, phase: 'cloning', loaded: 0, total: null });
      await system.run(
        path.dirname(dir),
        ['clone', '--quiet', '--no-tags', '--single-branch', '--', remote.url, dir],
        {
          credentials: given ?? (await context.credentials.get(remote.origin)),
        },
      );
    } else {
      await git.clone({
        fs,
        http,
        dir,
        url: remote.url,
        singleBranch: true,
        noTags: true,
        onProgress: phaseProgress({ ...context, dir }, input.jobId, 'cloning'),
        ...authCallbacks(given, () => context.credentials.get(remote.origin)),
      });
    }
    // An empty remote has no branch to check out, and isomorphic-git would start on `master`:
    // start on `main`, the default branch of today's git hosts (and of `git init` on them).
    if ((await resolveRef(dir, 'HEAD')) === null) {
      await git.writeRef({ fs, dir, ref: 'HEAD', value: 'refs/heads/main', symbolic: true, force: true });
    }
  } catch (error) {
    if (created) await rm(dir, { recursive: true, force: true });
    else await emptyFolder(dir);
    throw toGitError(error, remote.host, 'cloning');
  }
  if (given) await context.credentials.set(remote.origin, given, input.remember === true);
  return { root: dir, name: path.basename(dir) };
}

async function emptyFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir).catch(() => [])) {
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
}
