import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// write-file-atomic exports its temp-name function for tests: the names here are the real ones.
import writeFileAtomic from 'write-file-atomic';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { interruptedSaveMinAgeMs, sweepInterruptedSaves } from '../../../electron/library/interrupted-saves';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

const getTmpname = (writeFileAtomic as unknown as { _getTmpname(file: string): string })._getTmpname;
const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);

/** Writes a temp file named exactly as write-file-atomic names it for `article`, aged `mtime`. */
async function leftover(root: string, article: string, bytes: string, mtime = twoHoursAgo): Promise<string> {
  const temp = getTmpname(path.join(root, ...article.split('/')));
  await mkdir(path.dirname(temp), { recursive: true });
  await writeFile(temp, bytes);
  await utimes(temp, mtime, mtime);
  return path.relative(root, temp).split(path.sep).join('/');
}

async function put(root: string, files: Record<string, string>): Promise<void> {
  await writeFiles(root, files);
}

describe('sweepInterruptedSaves', () => {
  it('restores a temp file as the article when the article is missing', async () => {
    const root = await tempDir();
    const temp = await leftover(root, 'drafts/new.md', '# New\n\nWords that were being saved.\n');
    const report = await sweepInterruptedSaves(root);
    expect(report.recovered).toEqual(['drafts/new.md']);
    expect(await readFile(path.join(root, 'drafts/new.md'), 'utf8')).toContain(
      'Words that were being saved.',
    );
    expect(await readdir(path.join(root, 'drafts'))).toEqual(['new.md']);
    expect(temp).toMatch(/^drafts\/new\.md\.\d+$/);
  });

  it('removes a temp file that holds exactly the bytes of the article', async () => {
    const root = await tempDir();
    await put(root, { 'a.md': 'same\n' });
    const temp = await leftover(root, 'a.md', 'same\n');
    const report = await sweepInterruptedSaves(root);
    expect(report.removed).toEqual([temp]);
    expect(await readdir(root)).toEqual(['a.md']);
  });

  it('moves a temp file with other text to the library trash as a restorable article', async () => {
    const root = await tempDir();
    await put(root, { 'notes/a.md': 'old\n' });
    const temp = await leftover(root, 'notes/a.md', 'newer text, never renamed into place\n');
    const report = await sweepInterruptedSaves(root);
    expect(report.trashed).toEqual([temp]);
    expect(await readFile(path.join(root, 'notes/a.md'), 'utf8')).toBe('old\n');
    expect(await readdir(path.join(root, 'notes'))).toEqual(['a.md']);

    const appDataDir = path.join(await tempDir(), 'data');
    const service = await createLibraryService({ root, host: { appDataDir }, watch: false });
    services.push(service);
    const [entry] = await service.listTrash({});
    expect(entry?.path).toBe('notes/a (interrupted save).md');
    const restored = await service.restoreFromTrash({ id: entry!.id });
    expect(await service.readArticle({ path: restored.path })).toMatchObject({
      text: 'newer text, never renamed into place\n',
    });
  });

  it('hands a differing temp file to the OS trash under an article name on the desktop', async () => {
    const root = await tempDir();
    await put(root, { 'a.md': 'old\n' });
    await leftover(root, 'a.md', 'newer\n');
    const trashed: string[] = [];
    await sweepInterruptedSaves(root, {
      trashItem: async (file) => {
        trashed.push(path.basename(file));
        expect(await readFile(file, 'utf8')).toBe('newer\n');
      },
    });
    expect(trashed).toEqual(['a (interrupted save).md']);
  });

  it('leaves young temp files alone, since a save may still be writing them', async () => {
    const root = await tempDir();
    const temp = await leftover(root, 'a.md', 'in flight', new Date());
    const report = await sweepInterruptedSaves(root);
    expect(report).toEqual({ recovered: [], removed: [], trashed: [] });
    expect(await readdir(root)).toEqual([path.basename(temp)]);
    expect(interruptedSaveMinAgeMs).toBeGreaterThanOrEqual(10 * 60 * 1000);
  });

  it('touches only names of the temp pattern, outside dot-folders', async () => {
    const root = await tempDir();
    const others = [
      'notes.md.bak',
      'notes.md.v2',
      'notes.txt.123456',
      'notes.md.12345678901',
      'notes.md.4294967296',
      '.hidden/a.md.123456789',
      'node_modules/b.md.123456789',
    ];
    for (const name of others) {
      await put(root, { [name]: 'keep me' });
      await utimes(path.join(root, name), twoHoursAgo, twoHoursAgo);
    }
    const report = await sweepInterruptedSaves(root);
    expect(report).toEqual({ recovered: [], removed: [], trashed: [] });
    for (const name of others) expect(await readFile(path.join(root, name), 'utf8')).toBe('keep me');
  });

  it('restores beside a case-twin article without touching it', async () => {
    const root = await tempDir();
    await put(root, { 'b.md': 'x' });
    const temp = getTmpname(path.join(root, 'a.md'));
    await writeFile(temp, 'from the killed save');
    await utimes(temp, twoHoursAgo, twoHoursAgo);
    await put(root, { 'A.md': 'another article' });
    const report = await sweepInterruptedSaves(root);
    expect(report.recovered).toEqual(['a.md']);
    expect(await readFile(path.join(root, 'A.md'), 'utf8')).toBe('another article');
  });
});

