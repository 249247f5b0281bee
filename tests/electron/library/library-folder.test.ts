import { mkdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibraryFolder } from '../../../electron/library/library-folder';
import { isFolioError } from '../../../shared/errors';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isFolioError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checking a folder to open as the library', () => {
  it('accepts a folder and answers its real path, through symlinks', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'Articles'));
    await symlink(path.join(root, 'Articles'), path.join(root, 'link'));
    const data = path.join(root, 'data');
    expect(await checkLibraryFolder(path.join(root, 'link'), data)).toBe(path.join(root, 'Articles'));
    expect(await checkLibraryFolder(`  ${path.join(root, 'Articles')}  `, data)).toBe(
      path.join(root, 'Articles'),
    );
  });

  it('expands ~ to the home folder', async () => {
    expect(await checkLibraryFolder('~', path.join(await tempDir(), 'data'))).toBe(
      await import('node:fs/promises').then((fs) => fs.realpath(os.homedir())),
    );
  });

  it('says what is wrong: missing, a file, relative, the disk root, Folio’s data, hidden', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'note.md'), 'x');
    const data = path.join(root, 'data');
    await mkdir(path.join(data, 'journal'), { recursive: true });
    expect(await refusal(checkLibraryFolder(path.join(root, 'nope'), data))).toEqual({
      code: 'NOT_FOUND',
      message: `There is no folder at “${path.join(root, 'nope')}”.`,
    });
    expect(await refusal(checkLibraryFolder(path.join(root, 'note.md', 'x'), data))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await refusal(checkLibraryFolder(path.join(root, 'note.md'), data))).message).toMatch(
      /is a file, not a folder/,
    );
    expect((await refusal(checkLibraryFolder('Articles', data))).message).toMatch(/is not a full path/);
    expect((await refusal(checkLibraryFolder('/', data))).message).toMatch(/the root of a disk/);
    expect((await refusal(checkLibraryFolder(data, data))).message).toMatch(/holds Folio’s own data/);
    expect((await refusal(checkLibraryFolder(path.join(data, 'journal'), data))).message).toMatch(
      /holds Folio’s own data/,
    );
    expect((await refusal(checkLibraryFolder(root, data))).message).toMatch(/holds Folio’s own data/);
    await mkdir(path.join(root, '.ssh', 'keys'), { recursive: true });
    expect((await refusal(checkLibraryFolder(path.join(root, '.ssh', 'keys'), data))).message).toMatch(
      /is a hidden folder \(or inside one\)/,
    );
  });
});
