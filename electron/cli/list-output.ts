/**
 * What `folio list <library> [--json]` prints. Its own module, apart from the command line's
 * definition, so that the plain form of the command runs without loading commander and the other
 * commands (see index.ts).
 */
import { stat } from 'node:fs/promises';
import type { ArticleSummary } from '../../shared/contract';
import { FolioError } from '../../shared/errors';

/** Throws `NOT_FOUND` unless `library` is a folder. */
export async function requireFolder(library: string): Promise<void> {
  const info = await stat(library).catch(() => null);
  if (!info?.isDirectory()) throw new FolioError('NOT_FOUND', `“${library}” is not a folder.`);
}

/**
 * The listing of one library folder, read as the service lists it (see list-library.ts), without
 * starting the service.
 */
async function listOf(library: string): Promise<ArticleSummary[]> {
  await requireFolder(library);
  const { listLibrary } = await import('../library/list-library');
  return listLibrary(library);
}

/**
 * The fields `folio list --json` prints for each article, in this order. Given to
 * `JSON.stringify` as its list of keys: a summary's other fields (its excerpt) are left out
 * without building a record per article, and nothing else in a summary is an object with keys
 * (its tags and problems are lists of strings).
 */
const listFields = [
  'path',
  'title',
  'status',
  'tags',
  'date',
  'updated',
  'words',
  'problems',
] as const satisfies readonly (keyof ArticleSummary)[];

function listTable(articles: readonly ArticleSummary[]): string {
  if (articles.length === 0) return 'No articles.\n';
  const rows = articles.map((a) => [
    a.status ?? '-',
    String(a.words),
    a.title,
    a.path,
    a.problems.length ? `⚠ ${a.problems[0]}` : '',
  ]);
  const head = ['STATUS', 'WORDS', 'TITLE', 'PATH', ''];
  const widths = head.map((_, col) =>
    Math.min(48, Math.max(...[head, ...rows].map((row) => row[col]!.length))),
  );
  const fit = (cell: string, width: number) =>
    cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
  return (
    [head, ...rows]
      .map((row) =>
        row
          .map((cell, col) => fit(cell, widths[col]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/**
 * Prints the articles of `library`: a table, or with `json` one JSON array of their
 * {@link listFields} (two-space indented, in one piece).
 */
export async function printListing(library: string, json: boolean): Promise<void> {
  const articles = await listOf(library);
  process.stdout.write(json ? `${JSON.stringify(articles, [...listFields], 2)}\n` : listTable(articles));
}

/**
 * The arguments of `folio list` in its plain form, `list <library>` with or without `--json`
 * (before or after the folder), which index.ts runs without commander; `null` for anything else
 * (help, other options, extra arguments, a folder name starting with `-`), which commander
 * parses as it does every command.
 */
export function plainListArguments(argv: readonly string[]): { library: string; json: boolean } | null {
  if (argv[0] !== 'list' || argv.length < 2 || argv.length > 3) return null;
  const rest = argv.slice(1);
  const json = rest.includes('--json');
  const folders = rest.filter((arg) => arg !== '--json');
  if (folders.length !== 1 || folders[0]!.startsWith('-') || rest.length !== (json ? 2 : 1)) return null;
  return { library: folders[0]!, json };
}
