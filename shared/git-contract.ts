/**
 * The git part of the contract: a library that is a git work tree syncs with a remote (clone,
 * status, sync with conflicts resolved in Folio's 3-way merge, history). Spread into
 * `inputSchemas` / `MethodOutputs` of `contract.ts`; implemented in `electron/library/git/`.
 */
import { z } from 'zod';

/** A library-relative article path, `/`-separated; the service confines it. */
const libraryPath = z
  .string()
  .min(1, 'A path is required.')
  .max(4096, 'The path is too long.')
  .refine((value) => !value.includes('\0'), 'A path cannot contain NUL.');

/** Longest resolved text accepted for one conflicted article (characters). */
const maxTextChars = 20_000_000;

/** A remote's URL: smart HTTP(S) only (`https://host/owner/repo.git`, or `http://` on a LAN). */
export const gitUrlSchema = z
  .string()
  .trim()
  .min(1, 'Type the address of the repository.')
  .max(2048, 'The address is too long.')
  .refine((value) => /^https?:\/\/[^\s/]/i.test(value), 'Folio syncs over http:// or https:// addresses.');

const username = z.string().max(256, 'The user name is too long.');
const password = z.string().max(4096, 'The password or token is too long.');
const syncId = z.string().min(1).max(64);
/** Names a run in `gitProgressed` events. */
const jobId = z.string().max(64);

/** Input schemas of the git methods, spread into `inputSchemas`. */
export const gitInputSchemas = {
  /** The open library's git state; `repository: false` when it is not a git work tree. */
  getGitStatus: z.object({}).strict(),
  /**
   * Clones a remote into a folder that does not exist yet or is empty; the renderer then opens
   * it with `openLibrary`. Credentials, when given, are kept for that remote (see
   * `setGitCredentials`).
   */
  cloneLibrary: z
    .object({
      url: gitUrlSchema,
      /** An absolute folder path (`~` is the home folder). */
      folder: z.string().trim().min(1, 'Type the path of a folder.').max(4096, 'The path is too long.'),
      username: username.optional(),
      password: password.optional(),
      /** Desktop: keep them encrypted for the next runs; browser mode keeps them for this run only. */
      remember: z.boolean().optional(),
      jobId: jobId.optional(),
    })
    .strict(),
  /** Credentials for the open library's remote, asked for when a sync answers `AUTH_REQUIRED`. */
  setGitCredentials: z.object({ username, password, remember: z.boolean().optional() }).strict(),
  /** Forgets the credentials kept for the open library's remote. */
  forgetGitCredentials: z.object({}).strict(),
  /**
   * Sync: fetch (offline: `OFFLINE`, nothing changed), commit the library's changed articles and
   * assets, merge, push. Stops before pushing when both sides changed an article: the result
   * then holds a `pending` sync to finish with `resolveSync` or undo with `cancelSync`.
   */
  syncLibrary: z
    .object({
      /** Commit message; default: `GitStatus.suggestedMessage`. */
      message: z.string().max(10_000, 'The message is too long.').optional(),
      /** Only commit: no fetch, no merge, no push (works offline). */
      commitOnly: z.boolean().optional(),
      jobId: jobId.optional(),
    })
    .strict(),
  /** Finishes a sync stopped on conflicts with the author's text for every conflicted article. */
  resolveSync: z
    .object({
      syncId,
      resolutions: z
        .array(
          z
            .object({
              path: libraryPath,
              /** The article's text; `null` deletes it (only where one side deleted it). */
              text: z.string().max(maxTextChars).nullable(),
            })
            .strict(),
        )
        .max(10_000),
      jobId: jobId.optional(),
    })
    .strict(),
  /** Gives up a sync stopped on conflicts: the library returns to exactly its state before it. */
  cancelSync: z.object({ syncId }).strict(),
  /** The commits that changed one article, newest first. */
  listGitHistory: z.object({ path: libraryPath }).strict(),
  /** The article's text as one commit has it. */
  readGitVersion: z
    .object({ path: libraryPath, oid: z.string().regex(/^[0-9a-f]{40}$/, 'Not a commit id.') })
    .strict(),
} as const;

