import { open } from 'node:fs/promises';
import path from 'node:path';
import type { GitChange, GitChangeKind } from '../../../shared/git-contract';
import { isFolioOwnPath } from './folio-ignore';
import { commitIdentity, fs, git } from './git-repository';
import { listChangesWithGit, stageWithGit, systemGit } from './system-git';
import { countOf, pluralWord, words } from '../../../shared/plural';

/** Reads an article's title for commit messages (`undefined`: use the file name). */
export type TitleOf = (relative: string) => string | undefined;

/**
 * The files a sync would commit: every difference between the last commit and the work tree
 * that `.gitignore` does not exclude, and never Folio's own state.
 *
 * isomorphic-git's `statusMatrix` compares each file's stat with the index first and hashes
 * only files whose stat changed, so a second status of an unchanged library reads no file.
 */
export async function listChanges(dir: string, cache: object): Promise<GitChange[]> {
  const system = await systemGit();
  if (system) return (await listChangesWithGit(system, dir)).filter((change) => !isFolioOwnPath(change.path));
  const matrix = await git.statusMatrix({ fs, dir, cache, filter: (filepath) => !isFolioOwnPath(filepath) });
  const changes: GitChange[] = [];
  for (const [filepath, head, workdir, stage] of matrix) {
    let kind: GitChangeKind | null = null;
    if (head === 0 && workdir === 2) kind = 'new';
    else if (head === 1 && workdir === 0) kind = 'deleted';
    else if (head === 1 && workdir === 2) kind = 'modified';
    else if (head === 1 && workdir === 1 && stage !== 1) kind = 'modified';
    else if (head === 0 && workdir === 0 && stage !== 0) kind = null; // staged, then deleted: nothing to share
    if (kind) changes.push({ path: filepath, kind });
  }
  return changes;
}

/**
 * Stages exactly the listed changes (new and modified files added, deleted ones removed) and
 * commits them. Resolves the new commit, or `null` when there was nothing to commit.
 */
export async function commitChanges(
  dir: string,
  branch: string,
  changes: readonly GitChange[],
  message: string,
  cache: object,
): Promise<string | null> {
  if (changes.length === 0) return null;
  const author = await commitIdentity(dir);
  const system = await systemGit();
  if (system) {
    await stageWithGit(
      system,
      dir,
      {
        add: changes.filter((change) => change.kind !== 'deleted').map((change) => change.path),
        remove: changes.filter((change) => change.kind === 'deleted').map((change) => change.path),
      },
      false,
    );
    // --no-verify: a hook's questions or output have no terminal here. Signing is left to git's
    // configuration.
    await system.run(dir, ['commit', '--quiet', '--no-verify', '-F', '-'], {
      input: message,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
      },
    });
    return (await system.run(dir, ['rev-parse', `refs/heads/${branch}`])).trim();
  }
  const added = changes.filter((change) => change.kind !== 'deleted').map((change) => change.path);
  if (added.length > 0) await git.add({ fs, dir, filepath: added, cache });
  for (const change of changes) {
    if (change.kind === 'deleted') await git.remove({ fs, dir, filepath: change.path, cache });
  }
  return git.commit({ fs, dir, ref: `refs/heads/${branch}`, message, author, cache });
}

const articlePattern = /\.(?:md|markdown)$/i;

/** A commit message from the changed articles' titles ("Update “A”, “B” and 2 more articles"). */
export async function suggestMessage(
  dir: string,
  changes: readonly GitChange[],
  titleOf: TitleOf,
): Promise<string> {
  if (changes.length === 0) return '';
  const articles = changes.filter((change) => articlePattern.test(change.path));
  if (articles.length === 0) return `Update ${countOf(changes.length, words.file)}`;
  const kinds = new Set(articles.map((change) => change.kind));
  const verb =
    kinds.size === 1 && kinds.has('new')
      ? 'Add'
      : kinds.size === 1 && kinds.has('deleted')
        ? 'Delete'
        : 'Update';
  const shown = articles.slice(0, 3);
  const titles: string[] = [];
  for (const change of shown) {
    const title =
      (change.kind === 'deleted'
        ? undefined
        : (titleOf(change.path) ?? (await readTitle(dir, change.path)))) ??
      path.posix.basename(change.path).replace(articlePattern, '');
    titles.push(`“${title.replace(/\s+/g, ' ').trim().slice(0, 80)}”`);
  }
  const rest = articles.length - shown.length;
  const named =
    rest > 0 ? `${titles.join(', ')} and ${rest} more ${pluralWord(rest, words.article)}` : joinWords(titles);
  return `${verb} ${named}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The frontmatter `title` of an article, read from its first 4 KB (a plain scalar only). */
async function readTitle(dir: string, relative: string): Promise<string | undefined> {
  const handle = await open(path.join(dir, relative), 'r').catch(() => null);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(head)?.[1];
    const title = block ? /^title:[ \t]*(.+?)[ \t]*$/m.exec(block)?.[1] : undefined;
    return title?.replace(/^(['"])(.*)\1$/, '$2') || undefined;
  } finally {
    await handle.close();
  }
}
