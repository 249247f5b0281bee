import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  normalizeSettings,
  SettingsStore,
  type SettingsStorage,
} from '../../../renderer/src/settings/settings-store';

function memoryStorage(
  initial: Record<string, string> = {},
): SettingsStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('SettingsStore', () => {
  it('persists changes and reads them back in a new store', () => {
    const storage = memoryStorage();
    const store = new SettingsStore(storage);
    const seen: number[] = [];
    store.subscribe((settings) => seen.push(settings.fontSize));
    store.update({ fontSize: 20, vimMode: true });
    expect(seen).toEqual([20]);
    expect(new SettingsStore(storage).getSnapshot()).toMatchObject({ fontSize: 20, vimMode: true });
  });

  it('falls back to defaults for corrupt storage', () => {
    const store = new SettingsStore(memoryStorage({ 'folio.settings.v1': '{not json' }));
    expect(store.getSnapshot()).toEqual(defaultSettings);
  });

  it('does not notify when nothing changed', () => {
    const store = new SettingsStore(memoryStorage());
    let calls = 0;
    store.subscribe(() => calls++);
    store.update({ theme: 'system' });
    expect(calls).toBe(0);
  });
});

describe('normalizeSettings', () => {
  it('clamps numbers and rejects unknown values field by field', () => {
    const settings = normalizeSettings({
      theme: 'purple',
      fontSize: 400,
      lineWidth: 'wide',
      autosaveDelayMs: 10,
      spellcheckLanguage: 'de-DE',
      vimMode: 'yes',
    });
    expect(settings).toMatchObject({
      theme: 'system',
      fontSize: 28,
      lineWidth: 46,
      autosaveDelayMs: 500,
      spellcheckLanguage: 'de-DE',
      vimMode: false,
    });
    expect(normalizeSettings({ spellcheckLanguage: '"><script>' }).spellcheckLanguage).toBe('en-US');
  });

  it('lists only the keys an article has in Article details unless every schema field is asked for', () => {
    expect(defaultSettings.showEverySchemaField).toBe(false);
    expect(normalizeSettings({ showEverySchemaField: true }).showEverySchemaField).toBe(true);
    expect(normalizeSettings({ showEverySchemaField: 'yes' }).showEverySchemaField).toBe(false);
  });
});
