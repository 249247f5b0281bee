export { buildHtmlDocument, bodyHtml, exportCsp, type HtmlDocumentOptions, type ImageMode } from './document';
export { escapeHtml } from './escape';
export {
  buildIndexDocument,
  sortNewestFirst,
  type IndexEntry,
  type IndexDocumentOptions,
} from './index-page';
export { htmlPathOf, isArticlePath, relativeUrl, resolveLink, type LinkTarget } from './library-links';
export { readExportMetadata, type ExportMetadata } from './metadata';
export { showsTitleBlock, titleBlockHtml, type TitleBlockMode } from './title-block';
export {
  anchorNames,
  idPrefix,
  prepareArticle,
  textOf,
  usedFeatures,
  type ArticleHeading,
  type ArticleImage,
  type ArticleLink,
  type PreparedArticle,
} from './prepare';
export {
  customThemePath,
  exportThemeIds,
  exportThemes,
  type ExportTheme,
  type ExportThemeId,
} from './themes';
export type {
  ArticleHtml,
  ExportChoices,
  ExportFolderCheck,
  ExportProgress,
  ExportReport,
  ImageProblem,
} from './report';
