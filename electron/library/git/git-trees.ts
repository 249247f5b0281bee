import { fs, git } from './git-repository';
import type { FlatTree, TreeFile } from './flat-tree';
import { mergeBasesWithGit, readFlatTreeWithGit, systemGit } from './system-git';

export type { FlatTree, TreeFile } from './flat-tree';

/** Reads every file of a commit (or of nothing: an empty tree for `null`). */
export async function readFlatTree(dir: string, commit: string | null, cache: object): Promise<FlatTree> {
  const files: FlatTree = new Map();
  if (commit === null) return files;
  const system = await systemGit();
  if (system) return readFlatTreeWithGit(system, dir, commit);
  const { commit: parsed } = await git.readCommit({ fs, dir, oid: commit, cache });
  async function visit(treeOid: string, prefix: string): Promise<void> {
    const { tree } = await git.readTree({ fs, dir, oid: treeOid, cache });
    for (const entry of tree) {
      const filepath = prefix ? `${prefix}/${entry.path}` : entry.path;
      if (entry.type === 'tree') await visit(entry.oid, filepath);
      else files.set(filepath, { oid: entry.oid, mode: entry.mode });
    }
  }
  await visit(parsed.tree, '');
  return files;
}

interface Folder {
  readonly files: Map<string, TreeFile>;
  readonly folders: Map<string, Folder>;
}

/** Writes the tree objects for a set of files; resolves the root tree's id. */
export async function writeFlatTree(dir: string, files: FlatTree): Promise<string> {
  const root: Folder = { files: new Map(), folders: new Map() };
  for (const [filepath, file] of files) {
    const parts = filepath.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { files: new Map(), folders: new Map() };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.set(parts[parts.length - 1]!, file);
  }
  async function write(folder: Folder): Promise<string> {
    const entries: { mode: string; path: string; oid: string; type: 'blob' | 'tree' | 'commit' }[] = [];
    for (const [name, child] of folder.folders) {
      entries.push({ mode: '040000', path: name, oid: await write(child), type: 'tree' });
    }
    for (const [name, file] of folder.files) {
      entries.push({
        mode: file.mode,
        path: name,
        oid: file.oid,
        type: file.mode === '160000' ? 'commit' : 'blob',
      });
    }
    return git.writeTree({ fs, dir, tree: entries });
  }
  return write(root);
}

/** Reads a blob's bytes. */
export async function readBlobBytes(dir: string, oid: string, cache: object): Promise<Uint8Array> {
  return (await git.readBlob({ fs, dir, oid, cache })).blob;
}

/** The best common ancestors of two commits (empty: unrelated histories). */
export async function mergeBases(dir: string, a: string, b: string, cache: object): Promise<string[]> {
  const system = await systemGit();
  if (system) return mergeBasesWithGit(system, dir, a, b);
  return (await git.findMergeBase({ fs, dir, oids: [a, b], cache })) as string[];
}
