import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('npm start', () => {
  it('explains that Electron is missing, points to browser mode and exits non-zero', async () => {
    const emptyElectron = await tempDir();
    const result = spawnSync(process.execPath, ['scripts/start.js'], {
      env: { ...process.env, FOLIO_ELECTRON_DIR: emptyElectron, ELECTRON_OVERRIDE_DIST_PATH: '' },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Electron's binary is not installed/);
    expect(result.stderr).toMatch(/npm run web/);
  });
});
