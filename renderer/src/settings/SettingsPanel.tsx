import { useEffect, useRef, useState, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import { errorMessage } from '../../../shared/errors';
import { api } from '../api';
import { applySettingsToDocument } from './apply-settings';
import {
  defaultSettings,
  settingsStore,
  type EditorFont,
  type Settings,
  type ThemeSetting,
} from './settings-store';
import { UpdateChecksSection } from './UpdateChecksSection';
import { viewState } from './view-state';
import './SettingsPanel.css';
import './theme.css';
import { useReturnFocus } from '../accessibility';

/** Spellcheck languages offered in the list; any BCP 47 tag can be typed. */
const languages = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'pl-PL'];

/**
 * Applies the settings and the window modes to the document (theme, fonts, distraction-free
 * full screen) and shows the settings dialog when it is open. Render it once per window.
 */
export function SettingsPanel(): ReactElement {
  const settings = useSyncExternalStore(settingsStore.subscribe, settingsStore.getSnapshot);
  const { settingsOpen, distractionFree } = useSyncExternalStore(viewState.subscribe, viewState.getSnapshot);

  useEffect(() => applySettingsToDocument(settings), [settings]);
  const spellcheckNote = useSpellchecker(settings.spellcheck, settings.spellcheckLanguage);
  useDistractionFree(distractionFree);

  return (
    <>
      {distractionFree && (
        // The only control left on screen: faint until pointed at or focused.
        <button
          type="button"
          className="folio-leave-full-screen"
          title="Leave full screen (Esc)"
          onClick={() => viewState.set({ distractionFree: false })}
        >
          Leave full screen
        </button>
      )}
      {settingsOpen && (
        <SettingsDialog
          settings={settings}
          spellcheckNote={spellcheckNote}
          onClose={() => viewState.set({ settingsOpen: false })}
        />
      )}
    </>
  );
}

/**
 * Points the desktop spellchecker at the chosen language (the editor's `lang` attribute alone
 * does not: Electron checks against the session's dictionaries). Returns what to tell the author
 * when the language in use differs from the one asked for, or when the browser decides.
 */
function useSpellchecker(enabled: boolean, language: string): string | null {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.setSpellcheck({ enabled, language }).then(
      (state) => current && setNote(state.message),
      (error: unknown) => current && setNote(errorMessage(error, String(error))),
    );
    return () => {
      current = false;
    };
  }, [enabled, language]);
  return note;
}

/** Distraction-free mode: only the editor, full screen when the browser allows; Escape leaves. */
function useDistractionFree(on: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!on) return;
    root.dataset.folioDistractionFree = 'true';
    if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(() => {});
    const onKey = (event: KeyboardEvent): void => {
      // Only an Escape nobody else used (the search panel and dialogs close on Escape too).
      if (event.key === 'Escape' && !event.defaultPrevented) viewState.set({ distractionFree: false });
    };
    let wasFullscreen = document.fullscreenElement !== null;
    const onFullscreen = (): void => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) viewState.set({ distractionFree: false });
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      delete root.dataset.folioDistractionFree;
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    };
  }, [on]);
}

function Field({
  label,
  children,
  hint,
}: {
  label: string;
  children: ReactNode;
  hint?: string;
}): ReactElement {
  return (
    <label className="folio-settings-field">
      <span className="folio-settings-label">{label}</span>
      {children}
      {hint && <span className="folio-settings-hint">{hint}</span>}
    </label>
  );
}

function Check({ label, setting, settings }: { label: string; setting: BooleanSetting; settings: Settings }) {
  return (
    <label className="folio-settings-check">
      <input
        type="checkbox"
        checked={settings[setting]}
        onChange={(event) => settingsStore.update({ [setting]: event.target.checked })}
      />
      {label}
    </label>
  );
}

type BooleanSetting = {
  [K in keyof Settings]: Settings[K] extends boolean ? K : never;
}[keyof Settings];

