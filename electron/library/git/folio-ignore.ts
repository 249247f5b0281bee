import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * What Folio keeps for itself inside a library and never commits: the library-local trash,
 * export manifests and the temporary files of saves and renames. `.folio/schema.yaml`,
 * `.folio/templates/` and `.folio/export.css` are the library's own and stay shared.
 */
export const folioIgnoreLines = [
  '.folio/trash/',
  '.folio-export.json',
  '*.md.[0-9]*',
  '*.markdown.[0-9]*',
  '*.folio-rename-*',
] as const;

const header = "# Folio's own state on this computer (trash, export manifests, temporary files)";

/** True when a library-relative path is Folio's own state (never listed as a change). */
export function isFolioOwnPath(relative: string): boolean {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  return (
    relative === '.folio/trash' ||
    relative.startsWith('.folio/trash/') ||
    name === '.folio-export.json' ||
    /\.(?:md|markdown)\.\d+$/i.test(name) ||
    name.includes('.folio-rename-')
  );
}

/**
 * Appends the lines of {@link folioIgnoreLines} the library's `.gitignore` lacks, keeping its
 * bytes otherwise. Resolves whether it wrote anything, and the bytes it had before (`null`: no
 * file), so that a cancelled sync can put them back.
 */
export async function ensureFolioIgnored(root: string): Promise<{ written: boolean; before: Buffer | null }> {
  const file = path.join(root, '.gitignore');
  const before = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const text = before?.toString('utf8') ?? '';
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = folioIgnoreLines.filter((line) => !present.has(line));
  if (missing.length === 0) return { written: false, before };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text === '' || text.endsWith('\n') ? '' : newline;
  const block = [present.has(header) ? null : header, ...missing].filter((line) => line !== null);
  const added = `${lead}${text === '' ? '' : newline}${block.join(newline)}${newline}`;
  await writeFileAtomic(file, Buffer.concat([before ?? Buffer.alloc(0), Buffer.from(added, 'utf8')]), {
    fsync: true,
  });
  return { written: true, before };
}
