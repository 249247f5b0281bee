import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../electron/library';
import { isFolioError, type ErrorCode } from '../../../shared/errors';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const services: LibraryService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function library(
  files: Record<string, string>,
  host: { trashItem?: (file: string) => Promise<void> } = {},
) {
  const root = await tempDir();
  await writeFiles(root, files);
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data'), ...host },
    watch: false,
  });
  services.push(service);
  return { root, service };
}

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isFolioError(error)) return error.code;
    throw error;
  }
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('creating articles and folders', () => {
  it('creates an article from the built-in template with a slug of its title', async () => {
    const { root, service } = await library({});
    const { path: created } = await service.createArticle({ folder: '', title: 'Über die Brücke: Notes' });
    expect(created).toBe('uber-die-brucke-notes.md');
    const text = await readFile(path.join(root, created), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: "Über die Brücke: Notes"\ndate: \d{4}-\d\d-\d\d\nstatus: draft\n---\n/,
    );
    const again = await service.createArticle({ folder: '', title: 'Über die Brücke: Notes' });
    expect(again.path).toBe('uber-die-brucke-notes-2.md');
    const listed = await service.listArticles({});
    expect(listed.find((a) => a.path === created)).toMatchObject({
      title: 'Über die Brücke: Notes',
      status: 'draft',
    });
  });

  it('creates an article from a template in .folio/templates', async () => {
    const { root, service } = await library({
      '.folio/templates/review.md':
        '---\ntitle: "{{title}}"\nstatus: review\ndate: {{date}}\n---\n\n# {{title}}\n',
    });
    const templates = await service.listTemplates({});
    expect(templates.map((t) => t.name)).toEqual(['', 'review.md']);
    const { path: created } = await service.createArticle({ folder: '', title: 'Q3', template: 'review.md' });
    expect(await readFile(path.join(root, created), 'utf8')).toMatch(
      /^---\ntitle: "Q3"\nstatus: review\ndate: \d{4}/,
    );
  });

  it('creates folders, lists them even when empty, and refuses bad or taken names', async () => {
    const { service } = await library({ 'Notes/a.md': '# A' });
    await service.createFolder({ parent: '', name: 'drafts' });
    await service.createFolder({ parent: 'drafts', name: '2026' });
    expect(await service.listFolders({})).toEqual(['Notes', 'drafts', 'drafts/2026']);
    expect(await codeOf(service.createFolder({ parent: '', name: 'notes' }))).toBe('ALREADY_EXISTS');
    expect(await messageOf(service.createFolder({ parent: '', name: 'notes' }))).toMatch(
      /differ only in upper and lower case/,
    );
    expect(await codeOf(service.createFolder({ parent: '', name: '../x' }))).toBe('INVALID_NAME');
    expect(await codeOf(service.createFolder({ parent: '../..', name: 'x' }))).toBe('OUTSIDE_LIBRARY');
    expect(await codeOf(service.createFolder({ parent: '', name: '.hidden' }))).toBe('INVALID_NAME');
  });

  it('refuses names that are unsafe on some system, saying why', async () => {
    const { service } = await library({ 'Post.md': '# P' });
    const cases: [string, RegExp][] = [
      ['../x.md', /cannot contain/],
      ['a/b.md', /cannot contain/],
      ['CON.md', /reserved by Windows/],
      ['', /empty/],
      [`${'x'.repeat(300)}.md`, /too long/],
      ['bad\u202Ename.md', /text-direction/],
      ['tab\tname.md', /control characters/],
      ['post.md', /differ only in upper and lower case/],
    ];
    for (const [name, message] of cases) {
      const error = await messageOf(service.createArticle({ folder: '', name, title: 'x' }));
      if (name === '')
        expect(error).toBe(''); // an empty name means "name it after the title"
      else expect(error, name).toMatch(message);
    }
    expect(await messageOf(service.moveArticle({ path: 'Post.md', to: '' }))).toMatch(
      /path is required|inside the library/,
    );
    expect(await messageOf(service.moveArticle({ path: 'Post.md', to: 'NUL.md' }))).toMatch(
      /reserved by Windows/,
    );
  });
});

