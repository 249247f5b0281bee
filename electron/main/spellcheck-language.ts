import type { SpellcheckState } from '../../shared/contract';

/**
 * Chooses the dictionary for a requested BCP 47 tag among the ones Chromium's spellchecker has
 * (`session.availableSpellCheckerLanguages`, e.g. `en-US`, `de-DE`, `fr`): the exact tag, any
 * case; else the bare language (`de-AT` → `de`); else that language in its most common region
 * (`de` or `de-CH` → `de-DE`, the first listed). Returns `null` when nothing fits.
 */
export function pickSpellcheckLanguage(requested: string, available: readonly string[]): string | null {
  const wanted = requested.trim().replace(/_/g, '-').toLowerCase();
  if (wanted === '') return null;
  const exact = available.find((tag) => tag.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  const bare = available.find((tag) => tag.toLowerCase() === base);
  if (bare) return bare;
  const preferred = `${base}-${base}`;
  return (
    available.find((tag) => tag.toLowerCase() === preferred) ??
    available.find((tag) => tag.toLowerCase().startsWith(`${base}-`)) ??
    null
  );
}

/** The part of Electron's `Session` the spellchecker setting uses. */
export interface SpellcheckSession {
  readonly availableSpellCheckerLanguages: string[];
  setSpellCheckerEnabled(enable: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
}

/**
 * Applies the spellcheck settings to a session. On macOS the OS spellchecker picks the
 * language itself (Electron ignores the list there), so only the on/off switch applies.
 */
export function applySpellcheck(
  session: SpellcheckSession,
  enabled: boolean,
  language: string,
  platform: NodeJS.Platform = process.platform,
): SpellcheckState {
  session.setSpellCheckerEnabled(enabled);
  if (!enabled) return { language: null, message: null };
  if (platform === 'darwin') {
    return { language: null, message: 'macOS checks spelling in the languages chosen in System Settings.' };
  }
  const chosen = pickSpellcheckLanguage(language, session.availableSpellCheckerLanguages);
  if (!chosen) {
    return {
      language: null,
      message: `No dictionary for “${language}”. Available: ${session.availableSpellCheckerLanguages.join(', ')}.`,
    };
  }
  session.setSpellCheckerLanguages([chosen]);
  return {
    language: chosen,
    message:
      chosen.toLowerCase() === language.trim().toLowerCase() ? null : `Using the ${chosen} dictionary.`,
  };
}
