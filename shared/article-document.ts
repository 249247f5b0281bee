/**
 * An article opened for editing, as the service hands it out. A module of its own because both
 * contract files name it: contract.ts (`readArticle`) and library-contract.ts (recovery), which
 * contract.ts imports; defining it in either would make the two import each other.
 */

/** Line ending used when writing an article back. */
export type LineEnding = '\n' | '\r\n';

/** An article opened for editing. */
export interface ArticleDocument {
  readonly path: string;
  /** The text with `\n` line endings and without BOM, as the editor holds it. */
  readonly text: string;
  /** Hash of the bytes on disk; send it back with the next save. */
  readonly hash: string;
  readonly lineEnding: LineEnding;
  readonly bom: boolean;
  /** True when Folio must not save this file (e.g. invalid UTF-8). */
  readonly readOnly: boolean;
  /** Why the article is read-only, in words for the author. */
  readonly readOnlyReason: string | null;
}
