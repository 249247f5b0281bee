import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { toLibraryPath } from '../library/paths';

/** A command-line target resolved to a library and, for a file, the article in it. */
export interface CliTarget {
  /** Real path of the library root. */
  readonly root: string;
  /** The article's library path, or `null` when the target is a folder. */
  readonly article: string | null;
}

/**
 * Resolves `folio export|check <file|library>`: a folder is the library; for a file the library
 * is the nearest folder above it holding `.folio/`, else the file's own folder. Returns `null`
 * when the target does not exist or a file is not Markdown.
 */
export async function resolveCliTarget(target: string): Promise<CliTarget | null> {
  const absolute = await realpath(path.resolve(target)).catch(() => null);
  if (!absolute) return null;
  const info = await stat(absolute);
  if (info.isDirectory()) return { root: absolute, article: null };
  if (!info.isFile() || !/\.(md|markdown)$/i.test(absolute)) return null;
  let dir = path.dirname(absolute);
  for (let probe = dir; ;) {
    if (existsSync(path.join(probe, '.folio'))) {
      dir = probe;
      break;
    }
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  return { root: dir, article: toLibraryPath(dir, absolute) };
}
