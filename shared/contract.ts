/**
 * The one typed contract between the renderer and the privileged side. Electron IPC, the HTTP
 * bridge of browser mode and the renderer client are all generated from `inputSchemas` and
 * `eventNames`: adding a method means adding its schema and output type here and implementing
 * it in the library service, nothing else.
 */
import { z } from 'zod';
import type { ErrorPayload } from './errors';
import type { ArticleProblem } from './checks/problems';
import type { ArticleHtml, ExportFolderCheck, ExportProgress, ExportReport } from './export/report';
import { exportThemeIds } from './export/themes';
import type { LibrarySchema } from './frontmatter/schema';
import { gitInputSchemas, type GitMethodOutputs, type GitProgress } from './git-contract';
import { libraryInputSchemas, type LibraryMethodOutputs } from './library-contract';
import { updateInputSchemas, type UpdateMethodOutputs } from './update-contract';
import type { ArticleDocument } from './article-document';

/** An article as the editor holds it (article-document.ts, which both contract files use). */
export type { ArticleDocument, LineEnding } from './article-document';

/** Longest article text accepted over the boundary (characters). */
export const maxArticleChars = 20_000_000;

/**
 * A library-relative article path, always `/`-separated. The schema only rejects what is never
 * a path; the service confines every path to the library root.
 */
export const articlePathSchema = z
  .string()
  .min(1, 'A path is required.')
  .max(4096, 'The path is too long.')
  .refine((value) => !value.includes('\0'), 'A path cannot contain NUL.');

const exportChoices = {
  images: z.enum(['inline', 'copy']).optional(),
  theme: z.enum(exportThemeIds).optional(),
  titleBlock: z.enum(['auto', 'always', 'never']).optional(),
  toc: z.boolean().optional(),
  strict: z.boolean().optional(),
  /**
   * Output folder: an absolute path (checked like `checkExportFolder`), or library-relative
   * (default `export`); never the library itself.
   */
  outDir: articlePathSchema.optional(),
  /** The author confirmed exporting into a folder inside the library (absolute `outDir`). */
  confirmInsideLibrary: z.boolean().optional(),
  /** Names the run in `exportProgressed` events and for `cancelExport`. */
  jobId: z.string().max(64).optional(),
};
/** Longest base64 image accepted by `importAsset` (characters; about 20 MB of bytes). */
export const maxAssetBase64Chars = 28_000_000;

