import { chmod, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService, ensureSampleLibrary, welcomeArticle } from '../../../electron/library';
import { isFolioError } from '../../../shared/errors';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function library(files: Record<string, string | Buffer>) {
  const root = await tempDir();
  await writeFiles(root, files);
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
  });
  return { root, service };
}

describe('listing articles', () => {
  it('lists markdown files recursively with titles from frontmatter, heading or name', async () => {
    const { service } = await library({
      'a.md':
        '---\ntitle: From frontmatter\nstatus: Review\ntags: [x, y]\ndate: 2024-01-02\n---\n# Heading\n\nOne two three.\n',
      'notes/b.markdown': '# From heading\n\nWords.\n',
      'c.md': 'No title here.\n',
      'd.txt': 'not an article',
      '.hidden/e.md': '# hidden',
      'node_modules/f.md': '# dependency',
    });
    const articles = await service.listArticles({});
    expect(articles.map((a) => [a.path, a.title])).toEqual([
      ['a.md', 'From frontmatter'],
      ['c.md', 'c'],
      ['notes/b.markdown', 'From heading'],
    ]);
    expect(articles[0]).toMatchObject({ status: 'review', tags: ['x', 'y'], date: '2024-01-02', words: 4 });
  });

  it('reports invalid frontmatter as a problem instead of failing', async () => {
    const { service } = await library({ 'bad.md': '---\ntitle: [unclosed\n---\nBody\n' });
    const [article] = await service.listArticles({});
    expect(article?.problems[0]).toMatch(/Invalid frontmatter at line \d+/);
  });

  it('does not follow symlinks that leave the library', async () => {
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.md'), '# Secret');
    const { root, service } = await library({ 'in.md': '# In' });
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
    expect((await service.listArticles({})).map((a) => a.path)).toEqual(['in.md']);
    await expect(service.readArticle({ path: 'link.md' })).rejects.toMatchObject({ code: 'OUTSIDE_LIBRARY' });
  });
});

