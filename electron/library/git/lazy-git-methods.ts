import type { CloneInput } from './git-clone';
import type { GitContext } from './git-repository';
import type { GitMethods, GitMethodsOptions } from './git-methods';

type GitMethodName = keyof GitMethods;

/**
 * The git methods' names, as the contract's input schemas key them. Written out rather than
 * taken from those schemas so that opening a library (and `folio list`) loads no zod; the type
 * check below fails when a method of the contract is missing here.
 */
const gitMethodNames = [
  'getGitStatus',
  'cloneLibrary',
  'setGitCredentials',
  'forgetGitCredentials',
  'syncLibrary',
  'resolveSync',
  'cancelSync',
  'listGitHistory',
  'readGitVersion',
] as const satisfies readonly GitMethodName[];
const everyMethodNamed: [Exclude<GitMethodName, (typeof gitMethodNames)[number]>] extends [never]
  ? true
  : never = true;
void everyMethodNamed;

/**
 * The git methods, loading the git code (and isomorphic-git) on their first call, so that
 * opening a library, and every command but `folio git`, starts without it.
 */
export function lazyGitMethods(options: GitMethodsOptions): GitMethods {
  let loaded: Promise<GitMethods> | null = null;
  const load = (): Promise<GitMethods> =>
    (loaded ??= import('./git-methods').then((module) => module.createGitMethods(options)));
  return Object.fromEntries(
    gitMethodNames.map((name) => [
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
