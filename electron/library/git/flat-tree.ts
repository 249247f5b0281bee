/**
 * A commit's files as plain data, shared by the isomorphic-git reader (git-trees.ts) and the
 * system-git one (system-git.ts) without either importing the other.
 */

/** One file of a commit's tree. */
export interface TreeFile {
  readonly oid: string;
  /** Git's mode: `100644`, `100755`, `120000` (symlink) or `160000` (submodule). */
  readonly mode: string;
}

/** A commit's files by library-relative path. */
export type FlatTree = Map<string, TreeFile>;
