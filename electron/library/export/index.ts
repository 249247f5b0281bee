export { checkArticleFile, checkLibraryFolder } from './check-files';
export { renderArticleHtml } from './export-html';
export { loadExportStyles, type ExportStyles } from './export-styles';
export { resolveImages, maxImageBytes, type ResolvedImages, type CopiedAsset } from './export-images';
export { exportArticleFile, exportLibraryFolder, type ExportTarget } from './export-run';
export {
  createExportMethods,
  defaultExportFolder,
  type ExportMethods,
  type ExportMethodsDeps,
} from './export-methods';
export { listArticlePaths } from './library-files';
