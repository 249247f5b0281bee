/**
 * The service side of the frontmatter form: the library's schema (`.folio/schema.yaml` or
 * `.folio/schema.yml`) and the images the cover picker offers. Spread into the service object in
 * one line. `folio check` and the export read the schema here too, so that they demand exactly
 * the fields the form calls required.
 */
import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FolioApi } from '../../shared/contract';
// The schema module itself, not the frontmatter index: reading a schema file needs zod, which
// is loaded only when a library has one (`folio list` on a library without one never loads it).
import { builtinSchema, type LibrarySchema } from '../../shared/frontmatter/schema';
import { imageTypes } from './assets';
import { toLibraryPath } from './paths';

/** Where a library keeps its schema, relative to its root: the first of these that exists. */
export const schemaFiles = [path.join('.folio', 'schema.yaml'), path.join('.folio', 'schema.yml')] as const;

/** At most this many images are offered in the cover picker. */
export const maxListedImages = 5000;

const cache = new Map<string, { mtimeMs: number; size: number; value: LibrarySchema }>();

/**
 * Reads the library's schema, re-reading the file only when it changed. No file means the
 * built-in schema; a broken file means the built-in schema plus its problems.
 */
export async function loadLibrarySchema(realRoot: string): Promise<LibrarySchema> {
  let file = '';
  let info = null;
  for (const name of schemaFiles) {
    file = path.join(realRoot, name);
    info = await lstat(file).catch(() => null);
    if (info) break;
  }
  if (!info?.isFile()) return { schema: builtinSchema, source: 'builtin', problems: [] };
  const name = path.basename(file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.value;
  let value: LibrarySchema;
  if (info.size > 256 * 1024) {
    value = { schema: builtinSchema, source: 'builtin', problems: [`${name} is too large to read.`] };
  } else {
    const text = await readFile(file, 'utf8');
    const { parseSchema } = await import('../../shared/frontmatter/schema-file');
    const { schema, problems } = parseSchema(text, name);
    value = { schema, source: problems.length > 0 ? 'builtin' : 'library', problems };
  }
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, value });
  return value;
}

async function listImageFiles(realRoot: string, dir: string, out: string[]): Promise<void> {
  if (out.length >= maxListedImages) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    // Links are not followed: an image must really live inside the library.
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.isSymbolicLink()) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await listImageFiles(realRoot, full, out);
    else if (entry.isFile() && imageTypes[path.extname(entry.name).toLowerCase()]) {
      out.push(toLibraryPath(realRoot, full));
      if (out.length >= maxListedImages) return;
    }
  }
}

/** The contract methods of this module, to spread into the service. */
export function schemaMethods(context: {
  readonly realRoot: string;
}): Pick<FolioApi, 'getSchema' | 'listImages'> {
  const { realRoot } = context;
  return {
    getSchema: () => loadLibrarySchema(realRoot),
    async listImages() {
      const out: string[] = [];
      await listImageFiles(realRoot, realRoot, out);
      return out.sort((a, b) => a.localeCompare(b));
    },
  };
}
