import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { RecentLibrary } from '../../shared/library-contract';

const maxRecent = 10;

function fileIn(appDataDir: string): string {
  return path.join(appDataDir, 'recent-libraries.json');
}

/**
 * The libraries opened before, most recent first (at most ten), from Folio's app-data folder.
 * A missing or damaged file gives an empty list: it only feeds a menu.
 */
export async function readRecentLibraries(appDataDir: string): Promise<RecentLibrary[]> {
  try {
    const value: unknown = JSON.parse(await readFile(fileIn(appDataDir), 'utf8'));
    if (!Array.isArray(value)) return [];
    return value.filter(
      (item): item is RecentLibrary =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as RecentLibrary).root === 'string' &&
        typeof (item as RecentLibrary).name === 'string' &&
        typeof (item as RecentLibrary).openedAt === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * Records that `root` was opened now, so the next start can reopen the last library
 * ({@link lastLibrary}) and a menu can offer the recent ones.
 */
export async function recordRecentLibrary(appDataDir: string, root: string): Promise<void> {
  const list = (await readRecentLibraries(appDataDir)).filter((item) => item.root !== root);
  list.unshift({ name: path.basename(root), root, openedAt: new Date().toISOString() });
  await mkdir(appDataDir, { recursive: true });
  await writeFileAtomic(fileIn(appDataDir), JSON.stringify(list.slice(0, maxRecent), null, 2), {
    fsync: true,
  });
}

/** The library opened last, to reopen at start; `null` when none was recorded. */
export async function lastLibrary(appDataDir: string): Promise<string | null> {
  return (await readRecentLibraries(appDataDir))[0]?.root ?? null;
}

/**
 * Which library to open at start: the folder given on the command line, else `FOLIO_LIBRARY`,
 * else the library opened last (if it still exists), else `null` for the default library.
 */
export async function pickStartLibrary(options: {
  readonly fromArgs: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly appDataDir: string;
}): Promise<string | null> {
  if (options.fromArgs) return path.resolve(options.fromArgs);
  if (options.env.FOLIO_LIBRARY) return path.resolve(options.env.FOLIO_LIBRARY);
  const last = await lastLibrary(options.appDataDir);
  if (!last) return null;
  const info = await stat(last).catch(() => null);
  return info?.isDirectory() ? last : null;
}
