import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { GitStatus, SyncResult } from '../../shared/git-contract';
import { FolioError } from '../../shared/errors';
// The modules themselves, not the library's index: every command loads this file, and the index
// brings the link rewriter's Markdown parser and the contract's schemas (zod). The service and
// git are loaded by the git commands when they run (`folio list` starts without them).
import type { LibraryService } from '../library';
import type { GitCredentials } from '../library/git/git-credentials';
import { toLibraryPath } from '../library/paths';
import { countOf } from '../../shared/plural';

interface CredentialOptions {
  readonly username?: string;
  readonly passwordStdin?: boolean;
}

/** Reads the password (or token) from standard input: its first line, without the newline. */
async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** The credentials given on the command line; `--password-stdin` needs `--username`. */
async function credentialsFrom(opts: CredentialOptions, command: Command): Promise<GitCredentials | null> {
  if (opts.passwordStdin && opts.username === undefined) {
    command.error('folio git: --password-stdin needs --username.', { exitCode: 2 });
  }
  if (opts.username === undefined) return null;
  return { username: opts.username, password: opts.passwordStdin ? await readPasswordFromStdin() : '' };
}

/**
 * Opens a library for one git command: no watcher, a throw-away data folder, and credentials
 * kept in memory for this run only.
 */
async function withGitLibrary<T>(
  library: string,
  credentials: GitCredentials | null,
  work: (service: LibraryService) => Promise<T>,
): Promise<T> {
  const info = await stat(library).catch(() => null);
  if (!info?.isDirectory()) throw new FolioError('NOT_FOUND', `“${library}” is not a folder.`);
  const [{ createLibraryService }, { createMemoryCredentialStore }] = await Promise.all([
    import('../library/library-service'),
    import('../library/git/git-credentials'),
  ]);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
  const service = await createLibraryService({
    root: library,
    host: { appDataDir: dataDir, gitCredentials: createMemoryCredentialStore() },
    watch: false,
  });
  try {
    if (credentials) {
      const status = await service.getGitStatus({});
      if (status.repository && status.remote) await service.setGitCredentials(credentials);
    }
    return await work(service);
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function statusText(status: GitStatus): string {
  if (!status.repository) return 'This library is not shared with git.\n';
  const lines = [
    `On branch ${status.branch ?? '(detached)'}${status.remote ? ` of ${status.remote}` : ', no remote'}` +
      (status.ahead || status.behind ? ` (${status.ahead} ahead, ${status.behind} behind)` : ''),
  ];
  if (status.pending)
    lines.push(
      `A sync is waiting for ${countOf(status.pending.conflicts.length, { one: 'conflicted article', other: 'conflicted articles' })}.`,
    );
  if (status.changes.length === 0) lines.push('No changes.');
  else {
    lines.push('Changes:');
    for (const change of status.changes) lines.push(`  ${change.kind.padEnd(10)} ${change.path}`);
    lines.push(`Suggested message: ${status.suggestedMessage}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The git work tree holding a file: the nearest folder above it with `.git`. */
async function repositoryOf(file: string): Promise<{ root: string; relative: string } | null> {
  const absolute = await realpath(path.resolve(file)).catch(() => null);
  if (!absolute || !(await stat(absolute)).isFile()) return null;
  for (let probe = path.dirname(absolute); ;) {
    if (existsSync(path.join(probe, '.git')))
      return { root: probe, relative: toLibraryPath(probe, absolute) };
    const parent = path.dirname(probe);
    if (parent === probe) return null;
    probe = parent;
  }
}

/**
 * Adds `folio git clone|status|sync|log`: sharing a library through a git remote, exactly as
 * the app's Sync does it. Exit 0 on success, 1 on a conflict or a failure, 2 on bad usage.
 * Passwords and tokens come only through `--password-stdin` and are never printed.
 */
export function registerGitCommand(program: Command): void {
  const gitCommand = program.command('git').description('Share a library through a git remote (http/https).');

  gitCommand
    .command('clone')
    .description('Clone a shared library into a new or empty folder.')
    .argument('<url>', 'the repository address (https://host/owner/repo.git)')
    .argument('<folder>', 'the folder to create')
    .option('--username <name>', 'user name for the remote')
    .option('--password-stdin', 'read the password or token from standard input')
    .action(async (url: string, folder: string, opts: CredentialOptions, command: Command) => {
      const credentials = await credentialsFrom(opts, command);
      const [{ cloneGitLibrary }, { createMemoryCredentialStore }] = await Promise.all([
        import('../library/git/lazy-git-methods'),
        import('../library/git/git-credentials'),
      ]);
      const { root } = await cloneGitLibrary(
        { credentials: createMemoryCredentialStore(), progress: () => undefined },
        { url, folder: path.resolve(folder), ...(credentials ?? {}) },
      );
      process.stdout.write(`Cloned into ${root}\n`);
    });

  gitCommand
    .command('status')
    .description('Show the branch, commits ahead/behind and each changed article.')
    .argument('<library>', 'library folder')
    .option('--json', 'print the status as JSON')
    .action(async (library: string, opts: { json?: boolean }) => {
      const status = await withGitLibrary(library, null, (service) => service.getGitStatus({}));
      process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
    });

  gitCommand
    .command('sync')
    .description('Commit the library’s changes, merge the remote’s, and send them.')
    .argument('<library>', 'library folder')
    .option('-m, --message <message>', 'the commit message (default: from the changed articles’ titles)')
    .option('--username <name>', 'user name for the remote')
    .option('--password-stdin', 'read the password or token from standard input')
    .action(async (library: string, opts: CredentialOptions & { message?: string }, command: Command) => {
      const credentials = await credentialsFrom(opts, command);
      const result: SyncResult = await withGitLibrary(library, credentials, async (service) => {
        const synced = await service.syncLibrary({ message: opts.message });
        // The command line cannot ask which text to keep: it gives the sync up, so every file
        // is as it was and the remote never saw anything; Sync in Folio (or git) resolves it.
        if (synced.pending) await service.cancelSync({ syncId: synced.pending.syncId });
        return synced;
      });
      if (result.outcome === 'conflicts') {
        const paths = result.pending?.conflicts.map((conflict) => `  ${conflict.path}`) ?? [];
        process.stderr.write(
          `These articles changed both here and on the remote:\n${paths.join('\n')}\n` +
            'Nothing was changed or sent. Sync in Folio to choose the text to keep.\n',
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${result.summary}\n`);
    });

  gitCommand
    .command('log')
    .description('List the commits that changed an article, newest first.')
    .argument('<file>', 'an article inside a git work tree')
    .option('--json', 'print the commits as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const found = await repositoryOf(file);
      if (!found)
        command.error(`folio git log: “${file}” is not a file inside a git work tree.`, { exitCode: 2 });
      const history = await withGitLibrary(found.root, null, (service) =>
        service.listGitHistory({ path: found.relative }),
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
        return;
      }
      for (const commit of history) {
        const subject = commit.message.split('\n')[0];
        process.stdout.write(
          `${commit.oid.slice(0, 8)}  ${commit.time.slice(0, 10)}  ${commit.author}  ${subject}\n`,
        );
      }
      if (history.length === 0) process.stderr.write('No commits changed this file.\n');
    });
}
