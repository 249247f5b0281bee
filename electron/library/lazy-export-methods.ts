import type { ExportMethods, ExportMethodsDeps } from './export';

/** Every export method, so that the compiler sees when one is added and not forwarded here. */
const methodNames: Record<keyof ExportMethods, true> = {
  exportArticle: true,
  exportLibrary: true,
  cancelExport: true,
  renderArticleHtml: true,
  exportPdf: true,
  checkArticle: true,
  checkLibrary: true,
  getExportFolder: true,
  checkExportFolder: true,
  chooseExportFolder: true,
};

/**
 * The export and check methods (`createExportMethods`), with their code loaded on the first
 * call: the pipeline, KaTeX, highlight.js and parse5 are most of the service's code, and
 * listing, searching and saving never run them (`folio list` starts without loading them).
 */
export function lazyExportMethods(deps: ExportMethodsDeps): ExportMethods {
  let loaded: Promise<ExportMethods> | null = null;
  const load = (): Promise<ExportMethods> =>
    (loaded ??= import('./export').then(({ createExportMethods }) => createExportMethods(deps)));
  const methods: Record<string, (input: never) => Promise<unknown>> = {};
  for (const name of Object.keys(methodNames) as (keyof ExportMethods)[]) {
    methods[name] = async (input) => {
      const method = (await load())[name] as (input: never) => Promise<unknown>;
      return method(input);
    };
  }
  return methods as unknown as ExportMethods;
}
