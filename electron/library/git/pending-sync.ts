import { copyFile, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * What a sync stopped on conflicts must remember, kept in `.git/folio-sync.json` so that it
 * survives a restart of Folio: the state before the sync (to cancel to exactly it) and the two
 * commits to merge (to recompute the conflicts and finish the merge).
 */
export interface PendingSyncRecord {
  readonly syncId: string;
  readonly branch: string;
  /** The branch's commit before the sync; `null` when it had none. */
  readonly headBefore: string | null;
  /** Whether `.git/index` existed before (its bytes are kept in `folio-sync-index`). */
  readonly indexBefore: boolean;
  /** `.gitignore` before the sync, base64, when the sync changed it; `null`: it had none. */
  readonly gitignoreBefore: string | null | undefined;
  /** This library's commit (its changes committed by the sync). */
  readonly ours: string;
  /** The remote's commit. */
  readonly theirs: string;
  /** The commit message given to the sync, for the merge. */
  readonly message: string | null;
}

const recordName = 'folio-sync.json';
const indexCopyName = 'folio-sync-index';

/** Keeps a copy of `.git/index` before a sync changes it; resolves whether it existed. */
export async function keepIndexCopy(dir: string): Promise<boolean> {
  try {
    await copyFile(path.join(dir, '.git', 'index'), path.join(dir, '.git', indexCopyName));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Puts the kept `.git/index` back (or removes the index when there was none). */
export async function restoreIndexCopy(dir: string, existed: boolean): Promise<void> {
  const index = path.join(dir, '.git', 'index');
  if (existed) {
    const bytes = await readFile(path.join(dir, '.git', indexCopyName));
    await writeFileAtomic(index, bytes, { fsync: true });
  } else {
    await unlink(index).catch(() => undefined);
  }
}

/** Saves the record of a stopped sync. */
export async function savePendingSync(dir: string, record: PendingSyncRecord): Promise<void> {
  await writeFileAtomic(path.join(dir, '.git', recordName), JSON.stringify(record, null, 2), { fsync: true });
}

/** The record of a stopped sync, or `null`. A damaged record reads as none. */
export async function loadPendingSync(dir: string): Promise<PendingSyncRecord | null> {
  const text = await readFile(path.join(dir, '.git', recordName), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const record = JSON.parse(text) as PendingSyncRecord;
    return typeof record.syncId === 'string' && typeof record.ours === 'string' ? record : null;
  } catch {
    return null;
  }
}

/** Forgets a stopped sync (after it was resolved or cancelled) and any kept index copy. */
export async function clearPendingSync(dir: string): Promise<void> {
  await rm(path.join(dir, '.git', recordName), { force: true });
  await rm(path.join(dir, '.git', indexCopyName), { force: true });
}

/** Puts `.gitignore` back as a sync found it (`before` from {@link PendingSyncRecord.gitignoreBefore}). */
export async function restoreGitignore(dir: string, before: string | null | undefined): Promise<void> {
  if (before === undefined) return;
  const file = path.join(dir, '.gitignore');
  if (before === null) await unlink(file).catch(() => undefined);
  else await writeFileAtomic(file, Buffer.from(before, 'base64'), { fsync: true });
}
