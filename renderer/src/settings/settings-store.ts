/** Which colours the app uses. */
export type ThemeSetting = 'system' | 'light' | 'dark';

/** The editor fonts an author can pick (each a CSS font stack). */
export type EditorFont = 'serif' | 'sans' | 'mono';

/** Every persisted setting of the writing experience. Other features read them here. */
export interface Settings {
  readonly theme: ThemeSetting;
  readonly editorFont: EditorFont;
  /** Editor font size in CSS pixels (12–28). */
  readonly fontSize: number;
  /** Longest line in the editor, in `em` (30–120). */
  readonly lineWidth: number;
  /** Autosave delay after the last keystroke, in ms (500–60000). Read by the save cycle. */
  readonly autosaveDelayMs: number;
  readonly vimMode: boolean;
  readonly spellcheck: boolean;
  /** BCP 47 language of the text for the spellchecker, e.g. `en-US`. */
  readonly spellcheckLanguage: string;
  /** Whether the preview follows the editor's scroll position. Read by the preview. */
  readonly scrollSync: boolean;
  readonly focusMode: boolean;
  readonly typewriterMode: boolean;
  readonly showOutline: boolean;
  readonly showToolbar: boolean;
  /**
   * Whether the "Article details" form lists every field of the library's schema, filled or
   * not. Off: it lists the keys the article has and the required ones it lacks; the rest are
   * in "+ Add field".
   */
  readonly showEverySchemaField: boolean;
}

/** The settings of a fresh install. */
export const defaultSettings: Settings = {
  theme: 'system',
  editorFont: 'mono',
  fontSize: 16,
  lineWidth: 46,
  autosaveDelayMs: 2000,
  vimMode: false,
  spellcheck: true,
  spellcheckLanguage: 'en-US',
  scrollSync: true,
  focusMode: false,
  typewriterMode: false,
  showOutline: false,
  showToolbar: true,
  showEverySchemaField: false,
};

/** The CSS font stack of each {@link EditorFont}. */
export const editorFontStacks: Readonly<Record<EditorFont, string>> = {
  serif: "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'DejaVu Sans', sans-serif",
  mono: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
};

const storageKey = 'folio.settings.v1';

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, Math.round(value)))
    : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Checks untrusted settings (from storage, or a partial update) field by field; anything
 * missing or out of range falls back to `base`.
 */
export function normalizeSettings(input: unknown, base: Settings = defaultSettings): Settings {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const language = typeof raw.spellcheckLanguage === 'string' ? raw.spellcheckLanguage.trim() : '';
  return {
    theme: oneOf(raw.theme, ['system', 'light', 'dark'], base.theme),
    editorFont: oneOf(raw.editorFont, ['serif', 'sans', 'mono'], base.editorFont),
    fontSize: clamp(raw.fontSize, 12, 28, base.fontSize),
    lineWidth: clamp(raw.lineWidth, 30, 120, base.lineWidth),
    autosaveDelayMs: clamp(raw.autosaveDelayMs, 500, 60_000, base.autosaveDelayMs),
    vimMode: bool(raw.vimMode, base.vimMode),
    spellcheck: bool(raw.spellcheck, base.spellcheck),
    spellcheckLanguage: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)
      ? language
      : base.spellcheckLanguage,
    scrollSync: bool(raw.scrollSync, base.scrollSync),
    focusMode: bool(raw.focusMode, base.focusMode),
    typewriterMode: bool(raw.typewriterMode, base.typewriterMode),
    showOutline: bool(raw.showOutline, base.showOutline),
    showToolbar: bool(raw.showToolbar, base.showToolbar),
    showEverySchemaField: bool(raw.showEverySchemaField, base.showEverySchemaField),
  };
}

/** Where settings are kept; `localStorage` in the app, a plain map in tests. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

type Listener = (settings: Settings) => void;

/**
 * The settings, persisted, as a small external store: read with `getSnapshot` (React:
 * `useSyncExternalStore(store.subscribe, store.getSnapshot)`), changed with `update`. Settings
 * changed in another window of the app arrive through the `storage` event.
 */
export class SettingsStore {
  private settings: Settings;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: SettingsStorage | null) {
    this.settings = this.load();
  }

  /** The current settings (a new object after every change). */
  readonly getSnapshot = (): Settings => this.settings;

  /** Calls `listener` with the new settings after every change; returns the unsubscribe. */
  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes some settings (checked like stored ones) and persists them. */
  update(patch: Partial<Settings>): void {
    const next = normalizeSettings({ ...this.settings, ...patch }, this.settings);
    if (JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    try {
      this.storage?.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the setting still applies for this session.
    }
    this.emit();
  }

  /** Puts every setting back to its default. */
  reset(): void {
    this.update(defaultSettings);
  }

  /** Re-reads storage (after another window changed it). */
  reload(): void {
    this.settings = this.load();
    this.emit();
  }

  private load(): Settings {
    try {
      const stored = this.storage?.getItem(storageKey);
      return stored ? normalizeSettings(JSON.parse(stored)) : defaultSettings;
    } catch {
      return defaultSettings;
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.settings);
  }
}

function browserStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's settings. Import this to read a setting or to follow its changes. */
export const settingsStore = new SettingsStore(browserStorage());

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey) settingsStore.reload();
  });
}