describe('reading and saving', () => {
  it('opens and saves without edits byte-identically, writing nothing', async () => {
    const original = Buffer.from(
      '\uFEFF---\r\ntitle: x\r\n---\r\nline one\nline two\r\nno final newline',
      'utf8',
    );
    const { root, service } = await library({ 'a.md': original });
    const before = await stat(path.join(root, 'a.md'));
    const doc = await service.readArticle({ path: 'a.md' });
    expect(doc.text.startsWith('---\ntitle')).toBe(true);
    expect(doc.bom).toBe(true);
    const result = await service.saveArticle({ path: 'a.md', text: doc.text, baseHash: doc.hash });
    expect(result.written).toBe(false);
    expect(await readFile(path.join(root, 'a.md'))).toEqual(original);
    expect((await stat(path.join(root, 'a.md'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps BOM and the endings of untouched lines when one line changes', async () => {
    const { root, service } = await library({ 'a.md': '\uFEFFone\r\ntwo\nthree\r\nfour\r\n' });
    const doc = await service.readArticle({ path: 'a.md' });
    await service.saveArticle({ path: 'a.md', text: doc.text.replace('three', 'THREE'), baseHash: doc.hash });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('\uFEFFone\r\ntwo\nTHREE\r\nfour\r\n');
  });

  it('refuses to overwrite a file that changed on disk and returns the disk text', async () => {
    const { root, service } = await library({ 'a.md': 'original\n' });
    const doc = await service.readArticle({ path: 'a.md' });
    await writeFile(path.join(root, 'a.md'), 'changed elsewhere\n');
    const error = await service
      .saveArticle({ path: 'a.md', text: 'mine\n', baseHash: doc.hash })
      .catch((e) => e);
    expect(isFolioError(error, 'CONFLICT')).toBe(true);
    expect(error.details).toMatchObject({ diskText: 'changed elsewhere\n' });
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('changed elsewhere\n');
  });

  it('opens invalid UTF-8 read-only and never saves it', async () => {
    const bytes = Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41, 0x0a]);
    const { root, service } = await library({ 'latin.md': bytes });
    const doc = await service.readArticle({ path: 'latin.md' });
    expect(doc.readOnly).toBe(true);
    expect(doc.readOnlyReason).toMatch(/not valid UTF-8/);
    await expect(
      service.saveArticle({ path: 'latin.md', text: '# A\n', baseHash: doc.hash }),
    ).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    expect(await readFile(path.join(root, 'latin.md'))).toEqual(bytes);
  });

  it('creates a new article only when it does not exist yet', async () => {
    const { root, service } = await library({ 'exists.md': 'x' });
    await service.saveArticle({ path: 'new.md', text: '# New\n', baseHash: null });
    expect(await readFile(path.join(root, 'new.md'), 'utf8')).toBe('# New\n');
    await expect(service.saveArticle({ path: 'exists.md', text: 'y', baseHash: null })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
  });

  // Permission bits do not bind root, so this case needs an ordinary user.
  it.skipIf(process.getuid?.() === 0)(
    'says why a save failed and keeps the file intact in a read-only folder',
    async () => {
      const { root, service } = await library({ 'dir/a.md': 'original\n' });
      const doc = await service.readArticle({ path: 'dir/a.md' });
      await chmod(path.join(root, 'dir'), 0o500);
      try {
        await expect(
          service.saveArticle({ path: 'dir/a.md', text: 'changed\n', baseHash: doc.hash }),
        ).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringMatching(/not allowed/) });
      } finally {
        await chmod(path.join(root, 'dir'), 0o700);
      }
      expect(await readFile(path.join(root, 'dir/a.md'), 'utf8')).toBe('original\n');
    },
  );

  it('refuses paths outside the library and names that are not articles', async () => {
    const { service } = await library({ 'a.md': 'x' });
    for (const bad of ['../x.md', '/etc/passwd.md', 'a\\..\\b.md', 'C:/x.md', 'a//b.md']) {
      await expect(service.readArticle({ path: bad })).rejects.toMatchObject({ code: 'OUTSIDE_LIBRARY' });
    }
    await expect(service.readArticle({ path: 'a.txt' })).rejects.toMatchObject({ code: 'INVALID_NAME' });
    await expect(service.readArticle({ path: 'missing.md' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('announces saves as events', async () => {
    const { service } = await library({ 'a.md': 'x' });
    const seen: string[] = [];
    service.on('articleChanged', ({ path: changed }) => seen.push(changed));
    const doc = await service.readArticle({ path: 'a.md' });
    await service.saveArticle({ path: 'a.md', text: 'y', baseHash: doc.hash });
    expect(seen).toEqual(['a.md']);
  });
});

describe('the sample library', () => {
  it('fills an empty folder with sample articles and an image, and leaves other folders alone', async () => {
    const dir = path.join(await tempDir(), 'Folio');
    expect(await ensureSampleLibrary(dir)).toBe(true);
    const service = await createLibraryService({ root: dir, host: { appDataDir: path.join(dir, '.data') } });
    const titles = (await service.listArticles({})).map((a) => a.title);
    expect(titles).toContain('Welcome to Folio');
    expect((await readFile(path.join(dir, 'images', 'folio-desk.svg'), 'utf8')).startsWith('<svg')).toBe(
      true,
    );
    expect(await ensureSampleLibrary(dir)).toBe(false);
  });

  it('names the Welcome article as the one to open when asked to, and none otherwise', async () => {
    const dir = path.join(await tempDir(), 'Folio');
    await ensureSampleLibrary(dir);
    const appDataDir = path.join(dir, '.data');
    const first = await createLibraryService({
      root: dir,
      host: { appDataDir },
      startArticle: welcomeArticle,
    });
    const info = await first.getLibrary({});
    expect(info.startArticle).toBe('Welcome to Folio.md');
    const opened = await first.readArticle({ path: info.startArticle! });
    expect(opened.text).toMatch(/^# Welcome to Folio$/m);
    // The tour names the panes, the form and the shortcuts it promises.
    for (const part of ['three panes', 'form', 'Ctrl+P', 'Ctrl+Shift+P', 'Export…', 'History', 'Suggestions'])
      expect(opened.text).toContain(part);
    await first.close();
    const later = await createLibraryService({ root: dir, host: { appDataDir } });
    expect((await later.getLibrary({})).startArticle).toBeUndefined();
    await later.close();
  });
});
