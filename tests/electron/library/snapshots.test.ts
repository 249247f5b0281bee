import { readdir, rename } from 'node:fs/promises';
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
  const service = await createLibraryService({ root, host: { appDataDir: data } });
  return { root, data, service };
}

async function save(service: Awaited<ReturnType<typeof setup>>['service'], file: string, text: string) {
  const { hash } = await service.readArticle({ path: file });
  return service.saveArticle({ path: file, text, baseHash: hash });
}

describe('snapshots kept by saves', () => {
  it('keeps the original and every saved version, newest first, with word deltas', async () => {
    const { service } = await setup({ 'a.md': 'One two.\n' });
    await save(service, 'a.md', 'One two three.\n');
    await save(service, 'a.md', 'One.\n');
    const list = await service.listSnapshots({ path: 'a.md' });
    expect(list.map((s) => [s.words, s.wordDelta, s.name])).toEqual([
      [1, -2, null],
      [3, 1, null],
      [2, null, null],
    ]);
    const original = await service.readSnapshot({ path: 'a.md', id: list[2]!.id });
    expect(original.text).toBe('One two.\n');
  });

  it('does not keep a version twice', async () => {
    const { service } = await setup({ 'a.md': 'Same.\n' });
    await save(service, 'a.md', 'Changed.\n');
    await save(service, 'a.md', 'Changed.\n');
    await service.takeSnapshot({ path: 'a.md', name: 'Sent to editor' });
    const list = await service.listSnapshots({ path: 'a.md' });
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ name: 'Sent to editor', words: 1 });
  });

  it('keeps a named snapshot of unsaved text without touching the file', async () => {
    const { service, root } = await setup({ 'a.md': 'On disk.\n' });
    const info = await service.takeSnapshot({
      path: 'a.md',
      name: 'Draft for Ann',
      text: 'Not saved yet.\n',
    });
    expect(info).toMatchObject({ name: 'Draft for Ann', words: 3 });
    expect((await service.readSnapshot({ path: 'a.md', id: info.id })).text).toBe('Not saved yet.\n');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('On disk.\n');
  });

  it('follows an article renamed outside Folio by its content', async () => {
    const { service, root } = await setup({ 'old.md': 'Text.\n' });
    await save(service, 'old.md', 'Text, saved.\n');
    await rename(path.join(root, 'old.md'), path.join(root, 'new.md'));
    const list = await service.listSnapshots({ path: 'new.md' });
    expect(list).toHaveLength(2);
    expect(await service.listSnapshots({ path: 'old.md' })).toEqual([]);
  });

  it('refuses paths outside the library and unknown ids', async () => {
    const { service } = await setup({ 'a.md': 'x\n' });
    await expect(service.listSnapshots({ path: '../escape.md' })).rejects.toSatisfy((e) => isFolioError(e));
    await expect(service.readSnapshot({ path: 'a.md', id: 'nope' })).rejects.toSatisfy((e) =>
      isFolioError(e, 'NOT_FOUND'),
    );
  });
});

describe('snapshot retention', () => {
  it('keeps at most the configured number of automatic snapshots and deletes unused texts', async () => {
    const root = await tempDir();
    const data = await tempDir();
    const store = createSnapshotStore({ root, appDataDir: data, maxAutomatic: 3, maxNamed: 1 });
    await store.record('a.md', 'named one', 'First');
    for (let i = 1; i <= 6; i++) await store.record('a.md', `version ${i}`);
    await store.record('a.md', 'named two', 'Second');
    const list = await store.list('a.md', null);
    expect(list.map((s) => s.name ?? s.words)).toEqual(['Second', 2, 2, 2]);
    const texts = await readdir(path.join(data, 'snapshots'), { recursive: true });
    expect(texts.filter((f) => f.endsWith('.md'))).toHaveLength(4);
    const newest = await store.read('a.md', list[1]!.id, null);
    expect(newest.text).toBe('version 6');
  });

  it('survives a restart by reading its index back', async () => {
    const root = await tempDir();
    const data = await tempDir();
    await createSnapshotStore({ root, appDataDir: data }).record('a.md', 'kept');
    const again = createSnapshotStore({ root, appDataDir: data });
    expect((await again.list('a.md', null)).map((s) => s.words)).toEqual([1]);
  });

  it('moves history with a rename done by Folio', async () => {
    const root = await tempDir();
    const store = createSnapshotStore({ root, appDataDir: await tempDir() });
    await store.record('a.md', 'kept');
    await store.renamed('a.md', 'b.md');
    expect(await store.list('a.md', null)).toEqual([]);
    expect(await store.list('b.md', null)).toHaveLength(1);
  });
});
