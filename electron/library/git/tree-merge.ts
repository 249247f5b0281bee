import { mergeThreeWay } from '../../../shared/review/three-way-merge';
import type { GitConflict } from '../../../shared/git-contract';
import { fs, git } from './git-repository';
import { readBlobBytes, type FlatTree, type TreeFile } from './git-trees';

/** The result of {@link mergeTrees}. */
export interface TreeMerge {
  /** The merged files (conflicted articles hold this library's version until resolved). */
  readonly files: FlatTree;
  /** Articles both sides changed in ways that cannot merge by themselves. */
  readonly conflicts: GitConflict[];
  /** Paths where the remote's side changed the result (for "received N"). */
  readonly received: string[];
  /** Binary files both sides changed: the remote's copy was kept beside this library's. */
  readonly keptBoth: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function sameFile(a: TreeFile | undefined, b: TreeFile | undefined): boolean {
  return a?.oid === b?.oid && a?.mode === b?.mode;
}

/** `a/b/photo.png` → `a/b/photo (remote copy).png`, a name free in `files`. */
function remoteCopyName(filepath: string, files: FlatTree): string {
  const slash = filepath.lastIndexOf('/');
  const name = filepath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n += 1) {
    const candidate = `${filepath.slice(0, slash + 1)}${stem} (remote copy${n > 1 ? ` ${n}` : ''})${ext}`;
    if (!files.has(candidate)) return candidate;
  }
}

/**
 * Three-way merge of two commits' files over their common ancestor's, done here rather than
 * with isomorphic-git's `merge`: that one gives up on add/add and file/folder cases
 * (`MergeNotSupportedError`) and marks conflicts inside files, where Folio must hand the
 * three texts to the author and write nothing until the author chose. Text files merge with
 * the same line-then-word diff3 as the editor's merge view (`mergeThreeWay`).
 */
export async function mergeTrees(
  dir: string,
  base: FlatTree,
  ours: FlatTree,
  theirs: FlatTree,
  cache: object,
): Promise<TreeMerge> {
  const files: FlatTree = new Map();
  const conflicts: GitConflict[] = [];
  const received: string[] = [];
  const keptBoth: string[] = [];
  const paths = new Set([...base.keys(), ...ours.keys(), ...theirs.keys()]);
  const text = async (file: TreeFile | undefined): Promise<string | null> =>
    file ? decodeText(await readBlobBytes(dir, file.oid, cache)) : null;

  for (const filepath of [...paths].sort()) {
    const b = base.get(filepath);
    const o = ours.get(filepath);
    const t = theirs.get(filepath);
    if (sameFile(o, t) || sameFile(t, b)) {
      if (o) files.set(filepath, o);
      continue;
    }
    if (sameFile(o, b)) {
      if (t) files.set(filepath, t);
      received.push(filepath);
      continue;
    }
    // Both sides changed this path, differently.
    const [baseText, ourText, theirText] = await Promise.all([text(b), text(o), text(t)]);
    const textual = (!o || ourText !== null) && (!t || theirText !== null) && (!b || baseText !== null);
    if (o && t && textual) {
      const merged = mergeThreeWay(baseText ?? '', ourText!, theirText!);
      if (merged.conflicts === 0 && b) {
        const mergedText = merged.hunks.map((hunk) => (hunk.kind === 'merged' ? hunk.text : '')).join('');
        const oid = await git.writeBlob({ fs, dir, blob: Buffer.from(mergedText, 'utf8') });
        files.set(filepath, { oid, mode: o.mode });
        received.push(filepath);
        continue;
      }
    }
    if (textual) {
      // Both changed the same words, both added different files, or one deleted what the
      // other edited: the author decides; until then this library's version stands.
      if (o) files.set(filepath, o);
      conflicts.push({ path: filepath, base: baseText, mine: ourText, theirs: theirText });
      continue;
    }
    // Binary (an image edited on both sides): keep this library's file, and the remote's
    // beside it, so that neither is lost.
    if (o) files.set(filepath, o);
    if (t) {
      const copy = remoteCopyName(filepath, new Map([...ours, ...theirs, ...files]));
      files.set(copy, t);
      received.push(copy);
      keptBoth.push(filepath);
    }
  }
  return { files, conflicts, received, keptBoth };
}
