import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EventName, FolioEvents, MethodInputs, MethodOutputs } from '../../shared/contract';
import { FolioError } from '../../shared/errors';
import type { LibraryMethodOutputs, MovePlan, TrashEntry } from '../../shared/library-contract';
import { slugify } from '../../shared/slug';
import { decodeArticle, encodeArticle, hashBytes } from './article-codec';
import { articleExtension, type ArticleIndex } from './article-index';
import { ioError } from './io-error';
import type { Journal } from './journal';
import { posixDirname, resolveInLibrary, splitLibraryPath, validateName } from './paths';
import { moveExclusive as moveExclusiveOnDisk } from './move-exclusive';

/** What the file operations need from the service (see `LibraryContext`). */
export interface FileOperationsContext {
  readonly realRoot: string;
  readonly index: ArticleIndex;
  readonly journal: Journal;
  /** `trashItem`: the OS trash, when the host has one (desktop); otherwise the library-local trash. */
  readonly host: { readonly trashItem?: (absolutePath: string) => Promise<void> };
  emit<E extends EventName>(event: E, payload: FolioEvents[E]): void;
}

/** Folio's own folder inside a library (templates, local trash). Never listed. */
export const folioFolder = '.folio';
const trashFolder = `${folioFolder}/trash`;
const templatesFolder = `${folioFolder}/templates`;
const trashMeta = 'folio-trash.json';

type Ops = Pick<
  { [K in keyof LibraryMethodOutputs]: (input: MethodInputs[K]) => Promise<MethodOutputs[K]> },
  | 'listFolders'
  | 'listTemplates'
  | 'createArticle'
  | 'createFolder'
  | 'planMove'
  | 'moveArticle'
  | 'duplicateArticle'
  | 'saveArticleCopy'
  | 'deleteArticle'
  | 'listTrash'
  | 'restoreFromTrash'
>;

/**
 * Creating, renaming, moving, duplicating, deleting and restoring articles and folders. Every
 * name is validated as one safe segment, every path is confined to the library, and new files
 * are created exclusively so that nothing existing is ever replaced (not even `a.md` by `A.md`
 * on a case-insensitive disk).
 */
