import type { GitCommitInfo } from '../../../shared/git-contract';
import { FolioError } from '../../../shared/errors';
import { splitLibraryPath } from '../paths';
import { fs, git, requireRepository } from './git-repository';

/** The commits that changed one article, newest first, following it across renames. */
export async function listGitHistory(dir: string, filepath: string): Promise<GitCommitInfo[]> {
  await requireRepository(dir);
  splitLibraryPath(filepath);
  let commits;
  try {
    commits = await git.log({ fs, dir, filepath, follow: true, cache: {} });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NotFoundError') return [];
    throw new FolioError(
      'GIT_ERROR',
      `Folio could not read the history of “${filepath}” (${code ?? 'unknown error'}).`,
    );
  }
  return commits.map(({ oid, commit }) => ({
    oid,
    author: commit.author.name,
    email: commit.author.email,
    time: new Date(commit.author.timestamp * 1000).toISOString(),
    message: commit.message.trimEnd(),
  }));
}

/** The article's text as one commit has it. */
export async function readGitVersion(dir: string, filepath: string, oid: string): Promise<{ text: string }> {
  await requireRepository(dir);
  splitLibraryPath(filepath);
  let blob: Uint8Array;
  try {
    blob = (await git.readBlob({ fs, dir, oid, filepath })).blob;
  } catch {
    throw new FolioError('NOT_FOUND', `“${filepath}” is not in that version of the library.`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(blob).replace(/^\uFEFF/, '') };
  } catch {
    throw new FolioError('NOT_UTF8', `That version of “${filepath}” is not valid UTF-8 text.`);
  }
}
