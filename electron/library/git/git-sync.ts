import type { SyncResult } from '../../../shared/git-contract';
import { FolioError } from '../../../shared/errors';
import { commitChanges, listChanges, suggestMessage, type TitleOf } from './git-changes';
import { toGitError } from './git-errors';
import { readRemote, requireBranch, requireRepository, resolveRef, type GitContext } from './git-repository';
import { ensureFolioIgnored } from './folio-ignore';
import {
  clearPendingSync,
  keepIndexCopy,
  loadPendingSync,
  restoreGitignore,
  restoreIndexCopy,
} from './pending-sync';
import { finish, mergeAndPush, type SyncRun } from './merge-and-push';
import { fetchRemote } from './sync-transport';

/*
 * A library's sync starts here: commit its changes, then fetch, merge and push
 * (`merge-and-push.ts`). A sync stopped on conflicts is finished or given up in
 * `sync-resolution.ts`.
 */

/** Input of {@link syncLibrary}. */
export interface SyncInput {
  readonly message?: string;
  readonly commitOnly?: boolean;
  readonly jobId?: string;
}

/**
 * Sync: fetch (offline: `OFFLINE`, nothing changed), commit the library's changes, merge the
 * remote's, push. Stops before pushing when both sides changed an article, with the library's
 * files as they were and a pending sync to resolve or cancel.
 */
export async function syncLibrary(
  context: GitContext,
  input: SyncInput,
  titleOf: TitleOf,
): Promise<SyncResult> {
  const dir = context.dir;
  await requireRepository(dir);
  if (await loadPendingSync(dir)) {
    throw new FolioError(
      'GIT_ERROR',
      'The last sync is waiting for its conflicts to be resolved: resolve or cancel it first.',
    );
  }
  const branch = await requireBranch(dir);
  const remote = await readRemote(dir);
  const cache = {};
  const commitOnly = input.commitOnly === true || remote === null;
  if (!commitOnly) await fetchRemote(context, remote!, branch, input.jobId);

  const headBefore = await resolveRef(dir, `refs/heads/${branch}`);
  const indexBefore = await keepIndexCopy(dir);
  const ignore = await ensureFolioIgnored(dir);
  const gitignoreBefore = ignore.written ? (ignore.before?.toString('base64') ?? null) : undefined;
  let committed: string[];
  let head: string | null;
  try {
    if (input.jobId !== undefined)
      context.progress({ jobId: input.jobId, phase: 'committing', loaded: 0, total: null });
    const changes = await listChanges(dir, cache);
    const message =
      input.message?.trim() || (await suggestMessage(dir, changes, titleOf)) || 'Update the library';
    head = (await commitChanges(dir, branch, changes, message, cache)) ?? headBefore;
    committed = changes.map((change) => change.path);
  } catch (error) {
    await restoreIndexCopy(dir, indexBefore);
    await restoreGitignore(dir, gitignoreBefore);
    throw toGitError(error, remote?.host ?? 'the remote', 'committing');
  }
  const run: SyncRun = {
    context,
    remote: remote!,
    branch,
    jobId: input.jobId,
    cache,
    message: input.message?.trim() || null,
    committed,
    ignoreWritten: ignore.written,
    before: { headBefore, indexBefore, gitignoreBefore },
  };
  if (commitOnly) {
    await clearPendingSync(dir);
    return finish(
      run,
      committed.length > 0 ? 'committed' : 'up-to-date',
      [],
      [],
      false,
      false,
      remote === null && committed.length > 0 ? 'This library has no remote to send them to.' : undefined,
    );
  }
  try {
    return await mergeAndPush(run, head);
  } catch (error) {
    throw error instanceof FolioError ? error : toGitError(error, remote!.host, 'merging');
  }
}
