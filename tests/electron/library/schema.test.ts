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

  it('has the form, the list and `folio check` demand the same fields of a .yml schema in list shape', async () => {
    const { service } = await library({
      '.folio/schema.yml':
        'fields:\n  - name: author\n    required: true\n  - name: summary\n    type: long-text\n',
      'missing.md': '---\ntitle: Owls\n---\n# Owls\n\nBody.\n',
      'complete.md': '---\ntitle: Bats\nauthor: Ada\n---\n# Bats\n\nBody.\n',
    });
    const form = await service.getSchema({});
    expect(form.problems).toEqual([]);
    const required = form.schema.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual(['author']);
    expect(form.schema.fields.find((f) => f.key === 'summary')).toMatchObject({
      type: 'long-text',
      required: false,
    });
    const listed = await service.listArticles({});
    expect(listed.find((a) => a.path === 'missing.md')!.problems).toEqual(['Author is required.']);
    expect(listed.find((a) => a.path === 'complete.md')!.problems).toEqual([]);
    const checked = (await service.checkLibrary({})).filter((p) => p.code === 'missing-field');
    expect(checked.map((p) => [p.path, p.message])).toEqual(
      required.map((key) => ['missing.md', `The field “${key}” is required by the library schema.`]),
    );
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
