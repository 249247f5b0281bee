import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod, chown, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { isFolioError, type ErrorCode } from '../../../shared/errors';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});
const childScript = path.resolve('tests/helpers/library-child.ts');
const isRoot = process.getuid?.() === 0;

/**
 * As root, the permission cases run a child as `nobody` (root ignores file modes). That user
 * must be able to reach the project's files; a checkout inside a private folder cannot be
 * reached, and those cases are skipped there rather than reported as broken saves.
 */
const othersReachProject = ((): boolean => {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (path.dirname(dir) === dir) return true;
  }
})();
const permissionCase = it.skipIf(isRoot && !othersReachProject);

async function library(files: Record<string, string | Buffer>) {
  const root = await tempDir();
  await writeFiles(root, files);
  const appDataDir = path.join(await tempDir(), 'data');
  const service = await createLibraryService({ root, host: { appDataDir }, watch: false });
  services.push(service);
  return { root, appDataDir, service };
}

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isFolioError(error)) return error.code;
    throw error;
  }
}

/** Runs the child helper, as `nobody` when the tests run as root (so permissions are real). */
function runChild(request: object, options: { unprivileged?: boolean } = {}) {
  const ids = options.unprivileged && isRoot ? { uid: 65534, gid: 65534 } : {};
  return spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TSX_TSCONFIG_PATH: path.resolve('tsconfig.json') },
    ...ids,
  });
}

