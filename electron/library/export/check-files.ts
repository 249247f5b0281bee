import path from 'node:path';
import { checkArticle, type ArticleProblem } from '../../../shared/checks';
import { prepareArticle, type PreparedArticle } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import {
  createCheckContext,
  listArticlePaths,
  prepareOrExplain,
  readArticleText,
  readRequiredFields,
} from './library-files';

/**
 * Runs the preflight checks on one article of the library. `text` replaces the file's text
 * (the editor's unsaved version); other articles are read from disk when a link needs them.
 * `onPrepared` receives the rendered article and the text it was rendered from (the export
 * that follows the export dialog's check uses it instead of rendering the article again).
 */
export async function checkArticleFile(
  root: string,
  articlePath: string,
  text?: string,
  onPrepared?: (article: PreparedArticle, text: string) => void,
): Promise<ArticleProblem[]> {
  const source = text ?? (await readArticleText(root, articlePath));
  if (source === null)
    throw new FolioError('NOT_FOUND', `“${articlePath}” cannot be read as a UTF-8 article.`);
  const article = prepareOrExplain(articlePath, source);
  onPrepared?.(article, source);
  const context = createCheckContext(root, new Map([[articlePath, article]]), await readRequiredFields(root));
  return checkArticle(article, context);
}

/**
 * Runs the preflight checks on every article under `folder` (library-relative, `''` for all),
 * each article rendered once and its headings shared with the links that point to it.
 */
export async function checkLibraryFolder(
  root: string,
  folder: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ArticleProblem[]> {
  const paths = await listArticlePaths(root, folder ? path.join(root, ...folder.split('/')) : root, null);
  const prepared = new Map<string, PreparedArticle>();
  const problems: ArticleProblem[] = [];
  for (const [i, articlePath] of paths.entries()) {
    onProgress?.(i, paths.length);
    const text = await readArticleText(root, articlePath);
    if (text === null) continue;
    try {
      prepared.set(articlePath, prepareArticle(articlePath, text));
    } catch {
      problems.push({
        path: articlePath,
        line: null,
        severity: 'error',
        code: 'too-complex',
        message: 'This article is too complex to render, so it cannot be checked or exported.',
      });
    }
  }
  const context = createCheckContext(root, prepared, await readRequiredFields(root));
  for (const article of prepared.values()) problems.push(...checkArticle(article, context));
  onProgress?.(paths.length, paths.length);
  return problems;
}
