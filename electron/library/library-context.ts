import type { EventName, FolioEvents, SpellcheckState } from '../../shared/contract';
import type { ArticleIndex } from './article-index';
import type { GitCredentialStore } from './git';
import type { Journal } from './journal';
import type { SearchIndex } from './search-index';
import type { SnapshotStore } from './snapshots';
import type { UpdateHost } from './update-checks';

/** The few OS-specific needs of the service, passed in so it never imports Electron. */
export interface LibraryHost {
  /** Folder for Folio's own data (journal, snapshots, settings). */
  readonly appDataDir: string;
  /** Moves a file to the OS trash; browser mode and the CLI use a library-local trash. */
  readonly trashItem?: (absolutePath: string) => Promise<void>;
  /** Renders an HTML document to PDF (Electron's `printToPDF`); only the desktop app has it. */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
  /**
   * Re-opens Folio on another library folder (already checked): browser mode swaps the service
   * and the page reloads; the desktop app relaunches. Without it, `openLibrary` is refused.
   */
  readonly openLibrary?: (realRoot: string) => Promise<void>;
  /** Shows the OS folder dialog; resolves `null` when cancelled. Only the desktop app has one. */
  readonly chooseFolder?: () => Promise<string | null>;
  /** The OS folder dialog for the export folder (desktop only); `null` when cancelled. */
  readonly chooseExportFolder?: (defaultPath: string) => Promise<string | null>;
  /** Points the OS window's spellchecker at a language; only the desktop app has one to point. */
  readonly setSpellcheck?: (enabled: boolean, language: string) => SpellcheckState;
  /**
   * Where credentials for git remotes are kept (desktop: encrypted on disk when remembered);
   * default: in memory for this run.
   */
  readonly gitCredentials?: GitCredentialStore;
  /** The installed desktop app's updater; without it, update checks stay off. */
  readonly updates?: UpdateHost;
}

/**
 * What the service's method groups share: each group is a `xxxMethods(context)` function that
 * returns some of the contract's methods, and the service composes them (library-service.ts).
 */
export interface LibraryContext {
  /** The library folder with symlinks resolved; every path is confined to it. */
  readonly realRoot: string;
  readonly host: LibraryHost;
  /** The article the window opens when it loads (see `LibraryInfo.startArticle`). */
  readonly startArticle: string | undefined;
  /** Every article's summary, kept current by the watcher or by re-scans. */
  readonly index: ArticleIndex;
  readonly search: SearchIndex;
  /** Unsaved text, kept until it is saved. */
  readonly journal: Journal;
  /** Earlier versions of each article. */
  readonly history: SnapshotStore;
  /** Tells the service's clients. */
  emit<E extends EventName>(event: E, payload: FolioEvents[E]): void;
  /** Emits one `libraryChanged` for the changes of the next few milliseconds. */
  libraryChangedSoon(): void;
  /** Brings the index up to date before a listing or a search (watching.ts). */
  ensureScanned(): Promise<void>;
  /** True while a watcher keeps the index current. */
  isWatching(): boolean;
  /** Saves still running (writing the file, then its snapshots); closing the service awaits them. */
  readonly savesInFlight: Set<Promise<unknown>>;
}
