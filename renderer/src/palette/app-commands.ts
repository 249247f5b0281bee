import type { EditorView } from '@codemirror/view';
import { editorCommands, type CommandGroup } from '../editor/editor-commands';
import { requestCloneLibrary, requestSync } from '../git/sync-request';
import { requestOpenLibrary } from '../library/open-library-request';
import { settingsStore, type ThemeSetting } from '../settings/settings-store';
import { viewState } from '../settings/view-state';

/** A command as the palette lists it. */
export interface PaletteCommand {
  readonly id: string;
  readonly title: string;
  readonly group: CommandGroup;
  readonly key?: string;
  /** True when the command needs an open article. */
  readonly needsEditor: boolean;
  /** Whether the command's mode is on now (for toggles), else undefined. */
  readonly checked?: () => boolean;
  readonly run: (view: EditorView | null) => void;
}

function toggleSetting(
  id: string,
  title: string,
  key: string | undefined,
  setting:
    'focusMode' | 'typewriterMode' | 'showOutline' | 'showToolbar' | 'vimMode' | 'spellcheck' | 'scrollSync',
): PaletteCommand {
  return {
    id,
    title,
    group: 'View',
    key,
    needsEditor: false,
    checked: () => settingsStore.getSnapshot()[setting],
    run: () => settingsStore.update({ [setting]: !settingsStore.getSnapshot()[setting] }),
  };
}

function theme(value: ThemeSetting, title: string): PaletteCommand {
  return {
    id: `view.theme.${value}`,
    title,
    group: 'View',
    needsEditor: false,
    checked: () => settingsStore.getSnapshot().theme === value,
    run: () => settingsStore.update({ theme: value }),
  };
}

/** Window-level commands: panels, modes, theme. Their shortcuts work wherever the focus is. */
export const windowCommands: readonly PaletteCommand[] = [
  {
    id: 'view.palette',
    title: 'Command palette',
    group: 'View',
    key: 'Mod-Shift-p',
    needsEditor: false,
    run: () => viewState.set({ paletteOpen: !viewState.getSnapshot().paletteOpen }),
  },
  {
    id: 'view.settings',
    title: 'Settings',
    group: 'View',
    key: 'Mod-,',
    needsEditor: false,
    run: () => viewState.set({ settingsOpen: true, paletteOpen: false }),
  },
  {
    id: 'library.open',
    title: 'Open library…',
    group: 'Library',
    key: 'Mod-o',
    needsEditor: false,
    run: requestOpenLibrary,
  },
  {
    id: 'library.clone',
    title: 'Clone library…',
    group: 'Library',
    needsEditor: false,
    run: requestCloneLibrary,
  },
  {
    id: 'library.sync',
    title: 'Sync library (git)',
    group: 'Library',
    // Also GitBar's syncKey; Mod-s alone saves.
    key: 'Mod-Shift-s',
    needsEditor: false,
    run: requestSync,
  },
  toggleSetting('view.outline', 'Show outline', 'Mod-Alt-o', 'showOutline'),
  toggleSetting('view.focus', 'Focus mode', 'Mod-Alt-f', 'focusMode'),
  toggleSetting('view.typewriter', 'Typewriter mode', 'Mod-Alt-y', 'typewriterMode'),
  {
    id: 'view.distractionFree',
    title: 'Distraction-free full screen',
    group: 'View',
    key: 'Mod-Shift-Enter',
    needsEditor: false,
    checked: () => viewState.getSnapshot().distractionFree,
    run: () => viewState.set({ distractionFree: !viewState.getSnapshot().distractionFree }),
  },
  toggleSetting('view.toolbar', 'Show toolbar', undefined, 'showToolbar'),
  toggleSetting('view.vim', 'Vim mode', undefined, 'vimMode'),
  toggleSetting('view.spellcheck', 'Spellcheck', undefined, 'spellcheck'),
  toggleSetting('view.scrollSync', 'Preview follows the editor (scroll sync)', undefined, 'scrollSync'),
  theme('system', 'Theme: follow the system'),
  theme('light', 'Theme: light'),
  theme('dark', 'Theme: dark'),
];

/** Every command the palette lists: the editor's, then the window's. */
export const paletteCommands: readonly PaletteCommand[] = [
  ...editorCommands.map((command): PaletteCommand => ({
    id: command.id,
    title: command.title,
    group: command.group,
    key: command.key,
    needsEditor: true,
    run: (view) => {
      if (!view) return;
      command.run(view);
      view.focus();
    },
  })),
  ...windowCommands,
];

/**
 * True when a keyboard event is the CodeMirror-style key name `key` (`Mod-Shift-p`, `Mod-,`,
 * `Mod-Shift-Enter`); `Mod` is Cmd on Apple platforms and Ctrl elsewhere.
 */
export function eventMatchesKey(event: KeyboardEvent, key: string, apple: boolean): boolean {
  const parts = key.split('-');
  let name = parts.pop()!;
  if (name === '' && parts[parts.length - 1] === '') name = '-';
  const mod = apple ? event.metaKey : event.ctrlKey;
  const other = apple ? event.ctrlKey : event.metaKey;
  if (mod !== parts.includes('Mod') || other) return false;
  if (event.shiftKey !== parts.includes('Shift') || event.altKey !== parts.includes('Alt')) return false;
  if (name.length > 1) return event.key === name;
  const lower = name.toLowerCase();
  if (event.key.toLowerCase() === lower) return true;
  // Ctrl+Alt is AltGr on Windows and Linux keyboards: a typed character (ó, @), not a shortcut.
  if (!apple && event.ctrlKey && event.altKey) return false;
  // With Shift or Alt held, `key` is the shifted character: compare the physical key too.
  if (/[a-z]/.test(lower)) return event.code === `Key${lower.toUpperCase()}`;
  if (/[0-9]/.test(lower)) return event.code === `Digit${lower}`;
  return lower === ',' && event.code === 'Comma';
}

/** Fuzzy match: every character of `query` appears in `text` in order. Lower score is better. */
export function fuzzyScore(text: string, query: string): number | null {
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase().trim();
  if (needle === '') return 0;
  const direct = haystack.indexOf(needle);
  if (direct >= 0) return direct === 0 ? 0 : 1 + direct / 100;
  let pos = 0;
  let gaps = 0;
  for (const char of needle) {
    if (char === ' ') continue;
    const found = haystack.indexOf(char, pos);
    if (found < 0) return null;
    gaps += found - pos;
    pos = found + 1;
  }
  return 10 + gaps;
}
