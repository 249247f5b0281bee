import { gitInputSchemas } from '../../../shared/git-contract';
import type { CloneInput } from './git-clone';
import type { GitContext } from './git-repository';
import type { GitMethods, GitMethodsOptions } from './git-methods';

type GitMethodName = keyof GitMethods;

/**
 * The git methods, loading the git code (and isomorphic-git) on their first call, so that
 * opening a library, and every command but `folio git`, starts without it.
 */
export function lazyGitMethods(options: GitMethodsOptions): GitMethods {
  let loaded: Promise<GitMethods> | null = null;
  const load = (): Promise<GitMethods> =>
    (loaded ??= import('./git-methods').then((module) => module.createGitMethods(options)));
  const names = Object.keys(gitInputSchemas) as GitMethodName[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (input: unknown) => {
        const methods = await load();
        return (methods[name] as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as GitMethods;
}

/** Clones a remote into a new or empty folder (see `cloneLibrary` in git-clone.ts), loading the git code first. */
export async function cloneGitLibrary(
  context: Pick<GitContext, 'credentials' | 'progress'>,
  input: CloneInput,
): Promise<{ root: string; name: string }> {
  const { cloneLibrary } = await import('./git-clone');
  return cloneLibrary(context, input);
}