function firstLine(child: ReturnType<typeof runChild>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const at = out.indexOf('\n');
      if (at !== -1) resolve(out.slice(0, at));
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before answering: ${err}`)));
  });
}

describe('bad files', () => {
  it('opens a file that is not UTF-8 read-only and refuses to save it', async () => {
    const { service } = await library({ 'latin1.md': Buffer.from('caf\xe9 cr\xe8me\n', 'latin1') });
    const doc = await service.readArticle({ path: 'latin1.md' });
    expect(doc.readOnly).toBe(true);
    expect(doc.readOnlyReason).toMatch(/not valid UTF-8/);
    expect(await codeOf(service.saveArticle({ path: 'latin1.md', text: 'x', baseHash: doc.hash }))).toBe(
      'READ_ONLY',
    );
    const [summary] = await service.listArticles({});
    expect(summary!.problems).toEqual(['The file is not valid UTF-8.']);
  });

  it('lists a binary file named .md without opening it for editing', async () => {
    const { service } = await library({
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    });
    expect((await service.listArticles({}))[0]!.problems).toEqual(['The file looks binary.']);
    const doc = await service.readArticle({ path: 'image.md' });
    expect(doc).toMatchObject({ readOnly: true, text: '' });
  });

  it('lists a 50 MB file, saying it opens read-only, and opens it only when asked', async () => {
    const { service } = await library({ 'huge.md': Buffer.alloc(50 * 1024 * 1024, 'a') });
    expect((await service.listArticles({}))[0]!.problems).toEqual([
      'Over 20 MB: not searchable, and it opens read-only.',
    ]);
    expect(await codeOf(service.readArticle({ path: 'huge.md' }))).toBe('TOO_LARGE');
  });

  it('opens a 50 MB file read-only when the author chooses “Open anyway”, and never saves it', async () => {
    const text = `# Huge\n\n${'word '.repeat(10 * 1024 * 1024)}\n`;
    const { root, service } = await library({ 'huge.md': text });
    const refusal = await service.readArticle({ path: 'huge.md' }).catch((error: unknown) => error);
    expect(isFolioError(refusal, 'TOO_LARGE')).toBe(true);
    expect((refusal as { details: unknown }).details).toEqual({ size: text.length, canOpenAnyway: true });
    expect((refusal as Error).message).toMatch(/50\.0 MB.*opened read-only/);

    const doc = await service.readArticle({ path: 'huge.md', openLarge: true });
    expect(doc.readOnly).toBe(true);
    expect(doc.readOnlyReason).toMatch(/over the 20 MB Folio can save safely/);
    expect(doc.text.length).toBe(text.length);
    expect(await codeOf(service.saveArticle({ path: 'huge.md', text: 'short\n', baseHash: doc.hash }))).toBe(
      'TOO_LARGE',
    );
    expect((await stat(path.join(root, 'huge.md'))).size).toBe(text.length);
  });

  it('does not offer “Open anyway” past 100 MB', async () => {
    const { root, service } = await library({});
    // A sparse file: 101 MB long without using the disk space.
    await writeFile(path.join(root, 'giant.md'), '');
    await truncate(path.join(root, 'giant.md'), 101 * 1024 * 1024);
    const refusal = await service.readArticle({ path: 'giant.md', openLarge: true }).catch((e: unknown) => e);
    expect(isFolioError(refusal, 'TOO_LARGE')).toBe(true);
    expect((refusal as { details: unknown }).details).toMatchObject({ canOpenAnyway: false });
  });

  it('opens a file without write permission read-only and refuses to replace it', async () => {
    const { root, service } = await library({ 'locked.md': 'original\n' });
    await chmod(path.join(root, 'locked.md'), 0o444);
    const doc = await service.readArticle({ path: 'locked.md' });
    expect(doc.readOnly).toBe(true);
    expect(await codeOf(service.saveArticle({ path: 'locked.md', text: 'new\n', baseHash: doc.hash }))).toBe(
      'READ_ONLY',
    );
    expect(await readFile(path.join(root, 'locked.md'), 'utf8')).toBe('original\n');
  });

  permissionCase(
    'reports a file without read permission as a problem instead of failing the listing',
    async () => {
      const { root, appDataDir } = await library({ 'secret.md': '# Secret\n', 'open.md': '# Open\n' });
      await chmod(path.join(root, 'secret.md'), 0o000);
      await chmod(root, 0o755);
      if (isRoot) {
        await chown(appDataDir, 65534, 65534);
        await chmod(path.dirname(appDataDir), 0o755);
      }
      // Listing runs in a process without root rights so that the permission is enforced.
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${path.resolve('electron/library/index.ts')}').then(async ({ createLibraryService }) => {
          const s = await createLibraryService({ root: ${JSON.stringify(root)}, host: { appDataDir: ${JSON.stringify(appDataDir)} }, watch: false });
          const list = await s.listArticles({});
          let read;
          try { await s.readArticle({ path: 'secret.md' }); read = 'ok'; } catch (e) { read = e.code; }
          console.log(JSON.stringify({ list: list.map((a) => [a.path, a.problems]), read }));
        })`,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'], ...(isRoot ? { uid: 65534, gid: 65534 } : {}) },
      );
      const answer = JSON.parse(await firstLine(child)) as { list: [string, string[]][]; read: string };
      expect(answer.list).toEqual([
        ['open.md', []],
        ['secret.md', ['Folio is not allowed to read this file.']],
      ]);
      expect(answer.read).toBe('PERMISSION_DENIED');
    },
  );
});

describe('saving safely', () => {
  it('answers CONFLICT with the disk text when the file changed after it was read', async () => {
    const { root, service } = await library({ 'a.md': 'v1\n' });
    const doc = await service.readArticle({ path: 'a.md' });
    await writeFile(path.join(root, 'a.md'), 'theirs\n');
    const error = await service
      .saveArticle({ path: 'a.md', text: 'mine\n', baseHash: doc.hash })
      .catch((e: unknown) => e);
    expect(isFolioError(error, 'CONFLICT')).toBe(true);
    expect((error as { details: { diskText: string } }).details.diskText).toBe('theirs\n');
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('theirs\n');
  });

  it('answers CONFLICT when the open file was deleted, and recreates it only when asked', async () => {
    const { root, service } = await library({ 'a.md': 'v1\n' });
    const doc = await service.readArticle({ path: 'a.md' });
    await import('node:fs/promises').then((fs) => fs.rm(path.join(root, 'a.md')));
    const error = await service
      .saveArticle({ path: 'a.md', text: 'mine\n', baseHash: doc.hash })
      .catch((e: unknown) => e);
    expect(isFolioError(error, 'CONFLICT')).toBe(true);
    expect((error as { details: { diskHash: null } }).details.diskHash).toBeNull();
    // "Keep mine" saves against what is on disk now: nothing.
    await service.saveArticle({ path: 'a.md', text: 'mine\n', baseHash: null });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('mine\n');
  });

  it('keeps the mode, BOM and line endings, and writes nothing when the bytes are equal', async () => {
    const { root, service } = await library({ 'a.md': '\ufeffone\r\ntwo\r\n' });
    await chmod(path.join(root, 'a.md'), 0o640);
    const doc = await service.readArticle({ path: 'a.md' });
    const before = await stat(path.join(root, 'a.md'));
    expect(await service.saveArticle({ path: 'a.md', text: doc.text, baseHash: doc.hash })).toMatchObject({
      written: false,
    });
    expect((await stat(path.join(root, 'a.md'))).mtimeMs).toBe(before.mtimeMs);
    await service.saveArticle({ path: 'a.md', text: 'one\ntwo\nthree\n', baseHash: doc.hash });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('\ufeffone\r\ntwo\r\nthree\r\n');
    expect((await stat(path.join(root, 'a.md'))).mode & 0o777).toBe(0o640);
    expect((await readdir(root)).sort()).toEqual(['a.md']); // no temp file left behind
  });

  permissionCase('keeps the original intact and says why when the folder cannot be written', async () => {
    const { root, appDataDir } = await library({ 'notes/a.md': 'original\n' });
    const folder = path.join(root, 'notes');
    if (isRoot) {
      await chown(folder, 65534, 65534);
      await chown(path.join(folder, 'a.md'), 65534, 65534);
      await chown(appDataDir, 65534, 65534);
      await chmod(path.dirname(appDataDir), 0o755);
      await chmod(root, 0o755);
    }
    await chmod(folder, 0o555);
    const child = runChild(
      { op: 'save', root, appDataDir, path: 'notes/a.md', texts: ['changed\n'] },
      { unprivileged: true },
    );
    const answer = JSON.parse(await firstLine(child)) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('PERMISSION_DENIED');
    expect(answer.error?.message).toMatch(/not allowed/);
    await chmod(folder, 0o755);
    expect(await readFile(path.join(folder, 'a.md'), 'utf8')).toBe('original\n');
    expect(await readdir(folder)).toEqual(['a.md']);
  });

  it('leaves either the old or the new content when the saving process is killed, never a torn file', async () => {
    const a = `---\ntitle: A\n---\n${'alpha line of text\n'.repeat(120_000)}`;
    const b = `---\ntitle: B\n---\n${'bravo words, other length\n'.repeat(90_000)}`;
    const { root, appDataDir } = await library({ 'big.md': a });
    const file = path.join(root, 'big.md');
    const texts = await tempDir();
    await writeFile(path.join(texts, 'a'), a);
    await writeFile(path.join(texts, 'b'), b);
    const kills = 12;
    for (let i = 0; i < kills; i++) {
      const child = runChild({
        op: 'save-forever',
        root,
        appDataDir,
        path: 'big.md',
        textFiles: [path.join(texts, 'b'), path.join(texts, 'a')],
      });
      await firstLine(child);
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 60));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const now = await readFile(file, 'utf8');
      expect(now === a || now === b, `kill ${i}: ${now.length} chars`).toBe(true);
    }
  }, 180_000);
});
