import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { TrashEntry } from '../../shared/library-contract';
import { moveExclusive } from './move-exclusive';

/**
 * A temp file that write-file-atomic leaves beside an article when the process dies between
 * writing it and renaming it over the article: `<article>.md.<uint32 in decimal>`. The match is
 * strict (an article extension, then 1–10 digits), so `notes.md.bak` or `notes.md.v2` never match.
 */
const tempName = /^(.+\.(?:md|markdown))\.(\d{1,10})$/i;

/**
 * How old a temp file must be before it is touched. A live save (this window, another Folio
 * window, the CLI) holds its temp file for milliseconds; an hour leaves room for slow network
 * disks and clock skew without keeping debris around for long.
 */
export const interruptedSaveMinAgeMs = 60 * 60 * 1000;

/** Where the library-local trash lives and how an entry is described (see file-operations). */
const trashFolder = ['.folio', 'trash'];
const trashMeta = 'folio-trash.json';

/** What {@link sweepInterruptedSaves} did, as library-relative paths. */
export interface InterruptedSaveReport {
  /** Temp files whose article was missing, now restored as an article (path of the article). */
  readonly recovered: readonly string[];
  /** Temp files that held exactly the article's bytes (a save that had finished): removed. */
  readonly removed: readonly string[];
  /** Temp files that differed from the article: moved to the trash, restorable as an article. */
  readonly trashed: readonly string[];
}

/** Options of {@link sweepInterruptedSaves}. */
export interface SweepOptions {
  /** Minimum age (ms, by modification time); default {@link interruptedSaveMinAgeMs}. */
  readonly minAgeMs?: number;
  /** The OS trash (desktop); without it the library-local `.folio/trash` is used. */
  readonly trashItem?: (absolutePath: string) => Promise<void>;
  /** Clock, for tests; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Finds the temp files that killed saves left in the library and makes sure no word in them is
 * lost (DATA-SAFETY.md: "Folio never loses an author's words"):
 *
 * - the article is missing (a first save, or a save of a file deleted meanwhile, was killed):
 *   the temp file becomes the article again, under its own name when free, else
 *   `<name> (recovered).md`, so that it is listed and the author can read it;
 * - the article holds the same bytes: the temp file is debris and is removed;
 * - the article differs: the temp file may hold newer text (or a truncated write), so it goes to
 *   the trash as `<name> (interrupted save).md`, restorable from the Trash like any article.
 *
 * Only files of write-file-atomic's naming pattern older than `minAgeMs` are touched; dot-folders
 * and `node_modules` are skipped like everywhere else; symlinks are never followed.
 */
export async function sweepInterruptedSaves(
  realRoot: string,
  options: SweepOptions = {},
): Promise<InterruptedSaveReport> {
  const minAge = options.minAgeMs ?? interruptedSaveMinAgeMs;
  const now = (options.now ?? Date.now)();
  const report = { recovered: [] as string[], removed: [] as string[], trashed: [] as string[] };

  async function visit(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') await visit(full);
        continue;
      }
      const match = entry.isFile() ? tempName.exec(entry.name) : null;
      if (!match || Number(match[2]) > 0xffffffff) continue;
      await handle(full, dir, match[1]!).catch(() => undefined);
    }
  }

  async function handle(temp: string, dir: string, articleName: string): Promise<void> {
    const info = await lstat(temp);
    if (now - info.mtimeMs < minAge) return;
    const target = path.join(dir, articleName);
    const article = await readFile(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    const relativeTemp = toLibraryPath(realRoot, temp);
    if (article === null) {
      const name = await restoreBeside(temp, dir, articleName);
      report.recovered.push(toLibraryPath(realRoot, path.join(dir, name)));
      return;
    }
    const bytes = await readFile(temp);
    if (bytes.equals(article)) {
      await unlink(temp);
      report.removed.push(relativeTemp);
      return;
    }
    const { base, ext } = splitExtension(articleName);
    const asArticle = `${base} (interrupted save)${ext}`;
    if (options.trashItem) {
      // The OS trash keeps the file's own name; give it an article name first so it can be
      // opened from there.
      const named = path.join(dir, await freeName(dir, asArticle));
      await moveExclusive(temp, named);
      await options.trashItem(named);
    } else {
      await trashLocally(temp, toLibraryPath(realRoot, path.join(dir, asArticle)));
    }
    report.trashed.push(relativeTemp);
  }

  /** Puts the temp file back as an article, never replacing a file; returns the name used. */
  async function restoreBeside(temp: string, dir: string, articleName: string): Promise<string> {
    for (const candidate of [articleName, recoveredName(articleName, 1), recoveredName(articleName, 2)]) {
      try {
        await moveExclusive(temp, path.join(dir, candidate));
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const name = await freeName(dir, recoveredName(articleName, 1));
    await moveExclusive(temp, path.join(dir, name));
    return name;
  }

  async function trashLocally(temp: string, asPath: string): Promise<void> {
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const holder = path.join(realRoot, ...trashFolder, id);
    await mkdir(holder, { recursive: true });
    const meta: Omit<TrashEntry, 'id'> = { path: asPath, deletedAt: new Date(now).toISOString() };
    await writeFileAtomic(path.join(holder, trashMeta), JSON.stringify(meta), { fsync: true });
    await moveExclusive(temp, path.join(holder, asPath.slice(asPath.lastIndexOf('/') + 1)));
  }

  await visit(realRoot);
  return report;
}

function recoveredName(articleName: string, n: number): string {
  const { base, ext } = splitExtension(articleName);
  return n === 1 ? `${base} (recovered)${ext}` : `${base} (recovered ${n})${ext}`;
}

function splitExtension(name: string): { base: string; ext: string } {
  const ext = path.extname(name);
  return { base: name.slice(0, name.length - ext.length), ext };
}

/** A name beside `dir`'s files that is free (case-insensitively), adding ` 2`, ` 3`… if needed. */
async function freeName(dir: string, wanted: string): Promise<string> {
  const taken = new Set((await readdir(dir)).map((name) => name.toLowerCase()));
  const { base, ext } = splitExtension(wanted);
  for (let n = 1; n < 10_000; n++) {
    const name = n === 1 ? wanted : `${base} ${n}${ext}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
  throw Object.assign(new Error('no free name'), { code: 'EEXIST' });
}

function toLibraryPath(realRoot: string, absolute: string): string {
  return path.relative(realRoot, absolute).split(path.sep).join('/');
}
