import type { GitStatus } from '../../../shared/git-contract';
import { listChanges, suggestMessage, type TitleOf } from './git-changes';
import {
  currentBranch,
  fs,
  git,
  isRepository,
  readRemote,
  remoteName,
  resolveRef,
  type GitContext,
} from './git-repository';
import { readPendingSync } from './sync-resolution';
import { mergeBases } from './git-trees';
import { systemGit } from './system-git';

/** Past this many commits, ahead/behind counts stop (a library rarely drifts so far). */
const maxCounted = 10_000;

/** The status of a library that is not a git work tree. */
export const notARepository: GitStatus = {
  repository: false,
  branch: null,
  remote: null,
  ahead: 0,
  behind: 0,
  changes: [],
  suggestedMessage: '',
  hasCredentials: false,
  pending: null,
};

/** Commits reachable from `from` but not from `other` (at most {@link maxCounted}). */
async function countOnly(
  dir: string,
  from: string | null,
  other: string | null,
  cache: object,
): Promise<number> {
  if (from === null || from === other) return 0;
  const system = await systemGit();
  if (system) {
    const count = await system.run(dir, ['rev-list', '--count', from, ...(other ? [`^${other}`] : [])]);
    return Math.min(maxCounted, Number(count.trim()) || 0);
  }
  const excluded = new Set<string>();
  if (other !== null) {
    for (const base of await mergeBases(dir, from, other, cache)) excluded.add(base);
  }
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0 && seen.size < maxCounted) {
    const oid = queue.pop()!;
    if (seen.has(oid) || excluded.has(oid)) continue;
    seen.add(oid);
    const { commit } = await git.readCommit({ fs, dir, oid, cache });
    queue.push(...commit.parent);
  }
  return seen.size;
}

/** The library's git state: branch, remote, ahead/behind, changed files, a stopped sync. */
export async function readGitStatus(context: GitContext, titleOf: TitleOf): Promise<GitStatus> {
  const dir = context.dir;
  if (!(await isRepository(dir))) return notARepository;
  const cache = {};
  const branch = await currentBranch(dir);
  const remote = await readRemote(dir);
  const head = await resolveRef(dir, 'HEAD');
  const tracking = branch ? await resolveRef(dir, `refs/remotes/${remoteName}/${branch}`) : null;
  const pending = await readPendingSync(dir);
  const conflicted = new Set(pending?.conflicts.map((conflict) => conflict.path));
  const changes = [
    ...(await listChanges(dir, cache)).filter((change) => !conflicted.has(change.path)),
    ...[...conflicted].map((path) => ({ path, kind: 'conflicted' as const })),
  ];
  return {
    repository: true,
    branch,
    remote: remote?.url ?? null,
    ahead: await countOnly(dir, head, tracking, cache),
    behind: await countOnly(dir, tracking, head, cache),
    changes,
    suggestedMessage: await suggestMessage(dir, changes, titleOf),
    hasCredentials: remote ? (await context.credentials.get(remote.origin)) !== null : false,
    pending,
  };
}
