import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library/library-service';
import { writeMixedLibrary } from '../../helpers/mixed-library';
import { useTempDirs } from '../../helpers/temp-dir';

const run = promisify(execFile);
const bin = path.resolve('bin/folio.js');
const sites = path.resolve('tests/electron/cli/fixtures/static-sites');
const tempDir = useTempDirs();

async function folio(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('folio list', () => {
  it('gives the right titles for articles from Hugo, Jekyll, Astro, Eleventy and Docusaurus sites', async () => {
    const { stdout, code } = await folio('list', sites, '--json');
    expect(code).toBe(0);
    const articles = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Object.keys(articles[0]!)).toEqual([
      'path',
      'title',
      'status',
      'tags',
      'date',
      'updated',
      'words',
      'problems',
    ]);
    expect(articles.map((a) => [a.path, a.title])).toEqual([
      ['astro/src/content/blog/markdown-style-guide.md', 'Markdown Style Guide'],
      ['docusaurus/blog/2021-08-26-welcome/index.md', 'Welcome'],
      ['docusaurus/docs/intro.md', 'Tutorial Intro'],
      ['docusaurus/docs/windows-notes.md', 'Notes: with a colon'],
      ['eleventy/posts/firstpost.md', 'This is my first post.'],
      ['eleventy/posts/thirdpost.md', 'This is my third post'],
      ['hugo/content/about.md', 'About'],
      ['hugo/content/posts/getting-started.md', 'Getting Started with Hugo'],
      ['jekyll/_posts/2022-11-05-welcome-to-jekyll.markdown', 'Welcome to Jekyll!'],
    ]);
    const byPath = new Map(articles.map((a) => [a.path, a]));
    expect(byPath.get('hugo/content/posts/getting-started.md')).toMatchObject({
      status: 'draft',
      tags: ['hugo', 'static sites'],
      date: '2023-04-01T10:00:00+02:00',
      problems: [],
    });
    expect(byPath.get('jekyll/_posts/2022-11-05-welcome-to-jekyll.markdown')).toMatchObject({
      date: '2022-11-05 21:12:45 +0100',
    });
    expect(byPath.get('astro/src/content/blog/markdown-style-guide.md')).toMatchObject({
      date: 'Jun 19 2024',
    });
    expect(byPath.get('docusaurus/docs/windows-notes.md')).toMatchObject({ status: 'published' });
    expect(byPath.get('eleventy/posts/thirdpost.md')).toMatchObject({ tags: ['second tag', 'posts'] });
  });

  it('prints exactly what the library service lists, field for field, in its order', async () => {
    const root = await tempDir();
    await writeMixedLibrary(root);
    const { stdout, code } = await folio('list', root, '--json');
    expect(code).toBe(0);
    const service = await createLibraryService({ root, host: { appDataDir: await tempDir() }, watch: false });
    try {
      const listed = await service.listArticles({});
      const records = listed.map((a) => ({
        path: a.path,
        title: a.title,
        status: a.status,
        tags: a.tags,
        date: a.date,
        updated: a.updated,
        words: a.words,
        problems: a.problems,
      }));
      expect(stdout).toBe(`${JSON.stringify(records, null, 2)}\n`);
    } finally {
      await service.close();
    }
  });

  it('prints a readable table without --json and fails clearly for a missing folder', async () => {
    const { stdout } = await folio('list', sites);
    expect(stdout.split('\n')[0]).toMatch(/^STATUS\s+WORDS\s+TITLE\s+PATH$/);
    expect(stdout).toContain('Getting Started with Hugo');
    const missing = await folio('list', path.join(sites, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/is not a folder/);
  });
});

describe('folio search', () => {
  it('prints path, title, snippet and score as JSON, best first, within the limit', async () => {
    const { stdout, code } = await folio('search', sites, 'agile frameworks', '--json', '--limit', '1');
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as { path: string; title: string; snippet: string; score: number }[];
    expect(hits).toHaveLength(1);
    expect(Object.keys(hits[0]!)).toEqual(['path', 'title', 'snippet', 'score']);
    expect(hits[0]!.path).toMatch(/^eleventy\/posts\//);
    expect(hits[0]!.snippet.toLowerCase()).toContain('agile frameworks');
  });

  it('finds by prefix and rejects a bad limit', async () => {
    const { stdout } = await folio('search', sites, 'docusaur');
    expect(stdout).toContain('docusaurus/');
    const bad = await folio('search', sites, 'x', '--limit', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/limit/);
  });
});
