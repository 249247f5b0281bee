import { buildHtmlDocument, textOf, type ArticleHtml, type ExportChoices } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import { resolveImages } from './export-images';
import { loadExportStyles } from './export-styles';
import { prepareOrExplain, readArticleText } from './library-files';

/**
 * Builds the inline (self-contained) export of one article in memory: what Copy as HTML, the
 * browser's download and the desktop's PDF use. `text` replaces the file's text when given.
 */
export async function renderArticleHtml(
  root: string,
  articlePath: string,
  choices: ExportChoices = {},
  text?: string,
): Promise<ArticleHtml> {
  const source = text ?? (await readArticleText(root, articlePath));
  if (source === null)
    throw new FolioError('NOT_FOUND', `“${articlePath}” cannot be read as a UTF-8 article.`);
  const article = prepareOrExplain(articlePath, source);
  const images = await resolveImages(root, article, 'inline', 'assets');
  const styles = await loadExportStyles({ root, theme: choices.theme ?? 'article', imageMode: 'inline' });
  const document = buildHtmlDocument(article, {
    css: styles.css,
    mathCss: styles.mathCss,
    highlightCss: styles.highlightCss,
    reviewCss: styles.reviewCss,
    images: images.sources,
    imageMode: 'inline',
    titleBlock: choices.titleBlock ?? 'auto',
    toc: choices.toc ?? false,
    colorScheme: choices.theme === 'print' ? 'light' : 'auto',
  });
  const start = document.indexOf('<article class="folio-article">');
  const end = document.lastIndexOf('</article>');
  const body = document.slice(start + '<article class="folio-article">'.length, end).trim();
  return {
    document,
    body,
    text: textOf(article.body)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    fileName: (articlePath.split('/').pop() ?? 'article').replace(/\.(md|markdown)$/i, '') + '.html',
  };
}
