import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { SearchHit } from '../../shared/library-contract';
import type { LibraryService } from '../library';
import { printListing, requireFolder } from './list-output';

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new InvalidArgumentError('The limit is a whole number from 1 to 200.');
  }
  return limit;
}

/**
 * Opens a library for one command: no watcher, and a throw-away data folder so that a CLI run
 * never touches the desktop app's journal or its list of recent libraries. The scan reads on
 * this thread only: a process that reads once and exits cannot win back a worker's start
 * (starting Node in it and loading the readers cost about as much CPU as reading 10,000
 * articles here), and on a machine whose cores are busy the worker only competes with it.
 */
async function withLibrary<T>(library: string, work: (service: LibraryService) => Promise<T>): Promise<T> {
  await requireFolder(library);
  // The service alone (not the library folder's index, which adds what moving files needs).
  const { createLibraryService } = await import('../library/library-service');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
  const service = await createLibraryService({
    root: library,
    host: { appDataDir: dataDir },
    watch: false,
    scan: { workers: 0 },
  });
  try {
    return await work(service);
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function searchText(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'No matches.\n';
  return hits.map((hit) => `${hit.title}  (${hit.path})\n  ${hit.snippet}\n`).join('\n');
}

/**
 * Adds `folio list <library> [--json]` and `folio search <library> <query> [--json] [--limit N]`
 * to the program. Both read the library through the service, exactly as the app does.
 */
export function registerLibraryCommands(program: Command): void {
  program
    .command('list')
    .description('List the articles of a library with their title, status, tags, date and words.')
    .argument('<library>', 'library folder')
    .option('--json', 'print one JSON array (path, title, status, tags, date, updated, words, problems)')
    .action(async (library: string, opts: { json?: boolean }) => {
      await printListing(library, opts.json === true);
    });

  program
    .command('search')
    .description('Search titles, tags and text of a library (prefix and fuzzy).')
    .argument('<library>', 'library folder')
    .argument('<query>', 'words to find')
    .option('--json', 'print one JSON array (path, title, snippet, score)')
    .option('--limit <n>', 'at most this many results', parseLimit, 20)
    .action(async (library: string, query: string, opts: { json?: boolean; limit: number }) => {
      const hits = await withLibrary(library, (service) =>
        service.searchArticles({ query, limit: opts.limit }),
      );
      process.stdout.write(
        opts.json
          ? `${JSON.stringify(
              hits.map(({ path: p, title, snippet, score }) => ({ path: p, title, snippet, score })),
              null,
              2,
            )}\n`
          : searchText(hits),
      );
    });
}