/** Runtime validators for the input of every method. Every method takes one plain object. */
export const inputSchemas = {
  getLibrary: z.object({}).strict(),
  listArticles: z.object({}).strict(),
  readArticle: z
    .object({
      path: articlePathSchema,
      /** The author chose "Open anyway" for a file over the editor's size limit: open it read-only. */
      openLarge: z.boolean().optional(),
    })
    .strict(),
  saveArticle: z
    .object({
      path: articlePathSchema,
      text: z.string().max(maxArticleChars, 'The article is too large to save.'),
      /** Hash of the version this text was based on; `null` only for a new file. */
      baseHash: z.string().max(128).nullable(),
    })
    .strict(),
  // HTML export and preflight checks (shared/export, shared/checks, electron/library/export).
  exportArticle: z.object({ path: articlePathSchema, ...exportChoices }).strict(),
  exportLibrary: z
    .object({
      folder: z.string().max(4096).optional(),
      includeDrafts: z.boolean().optional(),
      ...exportChoices,
    })
    .strict(),
  cancelExport: z.object({ jobId: z.string().max(64) }).strict(),
  renderArticleHtml: z
    .object({
      path: articlePathSchema,
      text: z.string().max(maxArticleChars).optional(),
      theme: exportChoices.theme,
      titleBlock: exportChoices.titleBlock,
      toc: exportChoices.toc,
    })
    .strict(),
  exportPdf: z
    .object({
      path: articlePathSchema,
      theme: exportChoices.theme,
      outDir: exportChoices.outDir,
      confirmInsideLibrary: exportChoices.confirmInsideLibrary,
    })
    .strict(),
  checkArticle: z
    .object({ path: articlePathSchema, text: z.string().max(maxArticleChars).optional() })
    .strict(),
  checkLibrary: z.object({ folder: z.string().max(4096).optional() }).strict(),
  /** The output folder the export dialog starts with: the last one used for this library. */
  getExportFolder: z.object({}).strict(),
  /** Whether an export can go into a folder (see ExportFolderCheck); changes nothing. */
  checkExportFolder: z.object({ path: z.string().max(4096) }).strict(),
  /** Desktop only: the OS folder dialog; `null` when the author cancels it. */
  chooseExportFolder: z.object({ path: z.string().max(4096).optional() }).strict(),
  // Frontmatter form (issue 6): the library's field schema and its images for the cover picker.
  getSchema: z.object({}).strict(),
  listImages: z.object({}).strict(),
  /** Copies an image pasted or dropped into the editor next to the article (see ImportedAsset). */
  importAsset: z
    .object({
      /** The article the image belongs to; the image goes into `assets/` beside it. */
      articlePath: articlePathSchema,
      /** The name the image came with (a hint for its type; the saved name comes from the article). */
      name: z.string().max(255),
      /** The image bytes, base64. */
      dataBase64: z.string().min(1).max(maxAssetBase64Chars, 'The image is too large.'),
    })
    .strict(),
  // Snapshots (issue 8, electron/library/snapshots.ts): every save keeps one; authors name some.
  listSnapshots: z.object({ path: articlePathSchema }).strict(),
  readSnapshot: z.object({ path: articlePathSchema, id: z.string().min(1).max(100) }).strict(),
  takeSnapshot: z
    .object({
      path: articlePathSchema,
      name: z.string().trim().min(1, 'A snapshot needs a name.').max(200, 'The name is too long.'),
      /** The text to keep (e.g. the editor's unsaved text); default: the file on disk. */
      text: z.string().max(maxArticleChars, 'The article is too large to keep.').optional(),
    })
    .strict(),
  /** Points the desktop spellchecker at the author's language (browser mode: the browser's own). */
  setSpellcheck: z
    .object({ enabled: z.boolean(), language: z.string().trim().max(35, 'The language tag is too long.') })
    .strict(),
  ...libraryInputSchemas,
  ...gitInputSchemas,
  ...updateInputSchemas,
} as const;

/** The name of a contract method. */
export type MethodName = keyof typeof inputSchemas;

/** The runtime list of method names, in declaration order. */
export const methodNames = Object.keys(inputSchemas) as MethodName[];

/** The validated input of each method. */
export type MethodInputs = { [K in MethodName]: z.infer<(typeof inputSchemas)[K]> };

/** The open library as the UI shows it. */
export interface LibraryInfo {
  /** Folder name, for titles. */
  readonly name: string;
  /** Absolute folder path, for display only; never sent back. */
  readonly root: string;
  /**
   * The article the window opens when it loads (library-relative): the Welcome article on the
   * first start, or the file Folio was asked to open. Absent otherwise.
   */
  readonly startArticle?: string;
}

/** Workflow status of an article, from frontmatter `status`. */
export type ArticleStatus = 'draft' | 'review' | 'published';

/** What the library pane needs to know about one article. */
export interface ArticleSummary {
  /** Library-relative, `/`-separated. */
  readonly path: string;
  readonly title: string;
  readonly status: ArticleStatus | null;
  readonly tags: readonly string[];
  /** Frontmatter `date`, as written. */
  readonly date: string | null;
  /** Last modification on disk, ISO 8601. */
  readonly updated: string;
  readonly words: number;
  readonly excerpt: string;
  /** Human-readable problems (e.g. invalid frontmatter). */
  readonly problems: readonly string[];
}

/** The outcome of a save. */
export interface SaveResult {
  /** Hash of the bytes now on disk. */
  readonly hash: string;
  /** False when the bytes were already on disk and nothing was written. */
  readonly written: boolean;
}

/** One kept version of an article, as the history panel lists it. */
export interface SnapshotInfo {
  readonly id: string;
  /** When it was taken, ISO 8601. */
  readonly time: string;
  /** The author's name for it ("Sent to editor"), or `null` for a snapshot kept by a save. */
  readonly name: string | null;
  readonly words: number;
  /** Words gained (or lost, negative) since the previous snapshot; `null` for the first. */
  readonly wordDelta: number | null;
  /** Hash of the snapshot's text. */
  readonly hash: string;
}

