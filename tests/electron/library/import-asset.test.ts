import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { articleSlug, sniffImageExtension } from '../../../electron/library/import-asset';
import { isFolioError } from '../../../shared/errors';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A real 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

async function setup() {
  const root = await tempDir();
  await mkdir(path.join(root, 'notes'));
  await writeFile(path.join(root, 'notes', 'Mon Été 2024.md'), '# Été\n');
  const service = await createLibraryService({
    root,
    host: { appDataDir: path.join(await tempDir(), 'data') },
  });
  return { root, service };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isFolioError(error)) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('importAsset', () => {
  it('copies the image into assets/ beside the article, named after its slug', async () => {
    const { root, service } = await setup();
    const result = await service.importAsset({
      articlePath: 'notes/Mon Été 2024.md',
      name: 'Screenshot.png',
      dataBase64: png.toString('base64'),
    });
    expect(result).toEqual({
      path: 'notes/assets/mon-ete-2024-1.png',
      markdownPath: 'assets/mon-ete-2024-1.png',
    });
    expect(await readFile(path.join(root, 'notes', 'assets', 'mon-ete-2024-1.png'))).toEqual(png);
  });

  it('never overwrites: a second image gets the next number', async () => {
    const { root, service } = await setup();
    await mkdir(path.join(root, 'notes', 'assets'));
    await writeFile(path.join(root, 'notes', 'assets', 'mon-ete-2024-1.png'), 'precious');
    const result = await service.importAsset({
      articlePath: 'notes/Mon Été 2024.md',
      name: 'x.png',
      dataBase64: png.toString('base64'),
    });
    expect(result.path).toBe('notes/assets/mon-ete-2024-2.png');
    expect(await readFile(path.join(root, 'notes', 'assets', 'mon-ete-2024-1.png'), 'utf8')).toBe('precious');
  });

  it('takes the type from the bytes, not from the name', async () => {
    const { service } = await setup();
    const result = await service.importAsset({
      articlePath: 'notes/Mon Été 2024.md',
      name: 'photo.gif',
      dataBase64: png.toString('base64'),
    });
    expect(result.path.endsWith('.png')).toBe(true);
  });

  it('refuses bytes that are not an image', async () => {
    const { root, service } = await setup();
    const html = Buffer.from('<script>alert(1)</script>').toString('base64');
    await expect(
      codeOf(service.importAsset({ articlePath: 'notes/Mon Été 2024.md', name: 'a.png', dataBase64: html })),
    ).resolves.toBe('INVALID_ARGUMENT');
    await expect(readdir(path.join(root, 'notes'))).resolves.toEqual(['Mon Été 2024.md']);
  });

  it('confines the article path to the library', async () => {
    const { service } = await setup();
    const data = png.toString('base64');
    await expect(
      codeOf(service.importAsset({ articlePath: '../outside.md', name: 'a.png', dataBase64: data })),
    ).resolves.toBe('OUTSIDE_LIBRARY');
    await expect(
      codeOf(service.importAsset({ articlePath: 'notes\\x.md', name: 'a.png', dataBase64: data })),
    ).resolves.toBe('OUTSIDE_LIBRARY');
    await expect(
      codeOf(service.importAsset({ articlePath: 'notes/x.txt', name: 'a.png', dataBase64: data })),
    ).resolves.toBe('INVALID_NAME');
  });

  it('does not follow an assets link that leaves the library', async () => {
    const { root, service } = await setup();
    const outside = await tempDir();
    await symlink(outside, path.join(root, 'notes', 'assets'));
    const data = png.toString('base64');
    await expect(
      codeOf(service.importAsset({ articlePath: 'notes/Mon Été 2024.md', name: 'a.png', dataBase64: data })),
    ).resolves.toBe('OUTSIDE_LIBRARY');
    await expect(readdir(outside)).resolves.toEqual([]);
  });
});

describe('sniffImageExtension', () => {
  it('recognises image signatures and SVG, and nothing else', () => {
    expect(sniffImageExtension(png)).toBe('.png');
    expect(sniffImageExtension(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('.jpg');
    expect(sniffImageExtension(Buffer.from('GIF89a'))).toBe('.gif');
    expect(
      sniffImageExtension(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBe('.svg');
    expect(sniffImageExtension(Buffer.from('<html><svg></svg></html>'))).toBeNull();
    expect(sniffImageExtension(Buffer.from('hello'))).toBeNull();
  });
});

describe('articleSlug', () => {
  it('makes a safe lowercase slug from the article name', () => {
    expect(articleSlug('a/My Post!.md')).toBe('my-post');
    expect(articleSlug('写作.md')).toBe('写作');
    expect(articleSlug('---.md')).toBe('image');
  });
});
