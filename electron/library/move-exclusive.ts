import { link, lstat, rename, unlink } from 'node:fs/promises';

/**
 * Moves a file without ever replacing one: a hard link fails with `EEXIST` when the target
 * exists. On disks without hard links a checked rename is the fallback (a narrow window between
 * the check and the rename). Errors keep their Node `code` (`EEXIST` when the target exists).
 */
export async function moveExclusive(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
    await unlink(from);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
  }
  const exists = await lstat(to).then(
    () => true,
    () => false,
  );
  if (exists) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
  await rename(from, to);
}