describe('renaming and moving articles', () => {
  it('renames an article and rewrites the links that point to it, after planning them', async () => {
    const { root, service } = await library({
      'guide.md': '# Guide\n\n![logo](img/logo.png)\n',
      'index.md': '# Home\r\n\r\nRead [the guide](guide.md).\r\n',
      'notes/more.md': '[back](../guide.md#top)\n',
    });
    const plan = await service.planMove({ path: 'guide.md', to: 'docs/start.md' }).catch((e: unknown) => e);
    expect(isFolioError(plan, 'NOT_FOUND')).toBe(true); // the folder must exist first
    await service.createFolder({ parent: '', name: 'docs' });
    const planned = await service.planMove({ path: 'guide.md', to: 'docs/start.md' });
    expect(planned.files.map((f) => f.path).sort()).toEqual(['guide.md', 'index.md', 'notes/more.md']);
    const result = await service.moveArticle({ path: 'guide.md', to: 'docs/start.md' });
    expect(result.path).toBe('docs/start.md');
    expect([...result.rewritten].sort()).toEqual(['docs/start.md', 'index.md', 'notes/more.md']);
    expect(await readFile(path.join(root, 'index.md'), 'utf8')).toBe(
      '# Home\r\n\r\nRead [the guide](docs/start.md).\r\n',
    );
    expect(await readFile(path.join(root, 'notes/more.md'), 'utf8')).toBe('[back](../docs/start.md#top)\n');
    expect(await readFile(path.join(root, 'docs/start.md'), 'utf8')).toBe(
      '# Guide\n\n![logo](../img/logo.png)\n',
    );
    expect((await service.listArticles({})).map((a) => a.path)).toEqual([
      'docs/start.md',
      'index.md',
      'notes/more.md',
    ]);
  });

  it('never replaces an existing file, also not one differing only in case', async () => {
    const { root, service } = await library({ 'a.md': 'A', 'B.md': 'B' });
    expect(await codeOf(service.moveArticle({ path: 'a.md', to: 'B.md' }))).toBe('ALREADY_EXISTS');
    expect(await codeOf(service.moveArticle({ path: 'a.md', to: 'b.md' }))).toBe('ALREADY_EXISTS');
    expect(await readFile(path.join(root, 'B.md'), 'utf8')).toBe('B');
    expect(await codeOf(service.moveArticle({ path: 'a.md', to: '../a.md' }))).toBe('OUTSIDE_LIBRARY');
    expect(await codeOf(service.moveArticle({ path: 'a.md', to: 'a.txt' }))).toBe('INVALID_NAME');
    // A case-only rename of the file itself is allowed.
    await service.moveArticle({ path: 'a.md', to: 'A.md' });
    expect((await readdir(root)).sort()).toEqual(['A.md', 'B.md']);
  });

  it('duplicates an article next to itself', async () => {
    const { root, service } = await library({ 'notes/idea.md': '# Idea\n' });
    expect((await service.duplicateArticle({ path: 'notes/idea.md' })).path).toBe('notes/idea copy.md');
    expect((await service.duplicateArticle({ path: 'notes/idea.md' })).path).toBe('notes/idea copy 2.md');
    expect(await readFile(path.join(root, 'notes/idea copy.md'), 'utf8')).toBe('# Idea\n');
  });

  it('saves a copy of unsaved text beside the original, keeping its line endings', async () => {
    const { root, service } = await library({ 'post.md': 'one\r\ntwo\r\n' });
    const { path: copy } = await service.saveArticleCopy({ path: 'post.md', text: 'mine\nmore\n' });
    expect(copy).toBe('post (my copy).md');
    expect(await readFile(path.join(root, copy), 'utf8')).toBe('mine\r\nmore\r\n');
  });
});

describe('deleting to the trash', () => {
  it('moves a deleted article to the library trash and restores it where it was', async () => {
    const { root, service } = await library({ 'notes/old.md': '# Old\n', 'keep.md': '# Keep\n' });
    const { trashId } = await service.deleteArticle({ path: 'notes/old.md' });
    expect(trashId).toBeTruthy();
    expect((await service.listArticles({})).map((a) => a.path)).toEqual(['keep.md']);
    const trash = await service.listTrash({});
    expect(trash).toEqual([expect.objectContaining({ id: trashId, path: 'notes/old.md' })]);
    const restored = await service.restoreFromTrash({ id: trashId! });
    expect(restored.path).toBe('notes/old.md');
    expect(await readFile(path.join(root, 'notes/old.md'), 'utf8')).toBe('# Old\n');
    expect(await service.listTrash({})).toEqual([]);
  });

  it('restores beside a file that took the name meanwhile instead of replacing it', async () => {
    const { root, service } = await library({ 'a.md': 'first' });
    const { trashId } = await service.deleteArticle({ path: 'a.md' });
    await writeFile(path.join(root, 'a.md'), 'second');
    expect((await service.restoreFromTrash({ id: trashId! })).path).toBe('a (restored).md');
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('second');
    expect(await readFile(path.join(root, 'a (restored).md'), 'utf8')).toBe('first');
    expect(await codeOf(service.restoreFromTrash({ id: '../../etc' }))).toBe('NOT_FOUND');
  });

  it('uses the host’s trash when it has one', async () => {
    const trashed: string[] = [];
    const { root, service } = await library(
      { 'a.md': 'x' },
      { trashItem: async (file) => void trashed.push(file) },
    );
    expect(await service.deleteArticle({ path: 'a.md' })).toEqual({ trashId: null });
    expect(trashed).toEqual([
      path.join(await import('node:fs/promises').then((fs) => fs.realpath(root)), 'a.md'),
    ]);
  });

  it('never deletes or moves through a symlink that leaves the library', async () => {
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.md'), 'secret');
    const { root, service } = await library({ 'a.md': 'x' });
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
    expect(await codeOf(service.deleteArticle({ path: 'link.md' }))).toBe('OUTSIDE_LIBRARY');
    expect(await codeOf(service.moveArticle({ path: 'link.md', to: 'b.md' }))).toBe('OUTSIDE_LIBRARY');
    expect(await codeOf(service.readArticle({ path: 'link.md' }))).toBe('OUTSIDE_LIBRARY');
    expect((await stat(path.join(outside, 'secret.md'))).isFile()).toBe(true);
  });
});
