import type { PendingSync, SyncResult } from '../../../shared/git-contract';
import { FolioError } from '../../../shared/errors';
import { commitIdentity, fs, git, readRemote, requireRepository, type GitContext } from './git-repository';
import { mergeBases, readFlatTree, writeFlatTree } from './git-trees';
import {
  clearPendingSync,
  keepIndexCopy,
  loadPendingSync,
  restoreGitignore,
  restoreIndexCopy,
  type PendingSyncRecord,
} from './pending-sync';
import { advance, mergeMessage } from './sync-merge';
import { mergeAndPush, type SyncRun } from './merge-and-push';
import { mergeTrees } from './tree-merge';
import { countOf, words } from '../../../shared/plural';

/** Input of {@link resolveSync}. */
export interface ResolveInput {
  readonly syncId: string;
  /** `text: null` deletes an article that one side deleted and the other changed. */
  readonly resolutions: readonly { readonly path: string; readonly text: string | null }[];
  readonly jobId?: string;
}

/** The stopped sync with its conflicts recomputed from the two commits, or `null`. */
export async function readPendingSync(dir: string): Promise<PendingSync | null> {
  const record = await loadPendingSync(dir);
  if (!record) return null;
  const merged = await recomputeMerge(dir, record, {});
  return { syncId: record.syncId, conflicts: merged.merge.conflicts };
}

async function recomputeMerge(dir: string, record: PendingSyncRecord, cache: object) {
  const bases = await mergeBases(dir, record.ours, record.theirs, cache);
  const base = await readFlatTree(dir, bases[0] ?? null, cache);
  const ours = await readFlatTree(dir, record.ours, cache);
  const theirs = await readFlatTree(dir, record.theirs, cache);
  return { ours, merge: await mergeTrees(dir, base, ours, theirs, cache) };
}

async function requirePending(dir: string, syncId: string): Promise<PendingSyncRecord> {
  const record = await loadPendingSync(dir);
  if (!record || record.syncId !== syncId) {
    throw new FolioError('INVALID_ARGUMENT', 'That sync is no longer waiting: it was finished or cancelled.');
  }
  return record;
}

/**
 * Finishes a stopped sync with the author's text for every conflicted article: the merge
 * commit (two parents) goes into the work tree, then to the remote.
 */
export async function resolveSync(context: GitContext, input: ResolveInput): Promise<SyncResult> {
  const dir = context.dir;
  await requireRepository(dir);
  const record = await requirePending(dir, input.syncId);
  const remote = await readRemote(dir);
  if (!remote) throw new FolioError('NOT_A_REPOSITORY', 'This library has no remote to sync with.');
  const cache = {};
  const { ours, merge } = await recomputeMerge(dir, record, cache);
  const conflicted = new Set(merge.conflicts.map((conflict) => conflict.path));
  const deletedOnOneSide = new Set(
    merge.conflicts.filter((c) => c.mine === null || c.theirs === null).map((c) => c.path),
  );
  const given = new Map<string, string | null>();
  for (const resolution of input.resolutions) {
    if (!conflicted.has(resolution.path)) {
      throw new FolioError('INVALID_ARGUMENT', `“${resolution.path}” is not one of the conflicted articles.`);
    }
    if (resolution.text === null && !deletedOnOneSide.has(resolution.path)) {
      throw new FolioError(
        'INVALID_ARGUMENT',
        `“${resolution.path}” was changed on both sides, not deleted: choose its text. Nothing was changed.`,
      );
    }
    given.set(resolution.path, resolution.text);
  }
  const missing = [...conflicted].filter((p) => !given.has(p));
  if (missing.length > 0) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `Choose the text to keep for ${missing.map((p) => `“${p}”`).join(', ')}. Nothing was changed.`,
    );
  }
  const files = new Map(merge.files);
  for (const [filepath, text] of given) {
    if (text === null) {
      files.delete(filepath);
      continue;
    }
    const oid = await git.writeBlob({ fs, dir, blob: Buffer.from(text, 'utf8') });
    files.set(filepath, { oid, mode: ours.get(filepath)?.mode ?? '100644' });
  }
  const tree = await writeFlatTree(dir, files);
  const author = await commitIdentity(dir);
  const head = await git.commit({
    fs,
    dir,
    message: mergeMessage(record.branch, record.message),
    tree,
    parent: [record.ours, record.theirs],
    author,
    noUpdateBranch: true,
    cache,
  });
  const step = { kind: 'advance' as const, head, from: ours, to: files, received: [], keptBoth: [] };
  await advance(dir, record.branch, step, cache);
  await clearPendingSync(dir);
  // Should the push meet new conflicts, cancelling that sync returns to this merge.
  const indexBefore = await keepIndexCopy(dir);
  const run: SyncRun = {
    context,
    remote,
    branch: record.branch,
    jobId: input.jobId,
    cache,
    message: record.message,
    committed: [],
    ignoreWritten: false,
    before: { headBefore: head, indexBefore, gitignoreBefore: undefined },
  };
  const result = await mergeAndPush(run, head);
  const resolvedReceived = [...merge.received, ...conflicted];
  return result.outcome === 'conflicts'
    ? result
    : {
        ...result,
        outcome: 'synced',
        received: result.received + resolvedReceived.length,
        summary: `Merged ${countOf(given.size, words.article)} as you chose. ${result.pushed ? 'Sent the merge.' : result.summary}`,
      };
}

/**
 * Gives up a stopped sync: the branch, the index and `.gitignore` return to exactly their
 * state before the sync (the work tree was never touched); the remote never saw anything.
 */
export async function cancelSync(context: GitContext, syncId: string): Promise<{ cancelled: boolean }> {
  const dir = context.dir;
  const record = await loadPendingSync(dir);
  if (!record || record.syncId !== syncId) return { cancelled: false };
  const ref = `refs/heads/${record.branch}`;
  if (record.headBefore === null) await git.deleteRef({ fs, dir, ref });
  else await git.writeRef({ fs, dir, ref, value: record.headBefore, force: true });
  await restoreIndexCopy(dir, record.indexBefore);
  await restoreGitignore(dir, record.gitignoreBefore);
  await clearPendingSync(dir);
  return { cancelled: true };
}
