import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { isFolioError } from '../../../shared/errors';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function service(updates?: { unavailableReason: string | null; changed: boolean[] }) {
  const root = await tempDir();
  const appDataDir = path.join(root, '.data');
  const created = await createLibraryService({
    root,
    watch: false,
    host: {
      appDataDir,
      updates: updates && {
        unavailableReason: updates.unavailableReason,
        checksChanged: (enabled) => updates.changed.push(enabled),
      },
    },
  });
  return { service: created, appDataDir };
}

describe('the update opt-in', () => {
  it('is off on a fresh install, and turning it on is kept in the app-data folder', async () => {
    const changed: boolean[] = [];
    const { service: desktop, appDataDir } = await service({ unavailableReason: null, changed });
    expect(await desktop.getUpdateChecks({})).toEqual({
      available: true,
      enabled: false,
      unavailableReason: null,
    });
    expect(await desktop.setUpdateChecks({ enabled: true })).toMatchObject({ enabled: true });
    expect(JSON.parse(await readFile(path.join(appDataDir, 'updates.json'), 'utf8'))).toMatchObject({
      enabled: true,
    });
    expect((await desktop.getUpdateChecks({})).enabled).toBe(true);
    expect(await desktop.setUpdateChecks({ enabled: false })).toMatchObject({ enabled: false });
    expect(changed).toEqual([true, false]);
    await desktop.close();
  });

  it('reads a damaged preference file as off', async () => {
    const { service: desktop, appDataDir } = await service({ unavailableReason: null, changed: [] });
    for (const damaged of ['{"enabled": "yes"}', 'not json', 'null', '[true]']) {
      await writeFile(path.join(appDataDir, 'updates.json'), damaged);
      expect((await desktop.getUpdateChecks({})).enabled, damaged).toBe(false);
    }
    await desktop.close();
  });

  it('cannot be turned on where Folio does not update itself, and says why', async () => {
    for (const setup of [
      undefined,
      { unavailableReason: 'This Folio runs from its sources.', changed: [] },
    ]) {
      const { service: other, appDataDir } = await service(setup);
      const state = await other.getUpdateChecks({});
      expect(state.available).toBe(false);
      expect(state.unavailableReason).toMatch(/sources|Only the installed desktop app/);
      const refused = await other.setUpdateChecks({ enabled: true }).catch((error: unknown) => error);
      expect(isFolioError(refused) && refused.code).toBe('INVALID_ARGUMENT');
      expect(isFolioError(refused) && refused.message).toBe(state.unavailableReason);
      await expect(readFile(path.join(appDataDir, 'updates.json'))).rejects.toThrow();
      expect(setup?.changed ?? []).toEqual([]);
      await other.close();
    }
  });
});
