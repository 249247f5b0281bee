export { SettingsPanel } from './SettingsPanel';
export {
  settingsStore,
  defaultSettings,
  type Settings,
  type SettingsStore,
  type ThemeSetting,
  type EditorFont,
} from './settings-store';
export { viewState, type ViewState } from './view-state';
export { applyFrameTheme, useFrameTheme } from './frame-theme';
