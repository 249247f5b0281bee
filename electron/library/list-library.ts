import { realpath } from 'node:fs/promises';
import type { ArticleSummary } from '../../shared/contract';
import { ArticleIndex } from './article-index';
import { loadLibrarySchema } from './schema';
import { createSchemaMarks } from './schema-marks';

/**
 * The listing of a library, read once for a command that exits after printing it (`folio list`):
 * the same summaries, with the same schema marks, as the service's `listArticles`, without
 * starting the service (no journal, search index, watcher or snapshots to load). The scan reads
 * on this thread only (a worker's start costs about as much as reading 10,000 articles here) and
 * keeps no file's bytes, as nothing searches them.
 */
export async function listLibrary(root: string): Promise<ArticleSummary[]> {
  const realRoot = await realpath(root);
  const index = new ArticleIndex(realRoot, { workers: 0, keepBytes: false });
  await index.scan();
  const { schema } = await loadLibrarySchema(realRoot);
  return createSchemaMarks()(
    index.summaries(),
    (p) => index.get(p)?.head,
    schema,
    (p) => index.get(p)?.data,
  );
}
