import type { GitConflict } from '../../../shared/git-contract';
import { commitIdentity, fs, git, remoteName } from './git-repository';
import { mergeBases, readFlatTree, writeFlatTree, type FlatTree } from './git-trees';
import { mergeTrees } from './tree-merge';
import { changedPaths, checkWorkTree, updateWorkTree } from './work-tree-update';

/** The outcome of merging the remote's branch into this library's commit. */
export type Integration =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'advance';
      readonly head: string;
      readonly from: FlatTree;
      readonly to: FlatTree;
      readonly received: string[];
      readonly keptBoth: string[];
    }
  | { readonly kind: 'conflicts'; readonly conflicts: GitConflict[] };

/** The message of the merge commit of the remote's `branch`, with the sync's own message if any. */
export function mergeMessage(branch: string, message: string | null): string {
  return message
    ? `Merge changes from ${remoteName}/${branch}: ${message}`
    : `Merge changes from ${remoteName}/${branch}`;
}

/**
 * Merges the remote's commit into this library's (`ours`), without touching the work tree.
 * The merge commit, if any, is written but no branch moves yet.
 */
export async function integrate(
  dir: string,
  branch: string,
  ours: string | null,
  theirs: string | null,
  message: string | null,
  cache: object,
): Promise<Integration> {
  if (theirs === null || ours === theirs) return { kind: 'none' };
  if (ours === null) {
    const theirsFiles = await readFlatTree(dir, theirs, cache);
    return {
      kind: 'advance',
      head: theirs,
      from: new Map(),
      to: theirsFiles,
      received: [...theirsFiles.keys()],
      keptBoth: [],
    };
  }
  const bases = await mergeBases(dir, ours, theirs, cache);
  if (bases.includes(theirs)) return { kind: 'none' };
  const oursFiles = await readFlatTree(dir, ours, cache);
  const theirsFiles = await readFlatTree(dir, theirs, cache);
  if (bases.includes(ours)) {
    return {
      kind: 'advance',
      head: theirs,
      from: oursFiles,
      to: theirsFiles,
      received: changedPaths(oursFiles, theirsFiles),
      keptBoth: [],
    };
  }
  // Several best common ancestors (criss-cross merges) are rare in a library: the first one
  // stands in for git's recursive virtual base; conflicts still go to the author.
  const baseFiles = await readFlatTree(dir, bases[0] ?? null, cache);
  const merged = await mergeTrees(dir, baseFiles, oursFiles, theirsFiles, cache);
  if (merged.conflicts.length > 0) return { kind: 'conflicts', conflicts: merged.conflicts };
  const tree = await writeFlatTree(dir, merged.files);
  const author = await commitIdentity(dir);
  const head = await git.commit({
    fs,
    dir,
    message: mergeMessage(branch, message),
    tree,
    parent: [ours, theirs],
    author,
    noUpdateBranch: true,
    cache,
  });
  return {
    kind: 'advance',
    head,
    from: oursFiles,
    to: merged.files,
    received: merged.received,
    keptBoth: merged.keptBoth,
  };
}

/** Writes a merge's files into the work tree and the index, then moves the branch to it. */
export async function advance(
  dir: string,
  branch: string,
  step: Extract<Integration, { kind: 'advance' }>,
  cache: object,
): Promise<void> {
  await checkWorkTree(dir, step.from, changedPaths(step.from, step.to));
  await updateWorkTree(dir, step.from, step.to, cache);
  await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: step.head, force: true });
}

/** True when `ours` has commits the remote's last known commit lacks. */
export async function hasUnsent(
  dir: string,
  ours: string | null,
  theirs: string | null,
  cache: object,
): Promise<boolean> {
  if (ours === null || ours === theirs) return false;
  if (theirs === null) return true;
  return !(await mergeBases(dir, ours, theirs, cache)).includes(ours);
}
