import { mkdir, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportArticleFile, exportLibraryFolder } from '../../../../electron/library/export';
import { isFolioError } from '../../../../shared/errors';
import { useTempDirs, writeFiles } from '../../../helpers/temp-dir';
import { dangerousParts, expectValidHtml } from '../../../helpers/html-checks';
import { hostileArticle } from '../../../helpers/hostile-article';

const tempDir = useTempDirs();
// A real 1×1 PNG, so that browsers and validators see an image.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function library(files: Record<string, string | Buffer>): Promise<{ root: string; out: string }> {
  const base = await tempDir();
  const root = path.join(base, 'library');
  await writeFiles(root, files);
  await mkdir(root, { recursive: true });
  return { root, out: path.join(base, 'out') };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Every URL a page would load (not links a reader clicks): src, stylesheets, CSS url(). */
function loadedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\ssrc="([^"]*)"/g)) urls.push(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="(?:stylesheet|icon|preload)"[^>]*>/g))
    urls.push(match[0]);
  for (const match of html.matchAll(/url\(\s*['"]?([^'")]+)/g)) urls.push(match[1]!);
  return urls;
}

describe('exporting one article', () => {
  it('writes one self-contained, valid file in inline mode with no external references', async () => {
    const { root, out } = await library({
      'posts/a.md':
        '---\ntitle: Inline\n---\n\nText with ![a picture](../img/pic.png) and ![same](../img/pic.png).\n\n```js\nlet x = 1;\n```\n',
      'img/pic.png': png,
    });
    const report = await exportArticleFile({ root, outDir: out }, 'posts/a.md', { images: 'inline' });
    expect(report).toMatchObject({
      completed: true,
      entry: 'a.html',
      written: ['a.html'],
      imageProblems: [],
    });
    expect(await listFiles(out)).toEqual(['a.html']);
    const html = await readFile(path.join(out, 'a.html'), 'utf8');
    const loaded = loadedUrls(html);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((url) => !url.startsWith('data:'))).toEqual([]);
    expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="a picture">`);
    await expectValidHtml(html);
  });

  it('copies images to an assets folder with content-hashed names and references them', async () => {
    const { root, out } = await library({
      'a.md': '# Copy\n\n![one](img/pic.png)\n\n![two](img/other%20name.png)\n',
      'img/pic.png': png,
      'img/other name.png': png,
    });
    const report = await exportArticleFile({ root, outDir: out }, 'a.md', { images: 'copy' });
    expect(report.completed).toBe(true);
    const html = await readFile(path.join(out, 'a.html'), 'utf8');
    const refs = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(refs).toHaveLength(2);
    for (const ref of refs) {
      expect(ref).toMatch(/^assets\/[\w -]+-[0-9a-f]{12}\.png$/);
      expect(await readFile(path.join(out, ref))).toEqual(png);
    }
    expect(html).toContain('img-src data: https: http: &#39;self&#39;');
    await expectValidHtml(html);
  });

  it('reports missing images and images outside the library without failing, and never reads outside', async () => {
    const base = await tempDir();
    await writeFile(path.join(base, 'secret.png'), png);
    const { root, out } = await library({
      'a.md':
        '# Missing\n\n![gone](nope.png) ![escape](../secret.png) ![link](linked.png) ![remote](https://example.com/r.png)\n',
    });
    await symlink(path.join(base, 'secret.png'), path.join(root, 'linked.png'));
    const realRoot = await import('node:fs/promises').then((fs) => fs.realpath(root));
    const report = await exportArticleFile({ root: realRoot, outDir: out }, 'a.md', { images: 'copy' });
    expect(report.completed).toBe(true);
    expect(report.imageProblems.map((p) => p.src).sort()).toEqual([
      '../secret.png',
      'linked.png',
      'nope.png',
    ]);
    expect(report.problems.map((p) => p.code)).toContain('missing-image');
    expect(await listFiles(out)).toEqual(['a.html']);
    const html = await readFile(path.join(out, 'a.html'), 'utf8');
    expect(html).toContain('<img src="https://example.com/r.png" alt="remote">');
    expect(html).not.toContain('secret');
  });

  it('writes nothing in strict mode when a check finds an error', async () => {
    const { root, out } = await library({ 'a.md': '# Strict\n\n![gone](nope.png)\n' });
    const report = await exportArticleFile({ root, outDir: out }, 'a.md', { strict: true });
    expect(report.completed).toBe(false);
    expect(report.written).toEqual([]);
    await expect(stat(out)).rejects.toThrow();
  });

  it('renders hostile content and frontmatter into a valid page with nothing active in it', async () => {
    const { root, out } = await library({ 'evil.md': hostileArticle });
    await exportArticleFile({ root, outDir: out }, 'evil.md', { toc: true, titleBlock: 'always' });
    const html = await readFile(path.join(out, 'evil.html'), 'utf8');
    expect(dangerousParts(html)).toEqual([]);
    await expectValidHtml(html);
  });

  it('uses the chosen theme and the library’s custom stylesheet', async () => {
    const { root, out } = await library({
      'a.md': '# T\n',
      '.folio/export.css': '.folio-article { --custom-marker: 1; }',
    });
    await exportArticleFile({ root, outDir: out }, 'a.md', { theme: 'custom' });
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toContain('--custom-marker: 1');
    await exportArticleFile({ root, outDir: out }, 'a.md', { theme: 'print' });
    const print = await readFile(path.join(out, 'a.html'), 'utf8');
    expect(print).toContain('<meta name="color-scheme" content="light">');
    expect(print).not.toContain('--custom-marker');
    const bare = await library({ 'a.md': '# T\n' });
    await expect(
      exportArticleFile({ root: bare.root, outDir: bare.out }, 'a.md', { theme: 'custom' }),
    ).rejects.toSatisfy((error) => isFolioError(error, 'NOT_FOUND'));
  });
});

describe('exporting a library', () => {
  const files = {
    'old.md':
      '---\ntitle: Old post\ndate: 2023-01-01\ntags: [history]\ndescription: From before.\n---\nSee [the new one](posts/new.md#details) and [a heading](#nowhere).\n',
    'posts/new.md':
      '---\ntitle: New post\ndate: 2024-06-01\n---\n## Details\n\nBack to [old](../old.md). ![pic](../img/pic.png)\n',
    'posts/draft.md': '---\ntitle: Secret draft\nstatus: draft\ndate: 2025-01-01\n---\nNot yet.\n',
    'img/pic.png': png,
    '.hidden/skip.md': '# hidden',
  };

  it('mirrors the folders, writes an index newest first, rewrites links and leaves drafts out', async () => {
    const { root, out } = await library(files);
    const progress: number[] = [];
    const report = await exportLibraryFolder(
      { root, outDir: out, onProgress: (p) => progress.push(p.total) },
      '',
      {
        images: 'copy',
      },
    );
    expect(report.completed).toBe(true);
    expect(report.drafts).toEqual(['posts/draft.md']);
    expect(progress.every((t) => t === 3 || t === 2)).toBe(true);
    const written = await listFiles(out);
    expect(written.filter((f) => !f.startsWith('assets/'))).toEqual([
      '.folio-export.json',
      'index.html',
      'old.html',
      'posts/new.html',
    ]);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index.indexOf('New post')).toBeLessThan(index.indexOf('Old post'));
    expect(index).not.toContain('Secret draft');
    expect(index).toContain('<a href="posts/new.html">New post</a>');
    expect(index).toContain('From before.');
    expect(index).toContain('<li>history</li>');
    const old = await readFile(path.join(out, 'old.html'), 'utf8');
    expect(old).toContain('href="posts/new.html#details"');
    const newer = await readFile(path.join(out, 'posts/new.html'), 'utf8');
    expect(newer).toContain('href="../old.html"');
    expect(newer).toMatch(/<img src="\.\.\/assets\/pic-[0-9a-f]{12}\.png" alt="pic">/);
    expect(report.problems.map((p) => [p.path, p.code])).toEqual([['old.md', 'broken-anchor']]);
    for (const file of ['index.html', 'old.html', 'posts/new.html']) {
      await expectValidHtml(await readFile(path.join(out, file), 'utf8'));
    }
  });

  it('includes drafts when asked', async () => {
    const { root, out } = await library(files);
    const report = await exportLibraryFolder({ root, outDir: out }, '', { includeDrafts: true });
    expect(report.drafts).toEqual([]);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Secret draft');
  });

  it('skips unchanged articles on re-export, and redoes the ones whose text or image changed', async () => {
    const { root, out } = await library(files);
    await exportLibraryFolder({ root, outDir: out }, '', { images: 'copy' });
    const again = await exportLibraryFolder({ root, outDir: out }, '', { images: 'copy' });
    expect(again.skipped).toEqual(['old.md', 'posts/new.md']);
    expect(again.written).toEqual(['index.html']);
    expect(again.problems.map((p) => p.code)).toEqual(['broken-anchor']);

    await writeFile(path.join(root, 'old.md'), '# Old, edited\n');
    const future = new Date(Date.now() + 60_000);
    await writeFile(path.join(root, 'img/pic.png'), Buffer.concat([png, Buffer.from([0])]));
    await utimes(path.join(root, 'img/pic.png'), future, future);
    const third = await exportLibraryFolder({ root, outDir: out }, '', { images: 'copy' });
    expect(third.skipped).toEqual([]);
    expect(third.written).toContain('old.html');
    expect(third.written).toContain('posts/new.html');

    const otherTheme = await exportLibraryFolder({ root, outDir: out }, '', {
      images: 'copy',
      theme: 'modern',
    });
    expect(otherTheme.skipped).toEqual([]);
  });

  it('removes the page of an article deleted since the last export', async () => {
    const { root, out } = await library(files);
    await exportLibraryFolder({ root, outDir: out }, '', {});
    await import('node:fs/promises').then((fs) => fs.rm(path.join(root, 'old.md')));
    await exportLibraryFolder({ root, outDir: out }, '', {});
    expect(await listFiles(out)).toEqual(['.folio-export.json', 'index.html', 'posts/new.html']);
  });

  it('exports one folder of the library on its own', async () => {
    const { root, out } = await library(files);
    await exportLibraryFolder({ root, outDir: out }, 'posts', {});
    expect(await listFiles(out)).toEqual(['.folio-export.json', 'index.html', 'new.html']);
  });

  it('stops when cancelled and writes no index', async () => {
    const { root, out } = await library(files);
    const controller = new AbortController();
    const report = await exportLibraryFolder(
      { root, outDir: out, signal: controller.signal, onProgress: () => controller.abort() },
      '',
      {},
    );
    expect(report.cancelled).toBe(true);
    await expect(stat(path.join(out, 'index.html'))).rejects.toThrow();
  });

  it('refuses to export into the library itself or a folder containing it', async () => {
    const { root } = await library(files);
    await expect(exportLibraryFolder({ root, outDir: root }, '', {})).rejects.toSatisfy((e) =>
      isFolioError(e, 'INVALID_ARGUMENT'),
    );
    await expect(exportLibraryFolder({ root, outDir: path.dirname(root) }, '', {})).rejects.toSatisfy((e) =>
      isFolioError(e, 'INVALID_ARGUMENT'),
    );
  });

  it('does not export its own output folder when it lies inside the library', async () => {
    const { root } = await library(files);
    const out = path.join(root, 'export');
    await exportLibraryFolder({ root, outDir: out }, '', {});
    await writeFile(path.join(out, 'stray.md'), '# Not an article of the library');
    const again = await exportLibraryFolder({ root, outDir: out }, '', {});
    expect([...again.skipped, ...again.written]).not.toContain('export/stray.md');
    expect(await listFiles(out)).not.toContain('export/stray.html');
  });

  it('exports the other articles when one is nested absurdly deep', async () => {
    const { root, out } = await library({ 'deep.md': `${'>'.repeat(6000)} deep\n`, 'ok.md': '# Fine\n' });
    const report = await exportLibraryFolder({ root, outDir: out }, '', {});
    expect(report.completed).toBe(true);
    expect(report.written).toContain('ok.html');
    // The pipeline either caps the nesting (and the page is written) or cannot render it (and
    // says so); it never takes the other articles down with it.
    const deepWritten = report.written.includes('deep.html');
    const deepReported = report.problems.some((p) => p.path === 'deep.md' && p.code === 'too-complex');
    expect(deepWritten !== deepReported).toBe(true);
  });

  it('keeps index.html for an article called index.md and lists the articles beside it', async () => {
    const { root, out } = await library({ 'index.md': '# Home\n', 'a.md': '# A\n' });
    const report = await exportLibraryFolder({ root, outDir: out }, '', {});
    expect(report.entry).toBe('articles.html');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<h1 id="home">Home</h1>');
    expect(await readFile(path.join(out, 'articles.html'), 'utf8')).toContain(
      '<a href="index.html">Home</a>',
    );
  });
});
