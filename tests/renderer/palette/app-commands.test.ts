import { describe, expect, it } from 'vitest';
import { editorCommands } from '../../../renderer/src/editor/editor-commands';
import { eventMatchesKey, fuzzyScore, paletteCommands } from '../../../renderer/src/palette/app-commands';

function key(init: Partial<KeyboardEvent>): KeyboardEvent {
  return {
    key: '',
    code: '',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...init,
  } as KeyboardEvent;
}

describe('eventMatchesKey', () => {
  it('matches Mod as Ctrl elsewhere and Cmd on Apple platforms', () => {
    const ctrl = key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    expect(eventMatchesKey(ctrl, 'Mod-Shift-p', false)).toBe(true);
    expect(eventMatchesKey(ctrl, 'Mod-Shift-p', true)).toBe(false);
    expect(
      eventMatchesKey(key({ key: 'p', code: 'KeyP', metaKey: true, shiftKey: true }), 'Mod-Shift-p', true),
    ).toBe(true);
  });
  it('uses the physical key when Alt changes the character', () => {
    expect(
      eventMatchesKey(key({ key: 'ø', code: 'KeyO', metaKey: true, altKey: true }), 'Mod-Alt-o', true),
    ).toBe(true);
    expect(eventMatchesKey(key({ key: ',', code: 'Comma', ctrlKey: true }), 'Mod-,', false)).toBe(true);
  });
  it('leaves AltGr characters to typing on Windows and Linux', () => {
    const altGrO = key({ key: 'ó', code: 'KeyO', ctrlKey: true, altKey: true });
    expect(eventMatchesKey(altGrO, 'Mod-Alt-o', false)).toBe(false);
    expect(
      eventMatchesKey(key({ key: 'o', code: 'KeyO', ctrlKey: true, altKey: true }), 'Mod-Alt-o', false),
    ).toBe(true);
  });
  it('requires exactly the modifiers asked for', () => {
    expect(eventMatchesKey(key({ key: 'p', code: 'KeyP', ctrlKey: true }), 'Mod-Shift-p', false)).toBe(false);
    expect(
      eventMatchesKey(key({ key: 'Enter', ctrlKey: true, shiftKey: true }), 'Mod-Shift-Enter', false),
    ).toBe(true);
  });
});

describe('paletteCommands', () => {
  it('lists every editor command and has no two commands on one shortcut', () => {
    for (const command of editorCommands) expect(paletteCommands.some((c) => c.id === command.id)).toBe(true);
    const keys = paletteCommands.flatMap((c) => (c.key ? [c.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('fuzzyScore', () => {
  it('prefers prefixes, then substrings, then scattered letters, and rejects misses', () => {
    expect(fuzzyScore('Bold', 'bo')).toBe(0);
    expect(fuzzyScore('Format: Bold', 'bold')!).toBeLessThan(fuzzyScore('Bullet list', 'bl')!);
    expect(fuzzyScore('Heading 2', 'hd2')).not.toBeNull();
    expect(fuzzyScore('Bold', 'xyz')).toBeNull();
  });
});
