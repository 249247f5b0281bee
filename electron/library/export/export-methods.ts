import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EventName, FolioApi, FolioEvents, MethodInputs } from '../../../shared/contract';
import type { ExportReport, PreparedArticle } from '../../../shared/export';
import { FolioError } from '../../../shared/errors';
import { resolveInLibrary } from '../paths';
import { checkArticleFile, checkLibraryFolder } from './check-files';
import { renderArticleHtml } from './export-html';
import { prepareSplitRender } from './split-render';
import { exportArticleFile, exportLibraryFolder, type ExportTarget } from './export-run';
import { checkExportFolder, exportFolderMemory } from './export-folder';

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
  | 'getExportFolder'
  | 'checkExportFolder'
  | 'chooseExportFolder'
>;

/** What the export methods need from the service that hosts them. */
export interface ExportMethodsDeps {
  /** Real path of the library root. */
  readonly root: string;
  /** The service's event emitter (for `exportProgressed`). */
  readonly emit: <E extends EventName>(event: E, payload: FolioEvents[E]) => void;
  /** Electron's `printToPDF`, when the desktop app provides it (absent in browser mode and CLI). */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
  /** The OS folder dialog (desktop only), starting at `defaultPath`; `null` when cancelled. */
  readonly chooseFolder?: (defaultPath: string) => Promise<string | null>;
  /** Folio's app-data folder, where the last export folder of each library is remembered. */
  readonly appDataDir?: string;
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
  /**
   * The article the export dialog's check last rendered, and from which text: the export that
   * follows (the author clicks Export) takes it instead of rendering the article again.
   */
  let checked: { path: string; text: string; article: PreparedArticle } | null = null;
  const memory = deps.appDataDir ? exportFolderMemory(deps.appDataDir, deps.root) : null;

  /**
   * The absolute output folder: an absolute `outDir` is checked (and remembered once used),
   * one inside the library only when confirmed; a relative one is inside the library by name.
   */
  async function outDirOf(outDir: string | undefined, confirmInside = false): Promise<string> {
    if (outDir && path.isAbsolute(outDir)) {
      const check = await checkExportFolder(deps.root, outDir);
      if (check.error) throw new FolioError('INVALID_ARGUMENT', check.error);
      if (check.insideLibrary && !confirmInside) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          `“${check.path}” is inside the library; confirm that you want to export there.`,
        );
      }
      await memory?.set(check.path).catch(() => undefined);
      return check.path;
    }
    const out = await resolveInLibrary(deps.root, outDir ?? defaultExportFolder);
    if (out === deps.root)
      throw new FolioError('INVALID_ARGUMENT', 'Choose a folder inside the library to export into.');
    return out;
  }

  async function run(
    jobId: string | undefined,
    outRelative: string | undefined,
    confirmInside: boolean | undefined,
    work: (target: ExportTarget) => Promise<ExportReport>,
  ): Promise<ExportReport> {
    const controller = new AbortController();
    if (jobId) jobs.set(jobId, controller);
    try {
      const outDir = await outDirOf(outRelative, confirmInside);
      const report = await work({
        root: deps.root,
        outDir,
        signal: controller.signal,
        onProgress: jobId ? (progress) => deps.emit('exportProgressed', { ...progress, jobId }) : undefined,
      });
      // The renderer sees the folder as it named it (library-relative, or the absolute path it typed).
      return {
        ...report,
        outDir: outRelative && path.isAbsolute(outRelative) ? outDir : (outRelative ?? defaultExportFolder),
      };
    } finally {
      if (jobId) jobs.delete(jobId);
    }
  }

  return {
    async exportArticle(input: MethodInputs['exportArticle']) {
      const { path: articlePath, jobId, outDir, confirmInsideLibrary, ...choices } = input;
      await resolveInLibrary(deps.root, articlePath);
      // Taken once: the export changes the article's body.
      const prepared = checked?.path === articlePath ? checked : undefined;
      checked = null;
      return run(jobId, outDir, confirmInsideLibrary, (target) =>
        exportArticleFile(target, articlePath, choices, prepared),
      );
    },
    async exportLibrary(input: MethodInputs['exportLibrary']) {
      const { folder, jobId, outDir, confirmInsideLibrary, ...choices } = input;
      if (folder) await resolveInLibrary(deps.root, folder);
      return run(jobId, outDir, confirmInsideLibrary, (target) =>
        exportLibraryFolder(target, folder ?? '', choices),
      );
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
    async exportPdf({ path: articlePath, theme, outDir, confirmInsideLibrary }: MethodInputs['exportPdf']) {
      if (!deps.printToPdf) {
        throw new FolioError(
          'INVALID_ARGUMENT',
          'PDF export needs the desktop app; export HTML and print it instead.',
        );
      }
      await resolveInLibrary(deps.root, articlePath);
      const html = await renderArticleHtml(deps.root, articlePath, { theme: theme ?? 'print' });
      const folder = await outDirOf(outDir, confirmInsideLibrary);
      const pdf = await deps.printToPdf(html.document);
      await mkdir(folder, { recursive: true });
      const name = html.fileName.replace(/\.html$/, '.pdf');
      await writeFileAtomic(path.join(folder, name), Buffer.from(pdf));
      return {
        file:
          outDir && path.isAbsolute(outDir)
            ? path.join(folder, name)
            : `${outDir ?? defaultExportFolder}/${name}`,
      };
    },
    async checkArticle({ path: articlePath, text }: MethodInputs['checkArticle']) {
      await resolveInLibrary(deps.root, articlePath);
      // The export dialog checks first: a long article's export workers load meanwhile.
      if (text !== undefined) prepareSplitRender(text);
      return checkArticleFile(deps.root, articlePath, text, (article, source) => {
        checked = { path: articlePath, text: source, article };
      });
    },
    async checkLibrary({ folder }: MethodInputs['checkLibrary']) {
      if (folder) await resolveInLibrary(deps.root, folder);
      return checkLibraryFolder(deps.root, folder ?? '');
    },
    async getExportFolder() {
      return { path: memory ? await memory.get() : `${deps.root}-export` };
    },
    async checkExportFolder({ path: folder }: MethodInputs['checkExportFolder']) {
      return checkExportFolder(deps.root, folder);
    },
    async chooseExportFolder({ path: start }: MethodInputs['chooseExportFolder']) {
      if (!deps.chooseFolder) {
        throw new FolioError('INVALID_ARGUMENT', 'Only the desktop app has a folder dialog; type the path.');
      }
      return { path: await deps.chooseFolder(start || (memory ? await memory.get() : deps.root)) };
    },
  };
}
