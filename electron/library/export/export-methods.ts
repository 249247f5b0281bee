import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EventName, FolioApi, FolioEvents, MethodInputs } from '../../../shared/contract';
import type { ExportReport } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import { resolveInLibrary } from '../paths';
import { checkArticleFile, checkLibraryFolder } from './check-files';
import { renderArticleHtml } from './export-html';
import { exportArticleFile, exportLibraryFolder, type ExportTarget } from './export-run';

/** The contract methods of export and checks. */
export type ExportMethods = Pick<
  FolioApi,
  | 'exportArticle'
  | 'exportLibrary'
  | 'cancelExport'
  | 'renderArticleHtml'
  | 'exportPdf'
  | 'checkArticle'
  | 'checkLibrary'
>;

/** What the export methods need from the service that hosts them. */
export interface ExportMethodsDeps {
  /** Real path of the library root. */
  readonly root: string;
  /** The service's event emitter (for `exportProgressed`). */
  readonly emit: <E extends EventName>(event: E, payload: FolioEvents[E]) => void;
  /** Electron's `printToPDF`, when the desktop app provides it (absent in browser mode and CLI). */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
}

/** Default output folder of exports started from the app, relative to the library. */
export const defaultExportFolder = 'export';

/**
 * Builds the export and check methods of the library service. Output folders come from the
 * renderer as library-relative paths and are confined to the library like every other path;
 * the library root itself is refused.
 */
export function createExportMethods(deps: ExportMethodsDeps): ExportMethods {
  const jobs = new Map<string, AbortController>();

  async function outDirOf(relative: string | undefined): Promise<string> {
    const out = await resolveInLibrary(deps.root, relative ?? defaultExportFolder);
    if (out === deps.root)
      throw new FolioError('INVALID_ARGUMENT', 'Choose a folder inside the library to export into.');
    return out;
  }

  async function run(
    jobId: string | undefined,
    outRelative: string | undefined,
    work: (target: ExportTarget) => Promise<ExportReport>,
  ): Promise<ExportReport> {
    const controller = new AbortController();
    if (jobId) jobs.set(jobId, controller);
    try {
      const report = await work({
        root: deps.root,
        outDir: await outDirOf(outRelative),
        signal: controller.signal,
        onProgress: jobId ? (progress) => deps.emit('exportProgressed', { ...progress, jobId }) : undefined,
      });
      // The renderer only ever sees library-relative paths.
      return { ...report, outDir: outRelative ?? defaultExportFolder };
    } finally {
      if (jobId) jobs.delete(jobId);
    }
  }

  return {
    async exportArticle(input: MethodInputs['exportArticle']) {
      const { path: articlePath, jobId, outDir, ...choices } = input;
      await resolveInLibrary(deps.root, articlePath);
      return run(jobId, outDir, (target) => exportArticleFile(target, articlePath, choices));
    },
    async exportLibrary(input: MethodInputs['exportLibrary']) {
      const { folder, jobId, outDir, ...choices } = input;
      if (folder) await resolveInLibrary(deps.root, folder);
      return run(jobId, outDir, (target) => exportLibraryFolder(target, folder ?? '', choices));
    },
    async cancelExport({ jobId }: MethodInputs['cancelExport']) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
    async renderArticleHtml({ path: articlePath, text, ...choices }: MethodInputs['renderArticleHtml']) {
      await resolveInLibrary(deps.root, articlePath);
      return renderArticleHtml(deps.root, articlePath, choices, text);
    },
    async exportPdf({ path: articlePath, theme, outDir }: MethodInputs['exportPdf']) {
      if (!deps.printToPdf) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'PDF export needs the desktop app; export HTML and print it instead.',
        );
      }
      await resolveInLibrary(deps.root, articlePath);
      const html = await renderArticleHtml(deps.root, articlePath, { theme: theme ?? 'print' });
      const pdf = await deps.printToPdf(html.document);
      const folder = await outDirOf(outDir);
      await mkdir(folder, { recursive: true });
      const name = html.fileName.replace(/\.html$/, '.pdf');
      await writeFileAtomic(path.join(folder, name), Buffer.from(pdf));
      return { file: `${outDir ?? defaultExportFolder}/${name}` };
    },
    async checkArticle({ path: articlePath, text }: MethodInputs['checkArticle']) {
      await resolveInLibrary(deps.root, articlePath);
      return checkArticleFile(deps.root, articlePath, text);
    },
    async checkLibrary({ folder }: MethodInputs['checkLibrary']) {
      if (folder) await resolveInLibrary(deps.root, folder);
      return checkLibraryFolder(deps.root, folder ?? '');
    },
  };
}
