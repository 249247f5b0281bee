import type { EventName, FolioEvents, MethodInputs, MethodOutputs } from '../../shared/contract';
import type { LibraryMethodOutputs } from '../../shared/library-contract';
import type { ArticleIndex } from './article-index';
import type { Journal } from './journal';

/** What the file operations need from the service (see `LibraryContext`). */
export interface FileOperationsContext {
  readonly realRoot: string;
  readonly index: ArticleIndex;
  readonly journal: Journal;
  /** `trashItem`: the OS trash, when the host has one (desktop); otherwise the library-local trash. */
  readonly host: { readonly trashItem?: (absolutePath: string) => Promise<void> };
  emit<E extends EventName>(event: E, payload: FolioEvents[E]): void;
}

/** Folio's own folder inside a library (templates, local trash). Never listed. */
export const folioFolder = '.folio';

/** Some of the library's methods, by name, as the service exposes them. */
export type FileMethods<K extends keyof LibraryMethodOutputs> = Pick<
  { [M in keyof LibraryMethodOutputs]: (input: MethodInputs[M]) => Promise<MethodOutputs[M]> },
  K
>;