export function fileOperationMethods(ctx: FileOperationsContext): Ops {
  const { realRoot, index } = ctx;

  async function resolve(relative: string): Promise<string> {
    try {
      return await resolveInLibrary(realRoot, relative);
    } catch (error) {
      throw ioError(error, relative);
    }
  }

  async function resolveFolder(relative: string): Promise<string> {
    if (relative === '') return realRoot;
    const segments = splitLibraryPath(relative);
    if (segments.some((segment) => segment.startsWith('.'))) {
      throw new FolioError(
        'INVALID_NAME',
        'Folders whose names start with a dot are hidden from the library.',
      );
    }
    const absolute = await resolve(relative);
    const info = await stat(absolute).catch(() => null);
    if (!info) throw new FolioError('NOT_FOUND', `The folder “${relative}” does not exist.`);
    if (!info.isDirectory()) throw new FolioError('INVALID_ARGUMENT', `“${relative}” is not a folder.`);
    return absolute;
  }

  async function resolveExistingArticle(relative: string): Promise<string> {
    if (!articleExtension.test(relative)) {
      throw new FolioError('INVALID_NAME', 'Articles are files ending in .md or .markdown.');
    }
    const absolute = await resolve(relative);
    const info = await lstat(absolute).catch(() => null);
    if (!info?.isFile()) throw new FolioError('NOT_FOUND', `“${relative}” no longer exists.`);
    return absolute;
  }

  /** Refuses a name that already exists in `dir`, also when it differs only in case. */
  async function assertFree(dir: string, name: string, except?: string): Promise<void> {
    const wanted = name.normalize('NFC').toLowerCase();
    for (const existing of await readdir(dir).catch(() => [] as string[])) {
      if (existing === except) continue;
      if (existing === name)
        throw new FolioError('ALREADY_EXISTS', `“${name}” already exists in this folder.`);
      if (existing.normalize('NFC').toLowerCase() === wanted) {
        throw new FolioError(
          'ALREADY_EXISTS',
          `“${existing}” already exists here. Names that differ only in upper and lower case ` +
            'would collide on Windows and macOS.',
        );
      }
    }
  }

  /** A free name in `dir` from `base` + `ext`, adding " 2", " 3"... (or "-2" for slugs). */
  async function freeName(dir: string, base: string, ext: string, joiner = ' '): Promise<string> {
    const taken = new Set((await readdir(dir).catch(() => [] as string[])).map((n) => n.toLowerCase()));
    for (let n = 1; n < 10_000; n++) {
      const name = n === 1 ? `${base}${ext}` : `${base}${joiner}${n}${ext}`;
      if (!taken.has(name.toLowerCase())) return validateName(name);
    }
    throw new FolioError('ALREADY_EXISTS', `Too many files are named like “${base}”.`);
  }

  /** Creates a new file exclusively, writing and syncing its bytes. */
  async function createExclusive(absolute: string, bytes: Uint8Array, what: string): Promise<void> {
    let handle;
    try {
      handle = await open(absolute, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new FolioError('ALREADY_EXISTS', `“${what}” already exists.`);
      }
      throw ioError(error, what);
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(absolute, { force: true });
      throw ioError(error, what);
    }
  }

  /** {@link moveExclusiveOnDisk} with Folio's messages: the target's name when it exists. */
  async function moveExclusive(from: string, to: string, what: string): Promise<void> {
    await moveExclusiveOnDisk(from, to).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new FolioError('ALREADY_EXISTS', `“${what}” already exists.`);
      }
      throw ioError(error, what);
    });
  }

  /** Validates the destination of a move; returns its absolute path. */
  async function destination(from: string, to: string): Promise<string> {
    const segments = splitLibraryPath(to);
    const name = segments[segments.length - 1]!;
    validateName(name);
    if (name.normalize('NFC') !== name) {
      throw new FolioError(
        'INVALID_NAME',
        'Please type the name again: it is not in the standard Unicode form.',
      );
    }
    if (!articleExtension.test(name)) {
      throw new FolioError('INVALID_NAME', 'An article’s name must end in .md or .markdown.');
    }
    const folder = segments.slice(0, -1).join('/');
    const dir = await resolveFolder(folder);
    const sameFolder = posixDirname(from) === folder;
    await assertFree(dir, name, sameFolder ? from.slice(from.lastIndexOf('/') + 1) : undefined);
    return path.join(dir, name);
  }

  /** Reads the articles whose links a move of `from` to `to` changes, with the new texts. */
  async function computeMove(from: string, to: string) {
    // The Markdown parser loads with the first move, not with every library opened.
    const { rewriteLinks } = await import('./link-rewrite');
    const moves = new Map([[from, to]]);
    const articles = [...index.all()].map((entry) => entry.summary.path);
    const files: {
      path: string;
      absolute: string;
      bytes: Buffer;
      text: string;
      changes: MovePlan['files'][number]['changes'];
    }[] = [];
    for (const entry of index.all()) {
      const docPath = entry.summary.path;
      if (entry.hash === null) continue;
      const absolute = path.join(realRoot, ...docPath.split('/'));
      const bytes = await readFile(absolute).catch(() => null);
      if (!bytes) continue;
      const decoded = decodeArticle(bytes);
      if (decoded.text === null || decoded.binary) continue;
      const outcome =
        docPath === from
          ? rewriteLinks(decoded.text, from, moves, to, articles)
          : rewriteLinks(decoded.text, docPath, moves, docPath, articles);
      if (outcome.changes.length > 0) {
        files.push({ path: docPath, absolute, bytes, text: outcome.text, changes: outcome.changes });
      }
    }
    return files;
  }

  /** Writes a rewritten text back if the file still holds the bytes it was computed from. */
  async function writeRewrite(absolute: string, bytes: Buffer, text: string): Promise<boolean> {
    const now = await readFile(absolute).catch(() => null);
    if (!now || hashBytes(now) !== hashBytes(bytes)) return false;
    const decoded = decodeArticle(bytes);
    const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(decoded.bom ? bytes.subarray(3) : bytes);
    const out = encodeArticle(text, { bom: decoded.bom, lineEnding: decoded.lineEnding, originalRaw: raw });
    await writeFileAtomic(absolute, out, { fsync: true });
    return true;
  }

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
    async listFolders() {
      if (!index.ready) await index.scan();
      return index.folders();
    },

    async listTemplates() {
      const dir = path.join(realRoot, ...templatesFolder.split('/'));
      const names = (await readdir(dir).catch(() => [] as string[]))
        .filter((n) => articleExtension.test(n))
        .sort();
      return [
        { name: '', label: 'Default (title, date, status: draft)' },
        ...names.map((name) => ({ name, label: name.replace(articleExtension, '') })),
      ];
    },

    async createArticle({ folder, name, title, template }) {
      const dir = await resolveFolder(folder);
      const cleanTitle = (title ?? '').trim() || 'Untitled';
      let fileName: string;
      if (name !== undefined && name.trim() !== '') {
        const withExt = articleExtension.test(name) ? name : `${name}.md`;
        fileName = validateName(withExt);
        await assertFree(dir, fileName);
      } else {
        fileName = await freeName(dir, slugify(cleanTitle) || 'untitled', '.md', '-');
      }
      const date = new Date().toISOString().slice(0, 10);
      let text: string;
      if (template) {
        validateName(template);
        const templatePath = await resolve(`${templatesFolder}/${template}`);
        const bytes = await readFile(templatePath).catch((error: unknown) => {
          throw ioError(error, `template ${template}`);
        });
        const decoded = decodeArticle(bytes);
        if (decoded.text === null)
          throw new FolioError('NOT_UTF8', `The template “${template}” is not valid UTF-8.`);
        text = decoded.text
          .replaceAll('{{title}}', cleanTitle.replace(/"/g, '\\"'))
          .replaceAll('{{date}}', date)
          .replaceAll('{{slug}}', fileName.replace(articleExtension, ''));
      } else {
        text = `---\ntitle: ${JSON.stringify(cleanTitle)}\ndate: ${date}\nstatus: draft\n---\n\n`;
      }
      const relative = folder ? `${folder}/${fileName}` : fileName;
      const absolute = path.join(dir, fileName);
      await createExclusive(absolute, Buffer.from(text, 'utf8'), relative);
      await index.recordWrite(relative, absolute);
      ctx.emit('libraryChanged', {});
      return { path: relative };
    },

    async createFolder({ parent, name }) {
      const dir = await resolveFolder(parent);
      const clean = validateName(name);
      if (clean.startsWith('.')) {
        throw new FolioError('INVALID_NAME', 'A folder name cannot start with a dot: Folio would hide it.');
      }
      await assertFree(dir, clean);
      try {
        await mkdir(path.join(dir, clean));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new FolioError('ALREADY_EXISTS', `“${clean}” already exists in this folder.`);
        }
        throw ioError(error, clean);
      }
      const relative = parent ? `${parent}/${clean}` : clean;
      index.addFolderChain(relative);
      ctx.emit('libraryChanged', {});
      return { path: relative };
    },

    async planMove({ path: from, to }) {
      await resolveExistingArticle(from);
      if (from !== to) await destination(from, to);
      if (!index.ready) await index.scan();
      const files = await computeMove(from, to);
      return { from, to, files: files.map(({ path: p, changes }) => ({ path: p, changes })) };
    },

    async moveArticle({ path: from, to, rewriteLinks: rewrite = true }) {
      const source = await resolveExistingArticle(from);
      if (from === to) return { path: to, rewritten: [], skipped: [] };
      const target = await destination(from, to);
      if (!index.ready) await index.scan();
      const plan = rewrite ? await computeMove(from, to) : [];
      const caseOnly = from.toLowerCase() === to.toLowerCase();
      if (caseOnly) {
        // A case-only rename on a case-insensitive disk: go through a temporary name.
        const temp = `${source}.folio-rename-${randomBytes(4).toString('hex')}`;
        await rename(source, temp).catch((error: unknown) => {
          throw ioError(error, from);
        });
        await rename(temp, target).catch(async (error: unknown) => {
          await rename(temp, source).catch(() => undefined);
          throw ioError(error, to);
        });
      } else {
        await moveExclusive(source, target, to);
      }
      index.forget(from);
      await index.recordWrite(to, target);
      await ctx.journal.rename(from, to).catch(() => undefined);
      ctx.emit('articleRenamed', { from, to });
      const rewritten: string[] = [];
      const skipped: string[] = [];
      for (const file of plan) {
        const isSelf = file.path === from;
        const absolute = isSelf ? target : file.absolute;
        const shown = isSelf ? to : file.path;
        try {
          if (await writeRewrite(absolute, file.bytes, file.text)) {
            rewritten.push(shown);
            await index.recordWrite(shown, absolute);
            const entry = index.get(shown);
            ctx.emit('articleChanged', { path: shown, hash: entry?.hash ?? null });
          } else skipped.push(shown);
        } catch {
          skipped.push(shown);
        }
      }
      ctx.emit('libraryChanged', {});
      return { path: to, rewritten, skipped };
    },

    async duplicateArticle({ path: from }) {
      const source = await resolveExistingArticle(from);
      const dir = path.dirname(source);
      const ext = path.extname(from);
      const base = from.slice(from.lastIndexOf('/') + 1, from.length - ext.length);
      const name = await freeName(dir, `${base} copy`, ext);
      const target = path.join(dir, name);
      try {
        await copyFile(source, target, constants.COPYFILE_EXCL);
      } catch (error) {
        throw ioError(error, name);
      }
      const relative = posixDirname(from) ? `${posixDirname(from)}/${name}` : name;
      await index.recordWrite(relative, target);
      ctx.emit('libraryChanged', {});
      return { path: relative };
    },

    async saveArticleCopy({ path: from, text }) {
      if (!articleExtension.test(from)) {
        throw new FolioError('INVALID_NAME', 'Articles are files ending in .md or .markdown.');
      }
      const original = await resolve(from);
      const dir = path.dirname(original);
      if (
        !(await stat(dir).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      ) {
        throw new FolioError('NOT_FOUND', `The folder of “${from}” no longer exists.`);
      }
      const ext = path.extname(from);
      const base = from.slice(from.lastIndexOf('/') + 1, from.length - ext.length);
      const name = await freeName(dir, `${base} (my copy)`, ext);
      const onDisk = await readFile(original).catch(() => null);
      const decoded = onDisk ? decodeArticle(onDisk) : null;
      const bytes = encodeArticle(text, {
        bom: decoded?.bom ?? false,
        lineEnding: decoded?.lineEnding ?? '\n',
        originalRaw: null,
      });
      const relative = posixDirname(from) ? `${posixDirname(from)}/${name}` : name;
      const target = path.join(dir, name);
      await createExclusive(target, bytes, relative);
      await index.recordWrite(relative, target);
      ctx.emit('libraryChanged', {});
      return { path: relative };
    },

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
