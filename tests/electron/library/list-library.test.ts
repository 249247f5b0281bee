import { chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library/library-service';
import { listLibrary } from '../../../electron/library/list-library';
import { writeMixedLibrary } from '../../helpers/mixed-library';
import { useTempDirs, writeFiles } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** The service's own listing of `root`, as the app shows it, but for the excerpts `folio list` never shows. */
async function serviceListing(root: string) {
  const service = await createLibraryService({ root, host: { appDataDir: await tempDir() }, watch: false });
  try {
    return (await service.listArticles({})).map((summary) => ({ ...summary, excerpt: '' }));
  } finally {
    await service.close();
  }
}

describe('listing a library for a one-off command', () => {
  it('gives exactly the summaries and schema marks the library service lists, without excerpts', async () => {
    const root = await tempDir();
    await writeMixedLibrary(root);
    const listed = await listLibrary(root);
    expect(listed).toEqual(await serviceListing(root));
    expect(listed.length).toBe(313);
    // The odd files are listed with their problems, and the schema marks are there.
    const byPath = new Map(listed.map((summary) => [summary.path, summary]));
    expect(byPath.get('binary.md')!.problems).toEqual(['The file looks binary.']);
    expect(byPath.get('latin1.md')!.problems).toEqual(['The file is not valid UTF-8.']);
    expect(byPath.get('breaks-schema.md')!.problems).toHaveLength(2);
    expect(byPath.get('toml.md')).toMatchObject({ title: 'Hugo', status: 'draft' });
  });

  it('lists an unreadable file with its problem, and refuses a folder that does not exist', async () => {
    const root = await tempDir();
    await writeFiles(root, { 'open.md': '# Open\n', 'locked.md': '# Locked\n' });
    await chmod(path.join(root, 'locked.md'), 0o000);
    try {
      const listed = await listLibrary(root);
      expect(listed).toEqual(await serviceListing(root));
      // (Root reads every file anyway.)
      if (os.userInfo().uid !== 0) {
        expect(listed.find((a) => a.path === 'locked.md')!.problems).toEqual([
          'Folio is not allowed to read this file.',
        ]);
      }
    } finally {
      await chmod(path.join(root, 'locked.md'), 0o644);
    }
    await expect(listLibrary(path.join(root, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
