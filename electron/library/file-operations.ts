import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioError } from '../../shared/errors';
import { slugify } from '../../shared/slug';
import { decodeArticle, encodeArticle } from './article-codec';
import { articleExtension } from './article-index';
import { createExclusive } from './exclusive-files';
import { fileLocations } from './file-locations';
import { folioFolder, type FileMethods, type FileOperationsContext } from './file-operations-context';
import { ioError } from './io-error';
import { moveMethods } from './move-article';
import { trashMethods } from './library-trash';
import { posixDirname, validateName } from './paths';

const templatesFolder = `${folioFolder}/templates`;

/**
 * Creating, renaming, moving, duplicating, deleting and restoring articles and folders. Every
 * name is validated as one safe segment, every path is confined to the library, and new files
 * are created exclusively so that nothing existing is ever replaced (not even `a.md` by `A.md`
 * on a case-insensitive disk).
 */
export function fileOperationMethods(
  ctx: FileOperationsContext,
): FileMethods<
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
> {
  const { realRoot, index } = ctx;
  const locations = fileLocations(realRoot);
  const { resolve, resolveFolder, resolveExistingArticle, assertFree, freeName } = locations;

  return {
    ...moveMethods(ctx, locations),
    ...trashMethods(ctx, locations),

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
  };
}
