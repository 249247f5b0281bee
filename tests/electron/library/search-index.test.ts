import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { ArticleIndex } from '../../../electron/library/article-index';
import { SearchIndex } from '../../../electron/library/search-index';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function library(files: Record<string, string>) {
  const root = await tempDir();
  await writeFiles(root, files);
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

describe('re-scanning without a watcher', () => {
  it('re-reads only the files that changed', async () => {
    const { root, service } = await library(files);
    const before = await service.listArticles({});
    await writeFile(path.join(root, 'coffee.md'), '# Coffee, rewritten\n');
    const after = await service.listArticles({});
    expect(after.find((a) => a.path === 'coffee.md')!.title).toBe('Coffee, rewritten');
    // An unchanged file keeps its very summary object: it was not read again.
    for (const unchanged of ['sourdough.md', 'notes/garden.md']) {
      expect(after.find((a) => a.path === unchanged)).toBe(before.find((a) => a.path === unchanged));
    }
  });
});

describe('building the search index', () => {
  it('answers the first search with every article, even while the index is still being built', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 600; i++)
      many[`part-${Math.floor(i / 100)}/n${i}.md`] = `# Note ${i}\n\nlantern ${'filler '.repeat(i % 50)}\n`;
    const { root } = await library(many);
    // Watching, as in the app: the first listing starts indexing in the background.
    const service = await createLibraryService({
      root,
      host: { appDataDir: path.join(await tempDir(), 'data') },
    });
    services.push(service);
    expect(await service.listArticles({})).toHaveLength(600);
    expect(await service.searchArticles({ query: 'lantern', limit: 1000 })).toHaveLength(600);
  });

  it('applies changes that arrive while the index is being built', async () => {
    const root = await tempDir();
    for (let i = 0; i < 400; i++) await writeFile(path.join(root, `n${i}.md`), `# Note ${i}\n\nold words\n`);
    const articles = new ArticleIndex(root);
    await articles.scan();
    const search = new SearchIndex(articles);
    const building = search.build();
    await writeFile(path.join(root, 'n7.md'), '# Note 7\n\nnew words\n');
    await writeFile(path.join(root, 'extra.md'), '# Extra\n\nnew words\n');
    await articles.refresh('n7.md', path.join(root, 'n7.md'));
    await articles.refresh('extra.md', path.join(root, 'extra.md'));
    await rm(path.join(root, 'n8.md'));
    await articles.refresh('n8.md', path.join(root, 'n8.md'));
    await building;
    expect((await search.search('new', 50)).map((hit) => hit.path).sort()).toEqual(['extra.md', 'n7.md']);
    const old = (await search.search('old', 1000)).map((hit) => hit.path);
    expect(old).toHaveLength(398);
    expect(old).not.toContain('n7.md');
    expect(old).not.toContain('n8.md');
  });
});

describe('search snippets', () => {
  it('shows the text around a match deep in a long article, with the match highlighted', async () => {
    const filler = 'Plain words about nothing much. '.repeat(2000);
    const { service } = await library({
      'long.md': `# Long\n\n${filler}\n\nHere the **Zanzibar** spice route begins.\n\n${filler}\n`,
    });
    const [hit] = await service.searchArticles({ query: 'zanzibar' });
    expect(hit!.snippet.startsWith('…')).toBe(true);
    expect(hit!.snippet.endsWith('…')).toBe(true);
    expect(hit!.snippet).toContain('Here the Zanzibar spice route begins.');
    expect(hit!.snippet.length).toBeLessThan(200);
    // Cut between words: '…' then a whole word, a whole word then '…'.
    expect(hit!.snippet).toMatch(
      /^…(Plain|words|about|nothing|much\.) .* (Plain|words|about|nothing|much\.)…$/,
    );
    const [start, end] = hit!.highlights[0]!;
    expect(hit!.snippet.slice(start, end)).toBe('Zanzibar');
  });

  it('marks the title of a hit its title alone found', async () => {
    const { service } = await library({
      'q.md': '---\ntitle: Quarterly Planning Notes\n---\n\nNothing about the word here.\n',
    });
    const [hit] = await service.searchArticles({ query: 'quarterl' });
    expect(hit!.highlights).toEqual([]);
    expect(hit!.titleHighlights.map(([start, end]) => hit!.title.slice(start, end))).toEqual(['Quarterly']);
  });

  it('skips a match that only a link target holds and shows one the reader can see', async () => {
    const { service } = await library({
      'links.md': `# Links\n\nSee [the map](https://example.com/zanzibar).\n\n${'More text here. '.repeat(60)}\n\nZanzibar lies off the coast.\n`,
    });
    const [hit] = await service.searchArticles({ query: 'zanzibar' });
    expect(hit!.snippet).toContain('Zanzibar lies off the coast.');
  });
});
