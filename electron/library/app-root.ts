import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FolioError } from '../../shared/errors';

let cached: string | null = null;

/**
 * The folder holding Folio's `shared/` and `out/`, found by walking up from this module: the
 * same code runs from the sources (tsx, tests), from electron-vite's bundle in `out/main` and
 * from the command's bundle in `out/cli`.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'shared', 'markdown', 'themes', 'article.css'))) return (cached = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new FolioError('INTERNAL', 'Folio cannot find its own files (shared/).');
    dir = parent;
  }
}
