import type { ArticleSummary } from '../../../shared/contract';
import type { FolderNode } from './library-tree';

/** One visible row of the library tree, in display order. */
export interface TreeRow {
  /** `folder:<path>` or `article:<path>`; unique in the tree. */
  readonly key: string;
  readonly kind: 'folder' | 'article';
  /** Library-relative path. */
  readonly path: string;
  /** What the row shows first (folder name or article title), for type-ahead. */
  readonly label: string;
  /** 1 for the top level (`aria-level`). */
  readonly level: number;
  /** Key of the folder row holding this row; `null` at the top level. */
  readonly parent: string | null;
  /** For folders: whether its children are shown. */
  readonly expanded: boolean;
  /** How many rows share this row's parent (`aria-setsize`). */
  readonly setSize: number;
  /** 1-based place among those rows (`aria-posinset`). */
  readonly posInSet: number;
  /** For folders: matching articles in it and below; 0 for articles. */
  readonly count: number;
  /** For articles: the summary the row shows; `null` for folders. */
  readonly article: ArticleSummary | null;
}

/** The key of a folder row. */
export const folderKey = (path: string): string => `folder:${path}`;
/** The key of an article row. */
export const articleKey = (path: string): string => `article:${path}`;

/**
 * The rows a keyboard can reach: folders first, then articles, as the pane shows them; the
 * children of collapsed folders are left out.
 */
export function visibleRows(root: FolderNode, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: FolderNode, level: number, parent: string | null): void => {
    const setSize = node.folders.length + node.articles.length;
    let posInSet = 0;
    for (const folder of node.folders) {
      const expanded = !collapsed.has(folder.path);
      const key = folderKey(folder.path);
      rows.push({
        key,
        kind: 'folder',
        path: folder.path,
        label: folder.name,
        level,
        parent,
        expanded,
        setSize,
        posInSet: ++posInSet,
        count: folder.count,
        article: null,
      });
      if (expanded) walk(folder, level + 1, key);
    }
    for (const article of node.articles) {
      rows.push({
        key: articleKey(article.path),
        kind: 'article',
        path: article.path,
        label: article.title,
        level,
        parent,
        expanded: false,
        setSize,
        posInSet: ++posInSet,
        count: 0,
        article,
      });
    }
  };
  walk(root, 1, null);
  return rows;
}

/** What a key press in the tree asks for. */
export type TreeAction =
  | { readonly kind: 'focus'; readonly key: string }
  | { readonly kind: 'expand' | 'collapse'; readonly path: string }
  | { readonly kind: 'expandAll'; readonly paths: readonly string[] }
  | { readonly kind: 'activate'; readonly row: TreeRow };

/**
 * The WAI-ARIA tree pattern's answer to a navigation key on the row `current` (see
 * https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): Up/Down move, Right expands a closed
 * folder or enters an open one, Left closes an open folder or goes to the parent, Home/End go to
 * the ends, Enter activates, `*` expands the folder's siblings. `null` for any other key.
 */
export function treeKeyAction(rows: readonly TreeRow[], current: string, key: string): TreeAction | null {
  const at = rows.findIndex((row) => row.key === current);
  const row = rows[at];
  if (!row) return rows[0] ? { kind: 'focus', key: rows[0].key } : null;
  const focus = (target: TreeRow | undefined): TreeAction | null =>
    target ? { kind: 'focus', key: target.key } : null;
  switch (key) {
    case 'ArrowDown':
      return focus(rows[at + 1]);
    case 'ArrowUp':
      return focus(rows[at - 1]);
    case 'Home':
      return focus(rows[0]);
    case 'End':
      return focus(rows[rows.length - 1]);
    case 'ArrowRight':
      if (row.kind !== 'folder') return null;
      if (!row.expanded) return { kind: 'expand', path: row.path };
      return rows[at + 1]?.parent === row.key ? focus(rows[at + 1]) : null;
    case 'ArrowLeft':
      if (row.kind === 'folder' && row.expanded) return { kind: 'collapse', path: row.path };
      return row.parent ? { kind: 'focus', key: row.parent } : null;
    case 'Enter':
      return { kind: 'activate', row };
    case '*':
      return {
        kind: 'expandAll',
        paths: rows.filter((r) => r.kind === 'folder' && r.parent === row.parent).map((r) => r.path),
      };
    default:
      return null;
  }
}

/**
 * Type-ahead: the next row after `current` (wrapping) whose label starts with `prefix`, ignoring
 * case and accents; when every typed character is the same letter, it cycles through the rows
 * starting with that letter. `null` when none matches.
 */
export function typeAheadMatch(rows: readonly TreeRow[], current: string, prefix: string): string | null {
  if (!prefix || rows.length === 0) return null;
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const wanted = fold(prefix);
  const repeated = [...wanted].every((char) => char === wanted[0]) ? wanted[0]! : null;
  const at = Math.max(
    0,
    rows.findIndex((row) => row.key === current),
  );
  // A longer prefix may still match the current row; a single letter moves on from it.
  const start = wanted.length > 1 && !repeated ? at : at + 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[(start + i) % rows.length]!;
    const label = fold(row.label);
    if (label.startsWith(wanted) || (repeated && label.startsWith(repeated) && wanted.length > 1)) {
      return row.key;
    }
  }
  return null;
}
