import { describe, expect, it } from 'vitest';
import {
  applySpellcheck,
  pickSpellcheckLanguage,
  type SpellcheckSession,
} from '../../../electron/main/spellcheck-language';

/** Chromium's list on Linux and Windows (a subset, in its order). */
const chromium = [
  'af',
  'bg',
  'de-DE',
  'en-AU',
  'en-GB',
  'en-US',
  'es',
  'es-419',
  'fr',
  'pt-BR',
  'pt-PT',
  'sv',
];

/** A session that records what the settings did to it, with Chromium's real list. */
function recordingSession(): SpellcheckSession & { enabled: boolean | null; languages: string[] | null } {
  return {
    availableSpellCheckerLanguages: chromium,
    enabled: null,
    languages: null,
    setSpellCheckerEnabled(enable) {
      this.enabled = enable;
    },
    setSpellCheckerLanguages(languages) {
      this.languages = languages;
    },
  };
}

describe('choosing the spellchecker dictionary', () => {
  it('takes the exact tag in any case and with underscores', () => {
    expect(pickSpellcheckLanguage('en-GB', chromium)).toBe('en-GB');
    expect(pickSpellcheckLanguage('en_gb', chromium)).toBe('en-GB');
  });

  it('falls back to the bare language, then to the language in another region', () => {
    expect(pickSpellcheckLanguage('fr-CA', chromium)).toBe('fr');
    expect(pickSpellcheckLanguage('de-AT', chromium)).toBe('de-DE');
    expect(pickSpellcheckLanguage('pt', chromium)).toBe('pt-PT');
    expect(pickSpellcheckLanguage('en', chromium)).toBe('en-AU');
  });

  it('finds nothing for a language without a dictionary or an empty tag', () => {
    expect(pickSpellcheckLanguage('ja-JP', chromium)).toBeNull();
    expect(pickSpellcheckLanguage('  ', chromium)).toBeNull();
  });
});

describe('applying the spellcheck settings to a session', () => {
  it('switches the dictionary and says nothing when the tag is available', () => {
    const session = recordingSession();
    expect(applySpellcheck(session, true, 'de-DE', 'linux')).toEqual({ language: 'de-DE', message: null });
    expect(session).toMatchObject({ enabled: true, languages: ['de-DE'] });
  });

  it('says which dictionary it used instead of the one asked for', () => {
    const session = recordingSession();
    expect(applySpellcheck(session, true, 'de-CH', 'win32')).toEqual({
      language: 'de-DE',
      message: 'Using the de-DE dictionary.',
    });
  });

  it('keeps the old dictionary and lists the available ones when none fits', () => {
    const session = recordingSession();
    const state = applySpellcheck(session, true, 'ja-JP', 'linux');
    expect(state.language).toBeNull();
    expect(state.message).toContain('No dictionary for “ja-JP”');
    expect(state.message).toContain('en-US');
    expect(session.languages).toBeNull();
  });

  it('only switches checking off when spellcheck is off', () => {
    const session = recordingSession();
    expect(applySpellcheck(session, false, 'de-DE', 'linux')).toEqual({ language: null, message: null });
    expect(session).toMatchObject({ enabled: false, languages: null });
  });

  it('leaves the language to the OS on macOS', () => {
    const session = recordingSession();
    expect(applySpellcheck(session, true, 'de-DE', 'darwin').message).toContain('macOS');
    expect(session.languages).toBeNull();
  });
});
