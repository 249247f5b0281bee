import { readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { createSnapshotStore } from '../../../electron/library/snapshots';
import { isFolioError } from '../../../shared/errors';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function setup(files: Record<string, string>) {
  const root = await tempDir();
  const data = path.join(await tempDir(), 'data');
  await writeFiles(root, files);
  const service = await createLibraryService({ root, host: { appDataDir: data }, watch: false });
  return { root, data, service };
}

describe('the save pipeline', () => {
  it('refuses a save based on an older version without writing, announcing or keeping history', async () => {
    const { root, data, service } = await setup({ 'a.md': 'First.\n' });
    const { hash } = await service.readArticle({ path: 'a.md' });
    await writeFile(path.join(root, 'a.md'), 'Changed elsewhere.\n');
    const events: string[] = [];
    service.on('articleChanged', ({ path: changed }) => events.push(changed));
    const refused = await service
      .saveArticle({ path: 'a.md', text: 'Mine.\n', baseHash: hash })
      .catch((e) => e);
    expect(isFolioError(refused, 'CONFLICT')).toBe(true);
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('Changed elsewhere.\n');
    expect(events).toEqual([]);
    await service.close();
    const history = createSnapshotStore({ root: await realpath(root), appDataDir: data });
    expect(await history.list('a.md', null)).toEqual([]);
  });

  it('keeps history for a save that writes nothing new, and announces only real writes', async () => {
    const { service } = await setup({ 'a.md': 'Same.\n' });
    const events: string[] = [];
    service.on('articleChanged', ({ path: changed }) => events.push(changed));
    const { hash } = await service.readArticle({ path: 'a.md' });
    expect(await service.saveArticle({ path: 'a.md', text: 'Same.\n', baseHash: hash })).toEqual({
      hash,
      written: false,
    });
    expect(events).toEqual([]);
    expect((await service.listSnapshots({ path: 'a.md' })).length).toBe(1);
    await service.close();
  });

  it('finishes a save in flight, its snapshots included, before the service closes', async () => {
    const { root, data, service } = await setup({ 'a.md': 'Original.\n' });
    const { hash } = await service.readArticle({ path: 'a.md' });
    const saving = service.saveArticle({ path: 'a.md', text: 'Saved while closing.\n', baseHash: hash });
    await service.close();
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('Saved while closing.\n');
    const texts = await createSnapshotStore({ root: await realpath(root), appDataDir: data }).list(
      'a.md',
      null,
    );
    expect(texts.map((snapshot) => snapshot.words)).toEqual([3, 1]);
    expect((await saving).written).toBe(true);
  });
});
