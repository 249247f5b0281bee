import { spawn } from 'node:child_process';
import type { GitChange, GitChangeKind } from '../../../shared/git-contract';
import type { GitCredentials } from './git-credentials';
import type { FlatTree } from './flat-tree';

/**
 * The system's `git` command, used where it is present because isomorphic-git is too slow on a
 * big library: on 10,000 articles its status walk, its commit (which rebuilds every tree from
 * the index) and its push (which lists every object of the new commits) each take seconds
 * where git takes tens of milliseconds (`npm run bench -- git`). isomorphic-git stays the
 * fallback (no git installed, or one older than 2.31, which lacks `GIT_CONFIG_COUNT`), and it
 * still reads and writes objects for Folio's own merge. `FOLIO_GIT=isomorphic-git` forces the
 * fallback (the tests run both).
 */
export interface SystemGit {
  /** Runs git in the work tree; resolves stdout, or rejects with a {@link GitCommandError}. */
  run(dir: string, args: readonly string[], options?: RunOptions): Promise<string>;
}

/** Options of {@link SystemGit.run}. */
export interface RunOptions {
  readonly input?: string;
  /** Sent as an Authorization header through the environment, never on the command line. */
  readonly credentials?: GitCredentials | null;
  /** Extra environment (identity). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A git command that failed; `stderr` is for classification only and never shown. */
export class GitCommandError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`git exited with ${exitCode}`);
    this.name = 'GitCommandError';
  }
}

let found: Promise<SystemGit | null> | null = null;

/** The system's git (2.31 or later), or `null` to use isomorphic-git. */
export function systemGit(): Promise<SystemGit | null> {
  if (process.env.FOLIO_GIT === 'isomorphic-git') return Promise.resolve(null);
  found ??= probe();
  return found;
}

async function probe(): Promise<SystemGit | null> {
  const runner: SystemGit = { run: runGitCommand };
  try {
    const version = /git version (\d+)\.(\d+)/.exec(await runGitCommand(process.cwd(), ['--version']));
    if (!version) return null;
    const [major, minor] = [Number(version[1]), Number(version[2])];
    return major > 2 || (major === 2 && minor >= 31) ? runner : null;
  } catch {
    return null;
  }
}

function runGitCommand(dir: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  // Folio's own credentials only: no helper, no prompt (there is no terminal to answer it), no
  // redirect to another host with the Authorization header.
  const config: [string, string][] = [
    ['credential.helper', ''],
    ['core.quotePath', 'false'],
  ];
  if (options.credentials) {
    const token = Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString(
      'base64',
    );
    config.push(['http.extraHeader', `Authorization: Basic ${token}`], ['http.followRedirects', 'false']);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  delete env.GIT_ASKPASS;
  delete env.SSH_ASKPASS;
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolve(stdout);
      else reject(new GitCommandError(code, stdout, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.end(options.input ?? '');
  });
}

/** What a failed network command's stderr says, for the error the author sees. */
export function classifyFailure(error: unknown): 'offline' | 'auth' | 'rejected' | 'missing-ref' | 'other' {
  if (!(error instanceof GitCommandError)) return 'other';
  const text = `${error.stdout}\n${error.stderr}`;
  if (/^!\t|\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first/m.test(text)) return 'rejected';
  if (
    /could not read (Username|Password)|Authentication failed|returned error: 40[13]|terminal prompts disabled/i.test(
      text,
    )
  ) {
    return 'auth';
  }
  if (
    /Could not resolve host|Failed to connect|Couldn't connect|Connection refused|Connection reset|Connection timed out|Network is unreachable|No route to host|Empty reply from server|transfer closed|unable to access/i.test(
      text,
    )
  ) {
    return 'offline';
  }
  if (/couldn't find remote ref/i.test(text)) return 'missing-ref';
  return 'other';
}

/** `git status` as Folio's change list (NUL-separated porcelain v1, renames as add + delete). */
export async function listChangesWithGit(
  git: SystemGit,
  dir: string,
): Promise<{ path: string; kind: GitChangeKind }[]> {
  const out = await git.run(dir, [
    '--no-optional-locks',
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--no-renames',
    '--ignore-submodules=all',
  ]);
  const changes: GitChange[] = [];
  for (const entry of out.split('\0')) {
    if (entry.length < 4) continue;
    const x = entry[0]!;
    const y = entry[1]!;
    const filepath = entry.slice(3);
    let kind: GitChangeKind | null;
    if (x === '?' && y === '?') kind = 'new';
    else if (x === 'A' && y === 'D')
      kind = null; // added, then deleted again: nothing to share
    else if (x === 'A') kind = 'new';
    else if (x === 'D' || y === 'D') kind = 'deleted';
    else kind = 'modified';
    if (kind) changes.push({ path: filepath, kind });
  }
  return changes;
}

/** A commit's files, from `git ls-tree`. */
export async function readFlatTreeWithGit(git: SystemGit, dir: string, commit: string): Promise<FlatTree> {
  const out = await git.run(dir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const files: FlatTree = new Map();
  for (const line of out.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , oid] = line.slice(0, tab).split(' ');
    files.set(line.slice(tab + 1), { mode: mode!, oid: oid! });
  }
  return files;
}

/** The best common ancestors of two commits (none: unrelated histories). */
export async function mergeBasesWithGit(
  git: SystemGit,
  dir: string,
  a: string,
  b: string,
): Promise<string[]> {
  try {
    return (await git.run(dir, ['merge-base', '--all', a, b])).split('\n').filter(Boolean);
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1) return [];
    throw error;
  }
}

/**
 * Stages files as the work tree has them (`add`, even ones `.gitignore` names when `force`) and
 * takes deleted ones out of the index (`remove`; already gone is fine).
 */
export async function stageWithGit(
  git: SystemGit,
  dir: string,
  paths: { readonly add: readonly string[]; readonly remove: readonly string[] },
  force: boolean,
): Promise<void> {
  const list = (items: readonly string[]): RunOptions => ({ input: `${items.join('\0')}\0` });
  if (paths.add.length > 0) {
    await git.run(
      dir,
      ['add', ...(force ? ['-f'] : []), '--pathspec-from-file=-', '--pathspec-file-nul'],
      list(paths.add),
    );
  }
  if (paths.remove.length > 0) {
    await git.run(
      dir,
      ['rm', '--cached', '--quiet', '--ignore-unmatch', '--pathspec-from-file=-', '--pathspec-file-nul'],
      list(paths.remove),
    );
  }
}