function SettingsDialog({
  settings,
  spellcheckNote,
  onClose,
}: {
  settings: Settings;
  spellcheckNote: string | null;
  onClose: () => void;
}): ReactElement {
  const first = useRef<HTMLSelectElement>(null);
  useReturnFocus();
  useEffect(() => {
    first.current?.focus();
  }, []);
  const number = (value: string, fallback: number): number =>
    value.trim() === '' ? fallback : Number(value);

  return (
    <div className="folio-settings-backdrop" onMouseDown={onClose}>
      <div
        className="folio-settings"
        role="dialog"
        aria-modal="true"
        aria-labelledby="folio-settings-title"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <header className="folio-settings-header">
          <h2 id="folio-settings-title">Settings</h2>
          <button
            type="button"
            className="folio-settings-close"
            aria-label="Close settings"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        <div className="folio-settings-body">
          <section>
            <h3>Appearance</h3>
            <Field label="Theme">
              <select
                ref={first}
                value={settings.theme}
                onChange={(event) => settingsStore.update({ theme: event.target.value as ThemeSetting })}
              >
                <option value="system">Follow the system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </Field>
            <Field label="Editor font">
              <select
                value={settings.editorFont}
                onChange={(event) => settingsStore.update({ editorFont: event.target.value as EditorFont })}
              >
                <option value="serif">Serif</option>
                <option value="sans">Sans-serif</option>
                <option value="mono">Monospace</option>
              </select>
            </Field>
            <Field label="Font size (px)">
              <input
                type="number"
                min={12}
                max={28}
                value={settings.fontSize}
                onChange={(event) =>
                  settingsStore.update({ fontSize: number(event.target.value, settings.fontSize) })
                }
              />
            </Field>
            <Field label="Line width (em)" hint="The longest line in the editor.">
              <input
                type="number"
                min={30}
                max={120}
                step={2}
                value={settings.lineWidth}
                onChange={(event) =>
                  settingsStore.update({ lineWidth: number(event.target.value, settings.lineWidth) })
                }
              />
            </Field>
            <Check label="Show the formatting toolbar" setting="showToolbar" settings={settings} />
            <Check label="Show the outline" setting="showOutline" settings={settings} />
            <Check
              label="Show every schema field in Article details"
              setting="showEverySchemaField"
              settings={settings}
            />
          </section>
          <section>
            <h3>Writing</h3>
            <Field
              label="Autosave after (seconds)"
              hint="How long after the last keystroke your work is saved."
            >
              <input
                type="number"
                min={0.5}
                max={60}
                step={0.5}
                value={settings.autosaveDelayMs / 1000}
                onChange={(event) =>
                  settingsStore.update({
                    autosaveDelayMs: number(event.target.value, settings.autosaveDelayMs / 1000) * 1000,
                  })
                }
              />
            </Field>
            <Check label="Spellcheck" setting="spellcheck" settings={settings} />
            <Field
              label="Spellcheck language"
              hint={
                settings.spellcheck && spellcheckNote
                  ? spellcheckNote
                  : 'A language tag such as en-US or de-DE.'
              }
            >
              <input
                type="text"
                list="folio-spellcheck-languages"
                defaultValue={settings.spellcheckLanguage}
                disabled={!settings.spellcheck}
                onBlur={(event) => settingsStore.update({ spellcheckLanguage: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter')
                    settingsStore.update({ spellcheckLanguage: event.currentTarget.value });
                }}
              />
              <datalist id="folio-spellcheck-languages">
                {languages.map((language) => (
                  <option key={language} value={language} />
                ))}
              </datalist>
            </Field>
            <Check label="Vim mode" setting="vimMode" settings={settings} />
            <Check
              label="Focus mode (dim all but the current paragraph)"
              setting="focusMode"
              settings={settings}
            />
            <Check
              label="Typewriter mode (keep the current line centred)"
              setting="typewriterMode"
              settings={settings}
            />
            <Check
              label="Preview follows the editor (scroll sync)"
              setting="scrollSync"
              settings={settings}
            />
          </section>
          <UpdateChecksSection />
        </div>
        <footer className="folio-settings-footer">
          <button
            type="button"
            onClick={() => settingsStore.update(defaultSettings)}
            title="Put every setting back to its default"
          >
            Restore defaults
          </button>
          <button type="button" className="folio-settings-done" onClick={onClose}>
            Done
          </button>
        </footer>
      </div>
    </div>
  );
}
