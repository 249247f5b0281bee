import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, lastLibrary, type LibraryService } from '../../../electron/library';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function open(root: string, appDataDir: string) {
  const service = await createLibraryService({ root, host: { appDataDir }, watch: false });
  services.push(service);
  return service;
}

describe('the recovery journal', () => {
  it('offers unsaved text again after a restart, and forgets it once discarded', async () => {
    const root = await tempDir();
    const appDataDir = path.join(await tempDir(), 'data');
    await writeFile(path.join(root, 'a.md'), 'saved\n');
    const first = await open(root, appDataDir);
    const doc = await first.readArticle({ path: 'a.md' });
    await first.journalArticle({ path: 'a.md', text: 'saved\nunsaved words\n', baseHash: doc.hash });
    await first.close(); // as if the app was killed: nothing was saved

    const second = await open(root, appDataDir);
    const [entry, ...rest] = await second.listRecoveries({});
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ path: 'a.md', text: 'saved\nunsaved words\n', changedOnDisk: false });
    expect(entry!.disk?.text).toBe('saved\n');
    expect(await second.discardJournal({ path: 'a.md' })).toEqual({ discarded: true });
    expect(await second.listRecoveries({})).toEqual([]);
  });

  it('says when the file changed on disk since the text was journaled', async () => {
    const root = await tempDir();
    const appDataDir = path.join(await tempDir(), 'data');
    await writeFile(path.join(root, 'a.md'), 'v1\n');
    const service = await open(root, appDataDir);
    const doc = await service.readArticle({ path: 'a.md' });
    await service.journalArticle({ path: 'a.md', text: 'mine\n', baseHash: doc.hash });
    await writeFile(path.join(root, 'a.md'), 'theirs\n');
    const [entry] = await service.listRecoveries({});
    expect(entry).toMatchObject({ changedOnDisk: true, text: 'mine\n' });
    expect(entry!.disk?.text).toBe('theirs\n');
  });

  it('keeps journals of different libraries apart and drops entries already saved', async () => {
    const appDataDir = path.join(await tempDir(), 'data');
    const one = await tempDir();
    const two = await tempDir();
    await mkdir(path.join(one, 'x'));
    await writeFile(path.join(one, 'x', 'a.md'), 'one\n');
    await writeFile(path.join(two, 'b.md'), 'two\n');
    const first = await open(one, appDataDir);
    const second = await open(two, appDataDir);
    await first.journalArticle({ path: 'x/a.md', text: 'one edited\n', baseHash: null });
    await second.journalArticle({ path: 'b.md', text: 'two\n', baseHash: null });
    expect((await first.listRecoveries({})).map((e) => e.path)).toEqual(['x/a.md']);
    expect(await second.listRecoveries({})).toEqual([]); // same text as on disk: nothing to recover
  });

  it('remembers the libraries opened, the last one first', async () => {
    const appDataDir = path.join(await tempDir(), 'data');
    const one = await tempDir();
    const two = await tempDir();
    await open(one, appDataDir);
    const service = await open(two, appDataDir);
    const recent = await service.listRecentLibraries({});
    expect(recent.map((r) => r.root)).toEqual([
      await import('node:fs/promises').then((fs) => fs.realpath(two)),
      await import('node:fs/promises').then((fs) => fs.realpath(one)),
    ]);
    expect(await lastLibrary(appDataDir)).toBe(recent[0]!.root);
  });
});

describe('choosing the library at start', () => {
  it('prefers the command line, then FOLIO_LIBRARY, then the last library that still exists', async () => {
    const { pickStartLibrary } = await import('../../../electron/library');
    const appDataDir = path.join(await tempDir(), 'data');
    const last = await tempDir();
    expect(await pickStartLibrary({ fromArgs: undefined, env: {}, appDataDir })).toBeNull();
    await open(last, appDataDir);
    const real = await import('node:fs/promises').then((fs) => fs.realpath(last));
    expect(await pickStartLibrary({ fromArgs: undefined, env: {}, appDataDir })).toBe(real);
    expect(await pickStartLibrary({ fromArgs: '/x/y', env: { FOLIO_LIBRARY: '/z' }, appDataDir })).toBe(
      '/x/y',
    );
    expect(await pickStartLibrary({ fromArgs: undefined, env: { FOLIO_LIBRARY: '/z' }, appDataDir })).toBe(
      '/z',
    );
    await import('node:fs/promises').then((fs) => fs.rm(last, { recursive: true }));
    expect(await pickStartLibrary({ fromArgs: undefined, env: {}, appDataDir })).toBeNull();
  });
});
