import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function library(files: Record<string, string>) {
  const root = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
    watch: false,
  });
  services.push(service);
  return { root, service };
}

const files = {
  'sourdough.md':
    '---\ntitle: Baking sourdough at home\ntags: [bread, fermentation]\n---\n\nA starter needs flour, water and patience. Feed it daily.\n',
  'coffee.md':
    '---\ntitle: Brewing coffee\ntags: [drinks]\n---\n\nGrind the beans just before brewing. Fermentation of coffee cherries happens at the farm.\n',
  'notes/garden.md': '# Garden notes\n\nTomatoes need sun; basil likes water.\n',
};

describe('searching the library', () => {
  it('finds words in titles, tags and bodies, best first, with a highlighted snippet', async () => {
    const { service } = await library(files);
    const hits = await service.searchArticles({ query: 'fermentation' });
    expect(hits.map((h) => h.path)).toEqual(['sourdough.md', 'coffee.md']);
    const coffee = hits[1]!;
    expect(coffee.snippet).toContain('Fermentation of coffee cherries');
    const [start, end] = coffee.highlights[0]!;
    expect(coffee.snippet.slice(start, end).toLowerCase()).toBe('fermentation');
    expect(coffee.score).toBeGreaterThan(0);
  });

  it('matches prefixes and small typos', async () => {
    const { service } = await library(files);
    expect((await service.searchArticles({ query: 'tomat' })).map((h) => h.path)).toEqual([
      'notes/garden.md',
    ]);
    expect((await service.searchArticles({ query: 'sourdouhg' })).map((h) => h.path)).toEqual([
      'sourdough.md',
    ]);
    expect(await service.searchArticles({ query: '   ' })).toEqual([]);
    expect(await service.searchArticles({ query: 'zzzqqq' })).toEqual([]);
  });

  it('follows saves, new files and deletions without rebuilding', async () => {
    const { root, service } = await library(files);
    await service.searchArticles({ query: 'bread' });
    const doc = await service.readArticle({ path: 'coffee.md' });
    await service.saveArticle({
      path: 'coffee.md',
      text: `${doc.text}\nA paragraph about croissants.\n`,
      baseHash: doc.hash,
    });
    expect((await service.searchArticles({ query: 'croissants' })).map((h) => h.path)).toEqual(['coffee.md']);
    await writeFile(path.join(root, 'new.md'), '# Croissants\n');
    // Without a watcher the next listing or search re-scans what changed.
    expect((await service.searchArticles({ query: 'croissants' })).map((h) => h.path).sort()).toEqual([
      'coffee.md',
      'new.md',
    ]);
    await service.deleteArticle({ path: 'coffee.md' });
    expect((await service.searchArticles({ query: 'croissants' })).map((h) => h.path)).toEqual(['new.md']);
  });

  it('limits the number of results', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`n${i}.md`] = `# Note ${i}\n\nshared word\n`;
    const { service } = await library(many);
    expect(await service.searchArticles({ query: 'shared', limit: 5 })).toHaveLength(5);
  });
});
