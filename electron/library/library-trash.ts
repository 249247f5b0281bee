import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FolioError } from '../../shared/errors';
import type { TrashEntry } from '../../shared/library-contract';
import { moveExclusive } from './exclusive-files';
import type { FileLocations } from './file-locations';
import { folioFolder, type FileMethods, type FileOperationsContext } from './file-operations-context';
import { ioError } from './io-error';
import { posixDirname } from './paths';

const trashFolder = `${folioFolder}/trash`;
const trashMeta = 'folio-trash.json';

/**
 * Deleting an article and bringing it back: into the OS trash when the host has one, otherwise
 * into the library's own `.folio/trash`, listed and restored from there (under a free name).
 */
export function trashMethods(
  ctx: FileOperationsContext,
  locations: FileLocations,
): FileMethods<'deleteArticle' | 'listTrash' | 'restoreFromTrash'> {
  const { realRoot, index } = ctx;
  const { resolve, resolveFolder, resolveExistingArticle, freeName } = locations;

  function trashDir(): string {
    return path.join(realRoot, ...trashFolder.split('/'));
  }

  async function readTrash(): Promise<TrashEntry[]> {
    const entries: TrashEntry[] = [];
    for (const id of await readdir(trashDir()).catch(() => [] as string[])) {
      try {
        const meta = JSON.parse(await readFile(path.join(trashDir(), id, trashMeta), 'utf8')) as TrashEntry;
        if (typeof meta.path === 'string' && typeof meta.deletedAt === 'string') {
          entries.push({ id, path: meta.path, deletedAt: meta.deletedAt });
        }
      } catch {
        // Not one of ours (or damaged): leave it alone.
      }
    }
    return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  return {
    async deleteArticle({ path: relative }) {
      const absolute = await resolveExistingArticle(relative);
      let trashId: string | null = null;
      if (ctx.host.trashItem) {
        await ctx.host.trashItem(absolute).catch((error: unknown) => {
          throw ioError(error, relative);
        });
      } else {
        trashId = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
        const holder = path.join(trashDir(), trashId);
        await mkdir(holder, { recursive: true });
        const meta: Omit<TrashEntry, 'id'> = { path: relative, deletedAt: new Date().toISOString() };
        await writeFileAtomic(path.join(holder, trashMeta), JSON.stringify(meta), { fsync: true });
        try {
          await moveExclusive(absolute, path.join(holder, path.basename(absolute)), relative);
        } catch (error) {
          await rm(holder, { recursive: true, force: true });
          throw error;
        }
      }
      index.forget(relative);
      ctx.emit('articleChanged', { path: relative, hash: null });
      ctx.emit('libraryChanged', {});
      return { trashId };
    },

    async listTrash() {
      return readTrash();
    },

    async restoreFromTrash({ id }) {
      if (!/^[a-z0-9-]+$/.test(id)) throw new FolioError('NOT_FOUND', 'That item is not in the trash.');
      const entry = (await readTrash()).find((item) => item.id === id);
      if (!entry) throw new FolioError('NOT_FOUND', 'That item is not in the trash.');
      const holder = path.join(trashDir(), id);
      const fileName = entry.path.slice(entry.path.lastIndexOf('/') + 1);
      const stored = path.join(holder, fileName);
      let folder = posixDirname(entry.path);
      let dir = realRoot;
      if (folder) {
        try {
          await mkdir(await resolve(folder), { recursive: true });
          dir = await resolveFolder(folder);
        } catch {
          // The old folder cannot be made again (a file took its name...): restore to the root.
          folder = '';
        }
      }
      const ext = path.extname(fileName);
      const base = fileName.slice(0, fileName.length - ext.length);
      const free = await freeName(dir, base, ext).catch(() => null);
      const name =
        free && free.toLowerCase() === fileName.toLowerCase()
          ? fileName
          : await freeName(dir, `${base} (restored)`, ext);
      const target = path.join(dir, name);
      await moveExclusive(stored, target, name);
      await rm(holder, { recursive: true, force: true });
      const relative = folder ? `${folder}/${name}` : name;
      index.addFolderChain(folder);
      await index.recordWrite(relative, target);
      ctx.emit('libraryChanged', {});
      return { path: relative };
    },
  };
}
