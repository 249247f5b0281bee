import { randomUUID } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { GitConflict, PendingSync, SyncResult } from '../../../shared/git-contract';
import { FolioError } from '../../../shared/errors';
import { commitChanges, listChanges, suggestMessage, type TitleOf } from './git-changes';
import { isNetworkError, toGitError } from './git-errors';
import {
  authCallbacks,
  commitIdentity,
  fs,
  git,
  http,
  phaseProgress,
  readRemote,
  remoteName,
  requireBranch,
  requireRepository,
  resolveRef,
  type GitContext,
} from './git-repository';
import { ensureFolioIgnored } from './folio-ignore';
import { mergeBases, readFlatTree, writeFlatTree, type FlatTree } from './git-trees';
import type { GitCredentials } from './git-credentials';
import { classifyFailure, systemGit } from './system-git';
import {
  clearPendingSync,
  keepIndexCopy,
  loadPendingSync,
  restoreIndexCopy,
  savePendingSync,
  type PendingSyncRecord,
} from './pending-sync';
import type { SplitRemoteUrl } from './remote-url';
import { syncSummary } from './sync-summary';
import { mergeTrees } from './tree-merge';
import { changedPaths, checkWorkTree, updateWorkTree } from './work-tree-update';
import { countOf, words } from '../../../shared/plural';

/** How often a push refused because the remote moved meanwhile fetches, merges and tries again. */
export const maxPushAttempts = 3;

/** Input of {@link syncLibrary}. */
export interface SyncInput {
  readonly message?: string;
  readonly commitOnly?: boolean;
  readonly jobId?: string;
}

/** Input of {@link resolveSync}. */
export interface ResolveInput {
  readonly syncId: string;
  /** `text: null` deletes an article that one side deleted and the other changed. */
  readonly resolutions: readonly { readonly path: string; readonly text: string | null }[];
  readonly jobId?: string;
}

/** What the merge-and-push loop needs to carry. */
interface Run {
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

/** The outcome of merging the remote's branch into this library's commit. */
type Integration =
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

function credentialsFor(context: GitContext, remote: SplitRemoteUrl) {
  return authCallbacks(remote.credentials, () => context.credentials.get(remote.origin));
}

/** Fetches the remote's branch; offline or refused, nothing in the library has changed. */
async function fetchRemote(
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

/**
 * Merges the remote's commit into this library's (`ours`), without touching the work tree.
 * The merge commit, if any, is written but no branch moves yet.
 */
async function integrate(
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
    message: message
      ? `Merge changes from ${remoteName}/${branch}: ${message}`
      : `Merge changes from ${remoteName}/${branch}`,
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
async function advance(
  dir: string,
  branch: string,
  step: Extract<Integration, { kind: 'advance' }>,
  cache: object,
): Promise<void> {
  await checkWorkTree(dir, step.from, changedPaths(step.from, step.to));
  await updateWorkTree(dir, step.from, step.to, cache);
  await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: step.head, force: true });
}

function isPushRejection(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'PushRejectedError' || code === 'GitPushError' || classifyFailure(error) === 'rejected';
}

/** Sends the branch to the remote; never forced. Throws what the transport threw. */
async function pushBranch(
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

/** True when `ours` has commits the remote's last known commit lacks. */
async function hasUnsent(
  dir: string,
  ours: string | null,
  theirs: string | null,
  cache: object,
): Promise<boolean> {
  if (ours === null || ours === theirs) return false;
  if (theirs === null) return true;
  return !(await mergeBases(dir, ours, theirs, cache)).includes(ours);
}

/**
 * Fetched already: merges the remote's branch, writes the result into the work tree, pushes.
 * A push refused because the remote moved meanwhile fetches and merges again, at most
 * {@link maxPushAttempts} times. Never force-pushes.
 */
async function mergeAndPush(run: Run, startHead: string | null): Promise<SyncResult> {
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

function finish(
  run: Run,
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
  const run: Run = {
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

async function restoreGitignore(dir: string, before: string | null | undefined): Promise<void> {
  if (before === undefined) return;
  const file = path.join(dir, '.gitignore');
  if (before === null) await unlink(file).catch(() => undefined);
  else await writeFileAtomic(file, Buffer.from(before, 'base64'), { fsync: true });
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
    message: record.message
      ? `Merge changes from ${remoteName}/${record.branch}: ${record.message}`
      : `Merge changes from ${remoteName}/${record.branch}`,
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
  const run: Run = {
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
