import { chmod, mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportFolder } from '../../../../electron/library/export/export-folder';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

async function setup(): Promise<{ root: string; base: string }> {
  const base = await realpath(await tempDir());
  const root = path.join(base, 'library');
  await mkdir(root);
  return { root, base };
}

describe('checking an export folder', () => {
  it('accepts an existing folder and one that will be created, outside the library', async () => {
    const { root, base } = await setup();
    await mkdir(path.join(base, 'site'));
    expect(await checkExportFolder(root, path.join(base, 'site'))).toEqual({
      path: path.join(base, 'site'),
      exists: true,
      insideLibrary: false,
      error: null,
      note: null,
    });
    expect(await checkExportFolder(root, `  ${path.join(base, 'a', 'b')}/  `)).toMatchObject({
      path: path.join(base, 'a', 'b'),
      exists: false,
      error: null,
      note: 'The folder will be created.',
    });
  });

  it('asks for a full path, and refuses files, the library and folders holding it', async () => {
    const { root, base } = await setup();
    await writeFile(path.join(base, 'file.txt'), 'x');
    expect((await checkExportFolder(root, '')).error).toBe('Type the folder to export into.');
    expect((await checkExportFolder(root, 'relative/out')).error).toMatch(/^Type a full path, like /);
    expect((await checkExportFolder(root, path.join(base, 'file.txt'))).error).toBe(
      `“${path.join(base, 'file.txt')}” is a file, not a folder.`,
    );
    expect((await checkExportFolder(root, path.join(base, 'file.txt', 'x'))).error).toMatch(
      /is a file, so no folder can be made inside it/,
    );
    expect((await checkExportFolder(root, root)).error).toBe(
      'The library itself cannot be the export folder.',
    );
    expect((await checkExportFolder(root, base)).error).toBe('The export folder cannot contain the library.');
  });

  it('flags a folder inside the library, also when reached through a symlink', async () => {
    const { root, base } = await setup();
    await mkdir(path.join(root, 'public'));
    await symlink(path.join(root, 'public'), path.join(base, 'link'));
    for (const folder of [path.join(root, 'public'), path.join(base, 'link', 'deeper')]) {
      const check = await checkExportFolder(root, folder);
      expect(check.insideLibrary).toBe(true);
      expect(check.error).toBeNull();
      expect(check.note).toContain('inside the library');
    }
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder Folio cannot write into', async () => {
    const { root, base } = await setup();
    const locked = path.join(base, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    try {
      expect((await checkExportFolder(root, path.join(locked, 'out'))).error).toBe(
        `Folio cannot write into “${locked}”.`,
      );
    } finally {
      await chmod(locked, 0o700);
    }
  });
});
