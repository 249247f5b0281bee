import { randomUUID } from 'node:crypto';
import type { PendingSync, SyncResult } from '../../../shared/git-contract';
import { FolioError } from '../../../shared/errors';
import { isNetworkError, toGitError } from './git-errors';
import { fs, git, remoteName, resolveRef, type GitContext } from './git-repository';
import { classifyFailure } from './system-git';
import { clearPendingSync, keepIndexCopy, savePendingSync, type PendingSyncRecord } from './pending-sync';
import type { SplitRemoteUrl } from './remote-url';
import { syncSummary } from './sync-summary';
import { advance, hasUnsent, integrate } from './sync-merge';
import { fetchRemote, isPushRejection, pushBranch } from './sync-transport';
import { countOf } from '../../../shared/plural';

/** How often a push refused because the remote moved meanwhile fetches, merges and tries again. */
export const maxPushAttempts = 3;

/** What the merge-and-push loop needs to carry. */
export interface SyncRun {
  readonly context: GitContext;
  readonly remote: SplitRemoteUrl;
  readonly branch: string;
  readonly jobId: string | undefined;
  readonly cache: object;
  readonly message: string | null;
  readonly committed: readonly string[];
  readonly ignoreWritten: boolean;
  /** The state before the sync, for a stop on conflicts during the first merge. */
  readonly before: {
    headBefore: string | null;
    indexBefore: boolean;
    gitignoreBefore: string | null | undefined;
  };
}

/**
 * Fetched already: merges the remote's branch, writes the result into the work tree, pushes.
 * A push refused because the remote moved meanwhile fetches and merges again, at most
 * {@link maxPushAttempts} times. Never force-pushes.
 */
export async function mergeAndPush(run: SyncRun, startHead: string | null): Promise<SyncResult> {
  const { context, remote, branch, cache } = run;
  const dir = context.dir;
  let ours = startHead;
  const received: string[] = [];
  const keptBoth: string[] = [];
  let pushedEarlierCommits = false;
  for (let attempt = 1; ; attempt += 1) {
    const theirs = await resolveRef(dir, `refs/remotes/${remoteName}/${branch}`);
    if (run.jobId !== undefined)
      context.progress({ jobId: run.jobId, phase: 'merging', loaded: 0, total: null });
    const step = await integrate(dir, branch, ours, theirs, run.message, cache);
    if (step.kind === 'conflicts') {
      const first = attempt === 1 && received.length === 0;
      const record: PendingSyncRecord = {
        syncId: randomUUID(),
        branch,
        headBefore: first ? run.before.headBefore : ours,
        indexBefore: first ? run.before.indexBefore : await keepIndexCopy(dir),
        gitignoreBefore: first ? run.before.gitignoreBefore : undefined,
        ours: ours!,
        theirs: theirs!,
        message: run.message,
      };
      await savePendingSync(dir, record);
      const pending: PendingSync = { syncId: record.syncId, conflicts: step.conflicts };
      const n = step.conflicts.length;
      return {
        outcome: 'conflicts',
        summary: `${countOf(n, { one: 'article was', other: 'articles were' })} changed both here and on the remote. Choose the text to keep; nothing was sent yet.`,
        committed: run.committed.length,
        received: 0,
        pushed: false,
        pending,
      };
    }
    if (step.kind === 'advance') {
      await advance(dir, branch, step, cache);
      ours = step.head;
      received.push(...step.received);
      keptBoth.push(...step.keptBoth);
    }
    if (!(await hasUnsent(dir, ours, theirs, cache))) {
      await clearPendingSync(dir);
      const outcome =
        run.committed.length + received.length === 0 && !pushedEarlierCommits ? 'up-to-date' : 'synced';
      return finish(run, outcome, received, keptBoth, false, pushedEarlierCommits);
    }
    try {
      await pushBranch(context, remote, branch, run.jobId);
      await git.writeRef({ fs, dir, ref: `refs/remotes/${remoteName}/${branch}`, value: ours!, force: true });
      await clearPendingSync(dir);
      pushedEarlierCommits = run.committed.length === 0;
      return finish(run, 'synced', received, keptBoth, true, pushedEarlierCommits);
    } catch (error) {
      if (isNetworkError(error) || classifyFailure(error) === 'offline') {
        await clearPendingSync(dir);
        return finish(
          run,
          run.committed.length + received.length > 0 ? 'committed' : 'up-to-date',
          received,
          keptBoth,
          false,
          false,
          `Could not reach ${remote.host} to send them: they are kept here and go with the next sync.`,
        );
      }
      if (!isPushRejection(error)) throw toGitError(error, remote.host, 'sending your changes');
      if (attempt >= maxPushAttempts) {
        await clearPendingSync(dir);
        throw new FolioError(
          'PUSH_REJECTED',
          `${remote.host} kept refusing the changes (someone else is sending at the same time). They are committed here; sync again in a moment.`,
        );
      }
      await fetchRemote(context, remote, branch, run.jobId);
    }
  }
}

/** The result of a sync that ended without conflicts, with its summary for the author. */
export function finish(
  run: SyncRun,
  outcome: SyncResult['outcome'],
  received: readonly string[],
  keptBoth: readonly string[],
  pushed: boolean,
  pushedEarlierCommits: boolean,
  notSentBecause?: string,
): SyncResult {
  return {
    outcome,
    summary: syncSummary({
      committed: run.committed,
      received,
      pushed,
      pushedEarlierCommits,
      ignoreWritten: run.ignoreWritten,
      keptBoth,
      notSentBecause,
    }),
    committed: run.committed.length,
    received: received.length,
    pushed,
    pending: null,
  };
}
