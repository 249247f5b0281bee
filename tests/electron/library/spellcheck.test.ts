import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibraryService } from '../../../electron/library';
import { dispatch } from '../../../shared/dispatch';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function service(
  setSpellcheck?: (enabled: boolean, language: string) => { language: string; message: null },
) {
  const root = await tempDir();
  return createLibraryService({
    root,
    watch: false,
    host: { appDataDir: path.join(await tempDir(), 'data'), setSpellcheck },
  });
}

describe('setSpellcheck', () => {
  it('hands the setting to the desktop host', async () => {
    const calls: Array<[boolean, string]> = [];
    const app = await service((enabled, language) => {
      calls.push([enabled, language]);
      return { language, message: null };
    });
    expect(await app.setSpellcheck({ enabled: true, language: 'fr' })).toEqual({
      language: 'fr',
      message: null,
    });
    expect(calls).toEqual([[true, 'fr']]);
    await app.close();
  });

  it('tells browser mode that the browser chooses the language', async () => {
    const app = await service();
    const state = await app.setSpellcheck({ enabled: true, language: 'de-DE' });
    expect(state.language).toBeNull();
    expect(state.message).toMatch(/browser’s own spellchecker/);
    await app.close();
  });

  it('rejects a language tag that is not one', async () => {
    const app = await service();
    const result = await dispatch(app, 'setSpellcheck', { enabled: true, language: 'x'.repeat(50) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await app.close();
  });
});
