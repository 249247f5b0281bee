import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runGit, startGitServer, type GitServer } from '../../helpers/git-server';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';
import { snapshotFiles } from '../library/git/git-fixture';

const bin = path.resolve('bin/folio.js');
const tempDir = useTempDirs();
const password = 'Cli-Secret-4471-QUOKKA';
let server: GitServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Runs `folio` asynchronously (the git server answers from this process meanwhile). */
function folio(args: string[], input = ''): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      expect(stdout + stderr).not.toContain(password);
      resolve({ stdout, stderr, code: code ?? -1 });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

async function startServer(): Promise<GitServer> {
  const seed = await tempDir();
  await writeFiles(seed, {
    'essay.md': '---\ntitle: The Essay\n---\n\nA paragraph about rivers.\n',
    '.gitignore': '',
  });
  server = await startGitServer({ repos: { library: seed }, users: { author: password } });
  return server;
}

async function cloneWithCli(url: string): Promise<string> {
  const folder = path.join(await tempDir(), 'library');
  const cloned = await folio(
    ['git', 'clone', url, folder, '--username', 'author', '--password-stdin'],
    `${password}\n`,
  );
  expect(cloned).toMatchObject({ code: 0 });
  expect(cloned.stdout).toContain('Cloned into');
  return folder;
}

// Each run of the command compiles its sources on the fly when there is no bundle: slow on a busy machine.
describe('folio git', { timeout: 180_000 }, () => {
  it('clones, shows the status, syncs and lists an article’s history', async () => {
    const git = await startServer();
    const library = await cloneWithCli(git.url('library'));
    await writeFile(
      path.join(library, 'essay.md'),
      '---\ntitle: The Essay\n---\n\nA paragraph about lakes.\n',
    );

    const status = await folio(['git', 'status', library, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      repository: true,
      branch: 'main',
      changes: [{ path: 'essay.md', kind: 'modified' }],
      suggestedMessage: 'Update “The Essay”',
    });
    expect((await folio(['git', 'status', library])).stdout).toMatch(/modified\s+essay\.md/);

    const unauthorised = await folio(['git', 'sync', library]);
    expect(unauthorised.code).toBe(1);
    expect(unauthorised.stderr).toMatch(/needs a user name and password/);

    const synced = await folio(
      ['git', 'sync', library, '-m', 'Lakes, not rivers', '--username', 'author', '--password-stdin'],
      password,
    );
    expect(synced).toMatchObject({ code: 0 });
    expect(synced.stdout).toMatch(/^Sent 1 article/);
    expect(await runGit(['log', '-1', '--format=%s', 'main'], { cwd: git.repoDir('library') })).toBe(
      'Lakes, not rivers\n',
    );

    const log = await folio(['git', 'log', path.join(library, 'essay.md'), '--json']);
    expect(log.code).toBe(0);
    expect((JSON.parse(log.stdout) as { message: string }[]).map((c) => c.message)).toEqual([
      'Lakes, not rivers',
      'First articles',
    ]);
    for (const [file, bytes] of await snapshotFiles(library, { git: true })) {
      expect({ file, found: bytes.includes(password) }).toEqual({ file, found: false });
    }
  });

  it('exits 1 on a conflict, listing the articles and leaving every file and the remote as they were', async () => {
    const git = await startServer();
    const author = await cloneWithCli(git.url('library'));
    const editor = await cloneWithCli(git.url('library'));
    await writeFile(
      path.join(author, 'essay.md'),
      '---\ntitle: The Essay\n---\n\nA paragraph about oceans.\n',
    );
    await writeFile(
      path.join(editor, 'essay.md'),
      '---\ntitle: The Essay\n---\n\nA paragraph about deserts.\n',
    );
    const credentials = ['--username', 'author', '--password-stdin'];
    expect((await folio(['git', 'sync', author, ...credentials], password)).code).toBe(0);
    const remoteBefore = await runGit(['for-each-ref'], { cwd: git.repoDir('library') });
    const before = await snapshotFiles(editor);
    const indexBefore = await readFile(path.join(editor, '.git', 'index'));
    const headBefore = await runGit(['rev-parse', 'HEAD'], { cwd: editor });

    const conflict = await folio(['git', 'sync', editor, ...credentials], password);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('  essay.md');
    expect(await snapshotFiles(editor)).toEqual(before);
    expect(await readFile(path.join(editor, '.git', 'index'))).toEqual(indexBefore);
    expect(await runGit(['rev-parse', 'HEAD'], { cwd: editor })).toBe(headBefore);
    expect(await runGit(['for-each-ref'], { cwd: git.repoDir('library') })).toBe(remoteBefore);
  });

  it('exits 2 on bad usage', async () => {
    expect((await folio(['git', 'sync'])).code).toBe(2);
    expect(
      (await folio(['git', 'clone', 'http://127.0.0.1:9/x.git', '/tmp/x', '--password-stdin'])).code,
    ).toBe(2);
    expect((await folio(['git', 'log', '/no/such/file.md'])).code).toBe(2);
  });

  it('exits 1 with a clear message for a folder that is not empty or an address that is not http', async () => {
    const folder = await tempDir();
    await writeFiles(folder, { 'keep.md': '# Mine\n' });
    const notEmpty = await folio(['git', 'clone', 'http://127.0.0.1:9/library.git', folder]);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/is not empty/);
    expect(await readFile(path.join(folder, 'keep.md'), 'utf8')).toBe('# Mine\n');
    const badUrl = await folio(['git', 'clone', 'ssh://host/repo.git', path.join(folder, 'new')]);
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toMatch(/http:\/\/ or https:\/\//);
    const offline = await folio(['git', 'clone', 'http://127.0.0.1:9/library.git', path.join(folder, 'new')]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/You're offline: could not reach 127\.0\.0\.1:9/);
  });
});