/** How a file differs from the last commit, as the library tree marks it. */
export type GitChangeKind = 'new' | 'modified' | 'deleted' | 'conflicted';

/** One changed file of the library (an article or an asset). */
export interface GitChange {
  /** Library-relative, `/`-separated. */
  readonly path: string;
  readonly kind: GitChangeKind;
}

/** One article both sides changed, with the three texts the 3-way merge shows. */
export interface GitConflict {
  readonly path: string;
  /** The common ancestor's text; `null` when the article did not exist there. */
  readonly base: string | null;
  /** This library's text; `null` when it was deleted here. */
  readonly mine: string | null;
  /** The remote's text; `null` when it was deleted there. */
  readonly theirs: string | null;
}

/** A sync stopped on conflicts, waiting for `resolveSync` or `cancelSync`. */
export interface PendingSync {
  readonly syncId: string;
  readonly conflicts: readonly GitConflict[];
}

/** The open library's git state. */
export interface GitStatus {
  /** False when the library is not a git work tree (every other field is empty). */
  readonly repository: boolean;
  /** The checked-out branch; `null` on a detached HEAD or before the first commit. */
  readonly branch: string | null;
  /** The remote's URL for display, without any credentials; `null` when there is none. */
  readonly remote: string | null;
  /** Commits here that the remote (as last fetched) lacks, and the other way round. */
  readonly ahead: number;
  readonly behind: number;
  /** Files a sync would commit; Folio's own `.folio/` state never appears here. */
  readonly changes: readonly GitChange[];
  /** A commit message made from the changed articles' titles. */
  readonly suggestedMessage: string;
  /** Whether credentials are kept for the remote (never the credentials themselves). */
  readonly hasCredentials: boolean;
  /** A sync stopped on conflicts, if one is open. */
  readonly pending: PendingSync | null;
}

/** How a sync ended. */
export type SyncOutcome = 'up-to-date' | 'synced' | 'committed' | 'conflicts';

/** The outcome of `syncLibrary` or `resolveSync`. */
export interface SyncResult {
  readonly outcome: SyncOutcome;
  /** What happened, in words for the author ("Sent 2 articles, received 1."). */
  readonly summary: string;
  /** Files in the commit made from this library's changes (0: nothing to commit). */
  readonly committed: number;
  /** Files the merge brought from the remote. */
  readonly received: number;
  /** Whether the remote now has this library's commits. */
  readonly pushed: boolean;
  /** With `conflicts`: what the author must resolve; nothing was pushed. */
  readonly pending: PendingSync | null;
}

/** One commit in an article's history. */
export interface GitCommitInfo {
  readonly oid: string;
  readonly author: string;
  readonly email: string;
  /** ISO 8601. */
  readonly time: string;
  readonly message: string;
}

/** Output types of the git methods, merged into `MethodOutputs`. */
export interface GitMethodOutputs {
  getGitStatus: GitStatus;
  cloneLibrary: { readonly root: string; readonly name: string };
  setGitCredentials: { readonly kept: boolean };
  forgetGitCredentials: { readonly forgotten: boolean };
  syncLibrary: SyncResult;
  resolveSync: SyncResult;
  cancelSync: { readonly cancelled: boolean };
  listGitHistory: GitCommitInfo[];
  readGitVersion: { readonly text: string };
}

/** The phase a clone or sync is in, for its progress bar. */
export type GitPhase = 'saving' | 'committing' | 'fetching' | 'merging' | 'pushing' | 'cloning';

/** A clone or sync moved on (`jobId` as given). `total` is `null` while unknown. */
export interface GitProgress {
  readonly jobId: string;
  readonly phase: GitPhase;
  readonly loaded: number;
  readonly total: number | null;
}