describe('the library service at start', () => {
  it('sweeps killed saves when the app opens a library, and lists the recovered article', async () => {
    const root = await tempDir();
    await put(root, { 'kept.md': '# Kept\n' });
    await leftover(root, 'lost.md', '# Lost and found\n\nText.\n');
    const appDataDir = path.join(await tempDir(), 'data');
    const service = await createLibraryService({
      root,
      host: { appDataDir },
      watch: false,
      sweepInterruptedSaves: true,
    });
    services.push(service);
    expect((await service.interruptedSaves).recovered).toEqual(['lost.md']);
    const titles = (await service.listArticles({})).map((article) => article.title).sort();
    expect(titles).toEqual(['Kept', 'Lost and found']);
  });

  it('sweeps after the watcher is ready in the app, which then lists the restored article', async () => {
    const root = await tempDir();
    await put(root, { 'kept.md': '# Kept\n' });
    await leftover(root, 'lost.md', '# Lost and found\n');
    const appDataDir = path.join(await tempDir(), 'data');
    const service = await createLibraryService({ root, host: { appDataDir } });
    services.push(service);
    expect((await service.interruptedSaves).recovered).toEqual(['lost.md']);
    await expect
      .poll(async () => (await service.listArticles({})).map((article) => article.title).sort(), {
        timeout: 10_000,
      })
      .toEqual(['Kept', 'Lost and found']);
  });

  it('leaves the library untouched for the CLI (no watching, no sweep)', async () => {
    const root = await tempDir();
    const temp = await leftover(root, 'lost.md', 'text');
    const appDataDir = path.join(await tempDir(), 'data');
    const service = await createLibraryService({ root, host: { appDataDir }, watch: false });
    services.push(service);
    expect(await service.interruptedSaves).toEqual({ recovered: [], removed: [], trashed: [] });
    expect(await readdir(root)).toEqual([temp]);
  });
});

describe('a save killed for real', () => {
  /** Starts the test child that saves two texts in turn, forever, until it is killed. */
  function saveForever(request: object) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('tests/helpers/library-child.ts'), JSON.stringify(request)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TSX_TSCONFIG_PATH: path.resolve('tsconfig.json') },
      },
    );
    const started = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve());
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before saving`)));
    });
    return { child, started };
  }

  it('leaves a temp file that the next start recovers, keeping the article whole', async () => {
    const a = `# A\n\n${'alpha line of text\n'.repeat(150_000)}`;
    const b = `# B\n\n${'bravo words, other length\n'.repeat(110_000)}`;
    const root = await tempDir();
    const texts = await tempDir();
    await put(root, { 'big.md': a });
    await put(texts, { a, b });
    const appDataDir = path.join(await tempDir(), 'data');
    const tempOfBig = /^big\.md\.\d+$/;
    let leftovers: string[] = [];
    // A kill can still land just after the rename; a few attempts make sure one leaves its temp.
    for (let attempt = 0; attempt < 8 && leftovers.length === 0; attempt++) {
      const { child, started } = saveForever({
        op: 'save-forever',
        root,
        appDataDir,
        path: 'big.md',
        textFiles: [path.join(texts, 'b'), path.join(texts, 'a')],
      });
      await started;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Kill the moment a temp file exists: the save is between writing it and renaming it.
      const until = Date.now() + 5_000;
      while (Date.now() < until && !readdirSync(root).some((name) => tempOfBig.test(name))) {
        // busy-wait on purpose: an await here would let the rename slip past
      }
      child.kill('SIGKILL');
      await exited;
      leftovers = (await readdir(root)).filter((name) => tempOfBig.test(name));
    }
    expect(leftovers.length).toBeGreaterThan(0);
    for (const name of leftovers) await utimes(path.join(root, name), twoHoursAgo, twoHoursAgo);

    const before = await readFile(path.join(root, 'big.md'), 'utf8');
    expect(before === a || before === b).toBe(true);
    const report = await sweepInterruptedSaves(root);
    expect([...report.removed, ...report.trashed].sort()).toEqual([...leftovers].sort());
    expect(await readdir(root)).toEqual(expect.arrayContaining(['big.md']));
    expect((await readdir(root)).filter((name) => name !== 'big.md' && name !== '.folio')).toEqual([]);
    expect(await readFile(path.join(root, 'big.md'), 'utf8')).toBe(before);
  }, 120_000);
});
