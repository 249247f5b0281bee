import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function library(files: Record<string, string>) {
  const root = await tempDir();
  await writeFiles(root, files);
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
  });
  return { root, service };
}

describe('library schema and images', () => {
  it('uses the built-in schema when the library has none', async () => {
    const { service } = await library({ 'a.md': '# A\n' });
    const result = await service.getSchema({});
    expect(result.source).toBe('builtin');
    expect(result.schema.fields[0]).toMatchObject({ key: 'title', label: 'Title' });
  });

  it('reads .folio/schema.yaml and marks articles that break it in the list', async () => {
    const { root, service } = await library({
      '.folio/schema.yaml': 'fields:\n  title: { required: true }\n',
      'ok.md': '---\ntitle: Fine\n---\nBody\n',
      'missing.md': '---\nstatus: draft\n---\nBody\n',
    });
    expect((await service.getSchema({})).source).toBe('library');
    const articles = await service.listArticles({});
    expect(articles.find((a) => a.path === 'ok.md')!.problems).toEqual([]);
    expect(articles.find((a) => a.path === 'missing.md')!.problems).toEqual(['Title is required.']);
    await writeFile(path.join(root, '.folio/schema.yaml'), 'fields: [broken\n');
    const broken = await service.getSchema({});
    expect(broken.source).toBe('builtin');
    expect(broken.problems[0]).toMatch(/not valid YAML/);
  });

  it('lists images inside the library only, without hidden folders or links', async () => {
    const outside = await tempDir();
    await writeFile(path.join(outside, 'secret.png'), 'x');
    const { root, service } = await library({
      'images/cover.png': 'x',
      'b/photo.JPG': 'x',
      'notes.txt': 'x',
      '.folio/hidden.png': 'x',
    });
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'linked.png'));
    expect(await service.listImages({})).toEqual(['b/photo.JPG', 'images/cover.png']);
  });
});
