import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CheckContext } from '../../../shared/checks';
import { anchorNames, prepareArticle, type PreparedArticle } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import { decodeArticle } from '../article-codec';
import { isInside, toLibraryPath } from '../paths';
import { loadLibrarySchema } from '../schema';

const articleExtension = /\.(md|markdown)$/i;
const ignoredFolders = new Set(['node_modules', '.folio', '.git']);

/**
 * Lists the articles under `folder` (absolute, inside the real library root), skipping hidden
 * and tool folders, `exclude` (the export's own output folder) and symlinks leaving the library.
 * Returns library paths, sorted.
 */
export async function listArticlePaths(
  root: string,
  folder: string,
  exclude: string | null,
): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (exclude && dir === exclude) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || ignoredFolders.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (articleExtension.test(entry.name)) {
        if (entry.isSymbolicLink()) {
          const real = await realpath(full).catch(() => null);
          if (!real || !isInside(root, real) || !(await stat(real)).isFile()) continue;
        } else if (!entry.isFile()) continue;
        out.push(toLibraryPath(root, full));
      }
    }
  };
  await walk(folder);
  return out.sort();
}

/** Reads an article's text (strict UTF-8, like the editor), or `null` when it is not text. */
export async function readArticleText(root: string, libraryPath: string): Promise<string | null> {
  try {
    const decoded = decodeArticle(await readFile(path.join(root, ...libraryPath.split('/'))));
    return decoded.binary ? null : decoded.text;
  } catch {
    return null;
  }
}

/**
 * The fields the library schema requires, read as the form reads them ({@link loadLibrarySchema}):
 * none without a schema file or with a broken one (the built-in schema requires none).
 */
export async function readRequiredFields(root: string): Promise<string[]> {
  const { schema } = await loadLibrarySchema(root);
  return schema.fields.filter((field) => field.required).map((field) => field.key);
}

/**
 * The checks' view of the library on disk: file existence confined to the library, and the
 * anchors of other articles, read and rendered on demand (and cached) when not already known.
 */
export function createCheckContext(
  root: string,
  known: ReadonlyMap<string, PreparedArticle | ReadonlySet<string>>,
  required: readonly string[],
): CheckContext {
  const anchors = new Map<string, ReadonlySet<string> | null>();
  const exists = new Map<string, boolean>();
  return {
    requiredFields: required,
    fileExists(libraryPath) {
      let answer = exists.get(libraryPath);
      if (answer === undefined) {
        const absolute = path.join(root, ...libraryPath.split('/'));
        try {
          answer = existsSync(absolute) && isInside(root, realpathSync(absolute));
        } catch {
          answer = false;
        }
        exists.set(libraryPath, answer);
      }
      return answer;
    },
    anchorsOf(articlePath) {
      if (anchors.has(articlePath)) return anchors.get(articlePath)!;
      const entry = known.get(articlePath);
      let names: ReadonlySet<string> | null = null;
      if (entry instanceof Set) names = entry;
      else if (entry) names = anchorNames((entry as PreparedArticle).headings);
      else {
        try {
          const absolute = path.join(root, ...articlePath.split('/'));
          if (isInside(root, realpathSync(absolute))) {
            const text = decodeArticle(readFileSync(absolute)).text;
            if (text !== null) names = anchorNames(prepareArticle(articlePath, text).headings);
          }
        } catch {
          names = null;
        }
      }
      anchors.set(articlePath, names);
      return names;
    },
  };
}

/** {@link prepareArticle}, with a pathological article turned into a clear `TOO_LARGE` error. */
export function prepareOrExplain(articlePath: string, text: string): PreparedArticle {
  try {
    return prepareArticle(articlePath, text);
  } catch {
    throw new FolioError('TOO_LARGE', `“${articlePath}” is too complex to render.`);
  }
}
