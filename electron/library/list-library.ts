import { realpath } from 'node:fs/promises';
import type { ArticleSummary } from '../../shared/contract';
import type { FrontmatterSchema } from '../../shared/frontmatter/schema';
import type { IndexedArticle } from './article-entry';
import { walkLibrary } from './library-walk';
import { loadLibrarySchema } from './schema';
import { headProblems } from './schema-marks';
import { ScanReader } from './scan-reader';

/**
 * The listing of a library, read once for a command that exits after printing it (`folio list`):
 * the same summaries, with the same schema marks, as the service's `listArticles` (but for their
 * excerpts, left empty: nothing the command prints shows them), without starting the service (no journal, search index, watcher or snapshots to load). It walks the
 * library as the index does and reads on this thread only (a worker's start costs about as much
 * as reading 10,000 articles here). Each article is checked against the schema as soon as it is
 * read and only its summary is kept: no index of entries, no file's bytes, no frontmatter text
 * or data outlives its article, which leaves the garbage collector little to copy.
 */
export async function listLibrary(root: string): Promise<ArticleSummary[]> {
  const realRoot = await realpath(root);
  const { files } = await walkLibrary(realRoot);
  const { schema } = await loadLibrarySchema(realRoot);
  const reader = new ScanReader({ keepBytes: false, excerpts: false });
  const listed: ArticleSummary[] = [];
  for (const [relative, absolute] of files) {
    const entry = reader.read(relative, absolute);
    if (entry) listed.push(withSchemaMarks(entry, schema));
  }
  return listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * An article's summary with its schema problems added, as the service's schema marks add them
 * (schema-marks.ts): none for an article that already has a problem of its own.
 */
function withSchemaMarks(entry: IndexedArticle, schema: FrontmatterSchema): ArticleSummary {
  const { summary } = entry;
  if (summary.problems.length > 0) return summary;
  const problems = headProblems(entry.head, schema, entry.data);
  return problems.length > 0 ? { ...summary, problems } : summary;
}
