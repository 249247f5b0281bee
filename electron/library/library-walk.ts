import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './paths';
import { statOrNull } from './read-article';

/** File names Folio treats as articles. */
export const articleExtension = /\.(md|markdown)$/i;

/** Folder names never listed: dependencies and version control (dot-folders are skipped too). */
const ignoredFolders = new Set(['node_modules']);

/** True when a file or folder name is skipped by the listing (dot-names, `node_modules`). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || ignoredFolders.has(name);
}

/** What {@link walkLibrary} found: article files and folders, by library-relative path. */
export interface LibraryTree {
  /** Article files: library path → absolute path, in walk order. */
  readonly files: Map<string, string>;
  /** Every folder's library path. */
  readonly folders: Set<string>;
}

/**
 * Lists the article files and folders of the library at `realRoot` (a real path), as the
 * library index and `folio list` see them: dot-names and `node_modules` skipped, a symlink
 * listed only when it is an article file that stays inside the library, folder links never
 * followed (no cycles, no escaping through a link to a parent). A folder that cannot be read is
 * skipped. `pause`, asked before each subfolder: `null` to go on at once, or a promise to wait
 * for first (a scan lets other events run).
 */
export async function walkLibrary(
  realRoot: string,
  pause: () => Promise<void> | null = () => null,
): Promise<LibraryTree> {
  const tree: LibraryTree = { files: new Map(), folders: new Set() };
  await walkFolder(realRoot, realRoot, '', tree, pause);
  return tree;
}

/**
 * Walks `dir`, whose library path is `relativeDir` (`''` for the root). Library paths are joined
 * here as strings: `path.relative` per file was a visible part of a scan's time.
 */
async function walkFolder(
  realRoot: string,
  dir: string,
  relativeDir: string,
  tree: LibraryTree,
  pause: () => Promise<void> | null,
): Promise<void> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const subfolders: [string, string][] = [];
  // `dir` is a real path, and a name from the folder holds no separator: joined as strings
  // (`path.join` normalizes every file's path again, a visible part of a walk).
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of entries) {
    if (isIgnoredName(entry.name)) continue;
    const full = prefix + entry.name;
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) {
      if (!articleExtension.test(entry.name)) continue;
      const real = realpathOrNull(full);
      if (!real || !isInside(realRoot, real)) continue;
      if (statOrNull(real)?.isFile()) tree.files.set(relative, full);
    } else if (entry.isDirectory()) {
      tree.folders.add(relative);
      subfolders.push([full, relative]);
    } else if (entry.isFile() && articleExtension.test(entry.name)) {
      tree.files.set(relative, full);
    }
  }
  for (const [folder, relative] of subfolders) {
    const wait = pause();
    if (wait) await wait;
    await walkFolder(realRoot, folder, relative, tree, pause);
  }
}

function realpathOrNull(absolute: string): string | null {
  try {
    return realpathSync(absolute);
  } catch {
    return null;
  }
}
