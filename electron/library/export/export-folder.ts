import { constants } from 'node:fs';
import { access, mkdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ExportFolderCheck } from '../../../shared/export';
import { isInside } from '../paths';

/**
 * Checks an output folder for an export without changing anything: it must be an absolute
 * path; it may exist (as a folder) or not (its nearest existing parent must be a folder Folio
 * can write into, and the export creates the rest); it must be neither the library nor a folder
 * holding it; and inside the library it is allowed only once the author confirms. Symlinks are
 * resolved before comparing with the library.
 */
export async function checkExportFolder(root: string, typed: string): Promise<ExportFolderCheck> {
  const trimmed = typed.trim();
  const result = (fields: Partial<ExportFolderCheck>): ExportFolderCheck => ({
    path: fields.path ?? trimmed,
    exists: false,
    insideLibrary: false,
    error: null,
    note: null,
    ...fields,
  });
  if (!trimmed) return result({ error: 'Type the folder to export into.' });
  if (trimmed.includes('\0') || !path.isAbsolute(trimmed)) {
    return result({ error: `Type a full path, like ${path.join(path.dirname(root), 'Exports')}.` });
  }
  const wanted = path.resolve(trimmed);
  // The nearest part of the path that exists: the folder itself, or the parent it goes into.
  let existing = wanted;
  const missing: string[] = [];
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) {
        return result({
          path: wanted,
          error:
            existing === wanted
              ? `“${wanted}” is a file, not a folder.`
              : `“${existing}” is a file, so no folder can be made inside it.`,
        });
      }
      break;
    }
    if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') {
      return result({ path: wanted, error: `Folio cannot reach “${existing}” (${info.code}).` });
    }
    const parent = path.dirname(existing);
    if (parent === existing) return result({ path: wanted, error: `“${wanted}” cannot be created.` });
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  const real = path.join(await realpath(existing), ...missing);
  const exists = missing.length === 0;
  if (real === root) {
    return result({ path: wanted, exists, error: 'The library itself cannot be the export folder.' });
  }
  if (isInside(real, root)) {
    return result({ path: wanted, exists, error: 'The export folder cannot contain the library.' });
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch {
    return result({ path: wanted, exists, error: `Folio cannot write into “${existing}”.` });
  }
  const insideLibrary = isInside(root, real);
  const notes: string[] = [];
  if (!exists) notes.push('The folder will be created.');
  if (insideLibrary) notes.push('This folder is inside the library; export there only if you mean to.');
  return result({ path: wanted, exists, insideLibrary, note: notes.join(' ') || null });
}

/** Remembers the last folder exported into, per library, in Folio's app-data folder. */
export interface ExportFolderMemory {
  /** The last folder used for this library, or the default beside it (`<library>-export`). */
  get(): Promise<string>;
  set(folder: string): Promise<void>;
}

/** Keeps the last export folders in `<appData>/export-folders.json` (library root → folder). */
export function exportFolderMemory(appDataDir: string, root: string): ExportFolderMemory {
  const file = path.join(appDataDir, 'export-folders.json');
  const read = async (): Promise<Record<string, string>> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    async get() {
      const remembered = (await read())[root];
      return typeof remembered === 'string' ? remembered : `${root}-export`;
    },
    async set(folder) {
      const all = await read();
      if (all[root] === folder) return;
      await mkdir(appDataDir, { recursive: true });
      await writeFileAtomic(file, JSON.stringify({ ...all, [root]: folder }, null, 2));
    },
  };
}
