import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import type { EventName, FolioEvents } from '../../../shared/contract';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

/** A library service (watching by default) on a temp folder holding `files`; closed after each test. */
async function openLibrary(files: Record<string, string>) {
  const root = await tempDir();
  await writeFiles(root, files);
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
  });
  services.push(service);
  return { root, service };
}

async function watchedLibrary(files: Record<string, string>) {
  const { root, service } = await openLibrary(files);
  await service.listArticles({});
  await service.watching;
  const events: { name: EventName; payload: unknown }[] = [];
  for (const name of ['articleChanged', 'libraryChanged', 'articleRenamed'] as const) {
    service.on(name, (payload) => events.push({ name, payload }));
  }
  return { root, service, events };
}

/** Waits until `check` passes (the watcher reports asynchronously). */
async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function payloads<E extends EventName>(
  events: { name: EventName; payload: unknown }[],
  name: E,
): FolioEvents[E][] {
  return events.filter((e) => e.name === name).map((e) => e.payload as FolioEvents[E]);
}

describe('watching the library', () => {
  it('reports an outside edit with the new hash and keeps the listing current', async () => {
    const { root, service, events } = await watchedLibrary({ 'a.md': '# Old title\n' });
    await writeFile(path.join(root, 'a.md'), '# New title\n');
    await eventually(() =>
      expect(payloads(events, 'articleChanged')).toEqual([{ path: 'a.md', hash: expect.any(String) }]),
    );
    expect((await service.listArticles({}))[0]!.title).toBe('New title');
    await writeFile(path.join(root, 'b.md'), '# Added outside\n');
    await eventually(async () =>
      expect((await service.listArticles({})).map((a) => a.title)).toEqual(['New title', 'Added outside']),
    );
    expect(payloads(events, 'libraryChanged').length).toBeGreaterThan(0);
  });

  it('ignores events whose content is what Folio already knows (a sync client touching files)', async () => {
    const { root, service, events } = await watchedLibrary({ 'a.md': 'same\n' });
    await utimes(path.join(root, 'a.md'), new Date(), new Date(Date.now() + 5000));
    await writeFile(path.join(root, 'a.md'), 'same\n');
    // Folio's own save is not reported back as an outside change either.
    const doc = await service.readArticle({ path: 'a.md' });
    const saved = await service.saveArticle({ path: 'a.md', text: 'ours\n', baseHash: doc.hash });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(payloads(events, 'articleChanged')).toEqual([{ path: 'a.md', hash: saved.hash }]);
  });

  it('recognises a rename done outside by content hash', async () => {
    const { root, events } = await watchedLibrary({ 'draft.md': '# A draft\n\nWith unique words.\n' });
    await mkdir(path.join(root, 'published'));
    await rename(path.join(root, 'draft.md'), path.join(root, 'published', 'final.md'));
    await eventually(() =>
      expect(payloads(events, 'articleRenamed')).toEqual([{ from: 'draft.md', to: 'published/final.md' }]),
    );
    expect(payloads(events, 'articleChanged').filter((e) => e.hash === null)).toEqual([]);
  });

  it('reports a deleted article with a null hash', async () => {
    const { root, service, events } = await watchedLibrary({ 'a.md': 'x\n', 'b.md': 'y\n' });
    await rm(path.join(root, 'a.md'));
    await eventually(() =>
      expect(payloads(events, 'articleChanged')).toEqual([{ path: 'a.md', hash: null }]),
    );
    expect((await service.listArticles({})).map((a) => a.path)).toEqual(['b.md']);
  });

  it('does not watch dot-folders or node_modules', async () => {
    const { root, events } = await watchedLibrary({ 'a.md': 'x\n' });
    await mkdir(path.join(root, '.git'));
    await mkdir(path.join(root, 'node_modules'));
    await writeFile(path.join(root, '.git', 'x.md'), 'x');
    await writeFile(path.join(root, 'node_modules', 'y.md'), 'y');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(payloads(events, 'articleChanged')).toEqual([]);
  });

  it('lists first, then watches and catches up on what changed before the watcher was ready', async () => {
    const { root, service } = await openLibrary({ 'a.md': '# Before\n', 'b.md': '# Stays\n' });
    const events: FolioEvents['articleChanged'][] = [];
    service.on('articleChanged', (payload) => events.push(payload));
    expect((await service.listArticles({})).map((a) => a.title)).toEqual(['Before', 'Stays']);
    // Changed after the listing, before the watcher watches: the catch-up re-scan sees it.
    await writeFile(path.join(root, 'a.md'), '# Changed while the watcher started\n');
    await service.watching;
    await eventually(() => expect(events.map((e) => e.path)).toContain('a.md'));
    expect((await service.listArticles({}))[0]!.title).toBe('Changed while the watcher started');
  });

  it('starts watching on its own when nothing lists the library', async () => {
    const { root, service } = await openLibrary({ 'a.md': '# A\n' });
    const events: FolioEvents['articleChanged'][] = [];
    service.on('articleChanged', (payload) => events.push(payload));
    await service.watching;
    await writeFile(path.join(root, 'b.md'), '# Added\n');
    await eventually(() => expect(events.map((e) => e.path)).toEqual(['b.md']));
  });
});
