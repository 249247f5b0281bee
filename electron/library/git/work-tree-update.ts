import { createHash } from 'node:crypto';
import { mkdir, readFile, rmdir, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FolioError } from '../../../shared/errors';
import { resolveInLibrary } from '../paths';
import { fs, git } from './git-repository';
import { readBlobBytes, type FlatTree } from './git-trees';
import { stageWithGit, systemGit } from './system-git';

/** Git's id of a blob with these bytes. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The git id of the work-tree file's bytes, or `null` when there is no file. */
export async function workTreeBlobId(dir: string, filepath: string): Promise<string | null> {
  const bytes = await readFile(path.join(dir, filepath)).catch(() => null);
  return bytes ? blobId(bytes) : null;
}

/** The paths whose file differs between two trees. */
export function changedPaths(from: FlatTree, to: FlatTree): string[] {
  const out: string[] = [];
  for (const [filepath, file] of to) {
    const before = from.get(filepath);
    if (before?.oid !== file.oid || before.mode !== file.mode) out.push(filepath);
  }
  for (const filepath of from.keys()) if (!to.has(filepath)) out.push(filepath);
  return out.sort();
}

/**
 * Checks that every path a merge would change still holds what `from` has (so nothing the
 * author saved after the sync's commit, and no untracked file, is overwritten). Throws before
 * anything is written.
 */
export async function checkWorkTree(dir: string, from: FlatTree, paths: readonly string[]): Promise<void> {
  for (const filepath of paths) {
    const expected = from.get(filepath)?.oid ?? null;
    const actual = await workTreeBlobId(dir, filepath);
    if (actual !== expected) {
      throw new FolioError(
        'GIT_ERROR',
        expected === null
          ? `“${filepath}” exists in this library but is not shared yet, and the remote has a file of that name. Rename yours, then sync again. Nothing was changed.`
          : `“${filepath}” changed while Folio was syncing. Sync again. Nothing was lost.`,
      );
    }
  }
}

/**
 * Makes the work tree and the index hold `to` where it differs from `from`: changed files are
 * written atomically, removed ones deleted (with folders they leave empty). Open articles pick
 * the change up through the watcher, as for any outside change.
 */
export async function updateWorkTree(
  dir: string,
  from: FlatTree,
  to: FlatTree,
  cache: object,
): Promise<string[]> {
  const paths = changedPaths(from, to);
  for (const filepath of paths) {
    if (filepath.split('/').some((segment) => segment.toLowerCase() === '.git')) {
      throw new FolioError(
        'GIT_ERROR',
        `The remote holds a file inside a “.git” folder (“${filepath}”); Folio does not write it.`,
      );
    }
  }
  const system = await systemGit();
  const written: string[] = [];
  for (const filepath of paths) {
    const target = await resolveInLibrary(dir, filepath);
    const file = to.get(filepath);
    if (!file) {
      await unlink(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await removeEmptyFolders(dir, path.dirname(target));
      if (!system) await git.remove({ fs, dir, filepath, cache });
      continue;
    }
    if (file.mode === '160000') continue; // a submodule: git's business, not Folio's
    await mkdir(path.dirname(target), { recursive: true });
    const bytes = await readBlobBytes(dir, file.oid, cache);
    if (file.mode === '120000') {
      await unlink(target).catch(() => undefined);
      await symlink(Buffer.from(bytes).toString('utf8'), target);
    } else {
      await writeFileAtomic(target, Buffer.from(bytes), {
        fsync: true,
        mode: file.mode === '100755' ? 0o755 : 0o644,
      });
    }
    written.push(filepath);
  }
  if (system) {
    await stageWithGit(system, dir, { add: written, remove: paths.filter((p) => !to.has(p)) }, true);
  } else if (written.length > 0) await git.add({ fs, dir, filepath: written, force: true, cache });
  return paths;
}

async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  let current = folder;
  while (current.startsWith(root + path.sep)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}