/** A snapshot with its text. */
export interface SnapshotDocument {
  readonly info: SnapshotInfo;
  readonly text: string;
}

/** The output of each method. */
export interface MethodOutputs extends LibraryMethodOutputs, GitMethodOutputs, UpdateMethodOutputs {
  getLibrary: LibraryInfo;
  listArticles: ArticleSummary[];
  readArticle: ArticleDocument;
  saveArticle: SaveResult;
  exportArticle: ExportReport;
  exportLibrary: ExportReport;
  cancelExport: { readonly cancelled: boolean };
  renderArticleHtml: ArticleHtml;
  exportPdf: { readonly file: string };
  checkArticle: ArticleProblem[];
  checkLibrary: ArticleProblem[];
  getExportFolder: { readonly path: string };
  checkExportFolder: ExportFolderCheck;
  chooseExportFolder: { readonly path: string | null };
  getSchema: LibrarySchema;
  /** Library-relative paths of the library's images. */
  listImages: string[];
  importAsset: ImportedAsset;
  listSnapshots: SnapshotInfo[];
  readSnapshot: SnapshotDocument;
  takeSnapshot: SnapshotInfo;
  setSpellcheck: SpellcheckState;
}

/** What the spellchecker checks against after `setSpellcheck`. */
export interface SpellcheckState {
  /** The dictionary in use, or `null` when Folio cannot choose it (browser mode, macOS, none). */
  readonly language: string | null;
  /** Why the requested language is not the one in use, in words for the settings panel. */
  readonly message: string | null;
}

/** An image copied into the library by `importAsset`. */
export interface ImportedAsset {
  /** Library-relative path of the new file. */
  readonly path: string;
  /** The path relative to the article's folder, ready for `![alt](…)`. */
  readonly markdownPath: string;
}

/** The whole API: every method async, plain data in and out. */
export type FolioApi = {
  [K in MethodName]: (input: MethodInputs[K]) => Promise<MethodOutputs[K]>;
};

/** Pushes from the privileged side to the renderer. Names are past tense. */
export interface FolioEvents {
  /** An article's bytes changed on disk (by Folio or by someone else). */
  articleChanged: { readonly path: string; readonly hash: string | null };
  /** Articles were added, removed or renamed; re-list. */
  libraryChanged: Record<string, never>;
  /** A running export moved on (`jobId` as given to `exportArticle`/`exportLibrary`). */
  exportProgressed: ExportProgress & { readonly jobId: string };
  /** An article was renamed or moved (by Folio, or outside and recognised by content hash). */
  articleRenamed: { readonly from: string; readonly to: string };
  /** Folio switched to another library ("Open library…" in browser mode): other windows follow. */
  libraryOpened: { readonly name: string; readonly root: string };
  /** A running clone or sync moved on (`jobId` as given to `cloneLibrary`/`syncLibrary`). */
  gitProgressed: GitProgress;
}

/** The name of an event. */
export type EventName = keyof FolioEvents;

/** The runtime list of event names. */
export const eventNames = [
  'articleChanged',
  'libraryChanged',
  'exportProgressed',
  'articleRenamed',
  'libraryOpened',
  'gitProgressed',
] as const satisfies readonly EventName[];

/** A source of events, as both transports implement it. */
export interface FolioEventSource {
  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: FolioEvents[E]) => void): () => void;
}

/** The client the renderer holds: the API plus its events. */
export type FolioClient = FolioApi & FolioEventSource;

/** True when `name` is a method of the contract (for transports reading untrusted names). */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(inputSchemas, name);
}

/**
 * Validates one untrusted input. Returns the parsed input or a message listing what is wrong.
 */
export function parseInput<K extends MethodName>(
  method: K,
  input: unknown,
): { ok: true; value: MethodInputs[K] } | { ok: false; message: string } {
  const result = inputSchemas[method].safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as MethodInputs[K] };
  const message = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, message: `Invalid arguments for ${method}: ${message}` };
}

/** The result envelope both transports use, so errors keep their code. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
