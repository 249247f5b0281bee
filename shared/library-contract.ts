/**
 * The library part of the contract: file operations, search, trash, the recovery journal and
 * recent libraries. Kept in its own file and spread into `inputSchemas` / `MethodOutputs` of
 * `contract.ts` so that other features can add their methods there without merge pain.
 */
import { z } from 'zod';
import type { ArticleDocument } from './article-document';

/** Longest text accepted by the journal and by "save a copy" (characters). */
const maxTextChars = 20_000_000;

/** A library-relative path (article or folder), `/`-separated; the service confines it. */
const libraryPath = z
  .string()
  .min(1, 'A path is required.')
  .max(4096, 'The path is too long.')
  .refine((value) => !value.includes('\0'), 'A path cannot contain NUL.');

/** A library-relative folder; `''` is the library root. */
const folderPath = z
  .string()
  .max(4096, 'The path is too long.')
  .refine((value) => !value.includes('\0'), 'A path cannot contain NUL.');

/** A bare name typed by the author; the service validates it as one path segment. */
const bareName = z.string().max(1024, 'The name is too long.');

/** Input schemas of the library methods, spread into `inputSchemas`. */
export const libraryInputSchemas = {
  listFolders: z.object({}).strict(),
  searchArticles: z
    .object({
      query: z.string().max(500, 'The search is too long.'),
      limit: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  listTemplates: z.object({}).strict(),
  createArticle: z
    .object({
      folder: folderPath,
      /** File name (with or without `.md`); default: a slug of the title. */
      name: bareName.optional(),
      title: z.string().max(500).optional(),
      /** Template name from `.folio/templates/`; default: the built-in template. */
      template: z.string().max(200).optional(),
    })
    .strict(),
  createFolder: z.object({ parent: folderPath, name: bareName }).strict(),
  planMove: z.object({ path: libraryPath, to: libraryPath }).strict(),
  moveArticle: z
    .object({
      path: libraryPath,
      /** The new library-relative path (rename, move, or both). */
      to: libraryPath,
      /** Rewrite relative links to (and from) the article; default true. */
      rewriteLinks: z.boolean().optional(),
    })
    .strict(),
  duplicateArticle: z.object({ path: libraryPath }).strict(),
  saveArticleCopy: z
    .object({ path: libraryPath, text: z.string().max(maxTextChars, 'The article is too large to save.') })
    .strict(),
  deleteArticle: z.object({ path: libraryPath }).strict(),
  listTrash: z.object({}).strict(),
  restoreFromTrash: z.object({ id: z.string().min(1).max(200) }).strict(),
  journalArticle: z
    .object({
      path: libraryPath,
      text: z.string().max(maxTextChars, 'The article is too large to journal.'),
      baseHash: z.string().max(128).nullable(),
    })
    .strict(),
  discardJournal: z.object({ path: libraryPath }).strict(),
  listRecoveries: z.object({}).strict(),
  listRecentLibraries: z.object({}).strict(),
  /** Re-opens Folio on another folder ("Open library…"); the service validates the folder. */
  openLibrary: z
    .object({
      /** An absolute folder path (`~` is the home folder), typed or picked from recent libraries. */
      root: z.string().trim().min(1, 'Type the path of a folder.').max(4096, 'The path is too long.'),
    })
    .strict(),
  /** The desktop app's folder dialog, for "Open library…" ("Choose…"); browser mode has none. */
  chooseLibraryFolder: z.object({}).strict(),
} as const;

/** One search result. */
export interface SearchHit {
  readonly path: string;
  readonly title: string;
  /** `[start, end)` ranges of `title` that matched, for highlighting. */
  readonly titleHighlights: readonly (readonly [number, number])[];
  /** Plain text around the best match. */
  readonly snippet: string;
  /** `[start, end)` ranges of `snippet` that matched, for highlighting. */
  readonly highlights: readonly (readonly [number, number])[];
  readonly score: number;
}

/** A template for new articles. */
export interface ArticleTemplate {
  /** Name to pass to `createArticle`; `''` for the built-in default. */
  readonly name: string;
  readonly label: string;
}

/** One link that a move will rewrite. */
export interface LinkChange {
  readonly line: number;
  readonly before: string;
  readonly after: string;
}

/** What a move or rename will change in the library, shown before it happens. */
export interface MovePlan {
  readonly from: string;
  readonly to: string;
  /** Articles whose links change, with each changed link. */
  readonly files: readonly { readonly path: string; readonly changes: readonly LinkChange[] }[];
}

/** The outcome of a move or rename. */
export interface MoveResult {
  readonly path: string;
  /** Articles whose links were rewritten. */
  readonly rewritten: readonly string[];
  /** Articles whose links could not be rewritten (changed meanwhile, unreadable...). */
  readonly skipped: readonly string[];
}

/** An item in the library-local trash (browser mode and CLI). */
export interface TrashEntry {
  readonly id: string;
  /** Where it was in the library. */
  readonly path: string;
  /** ISO 8601. */
  readonly deletedAt: string;
}

/** The outcome of a delete. */
export interface DeleteResult {
  /** Trash id to restore from, or `null` when the OS trash took it (restore from there). */
  readonly trashId: string | null;
}

/** Unsaved text found in the journal at start. */
export interface RecoveryEntry {
  readonly path: string;
  /** The unsaved text. */
  readonly text: string;
  /** Hash of the version that text was based on. */
  readonly baseHash: string | null;
  /** ISO 8601 time of the last journal write. */
  readonly journaledAt: string;
  /** True when the file on disk is no longer the version the text was based on. */
  readonly changedOnDisk: boolean;
  /** The article as it is on disk now (`null` when it no longer exists or cannot be read). */
  readonly disk: ArticleDocument | null;
}

/** A library opened before. */
export interface RecentLibrary {
  readonly name: string;
  readonly root: string;
  /** ISO 8601. */
  readonly openedAt: string;
}

/** Output types of the library methods, merged into `MethodOutputs`. */
export interface LibraryMethodOutputs {
  /** Every folder of the library (library-relative), including empty ones; sorted. */
  listFolders: string[];
  searchArticles: SearchHit[];
  listTemplates: ArticleTemplate[];
  createArticle: { path: string };
  createFolder: { path: string };
  planMove: MovePlan;
  moveArticle: MoveResult;
  duplicateArticle: { path: string };
  saveArticleCopy: { path: string };
  deleteArticle: DeleteResult;
  listTrash: TrashEntry[];
  restoreFromTrash: { path: string };
  journalArticle: { journaled: boolean };
  discardJournal: { discarded: boolean };
  listRecoveries: RecoveryEntry[];
  listRecentLibraries: RecentLibrary[];
  /** The library now open (the window reloads or relaunches on it). */
  openLibrary: { name: string; root: string };
  /** The folder picked, or `null` when the dialog was cancelled. */
  chooseLibraryFolder: { root: string | null };
}
