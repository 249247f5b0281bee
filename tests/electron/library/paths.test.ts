import { describe, expect, it } from 'vitest';
import { splitLibraryPath, validateName } from '../../../electron/library';

describe('validateName', () => {
  it('accepts ordinary names and normalizes them to NFC', () => {
    expect(validateName('My article.md')).toBe('My article.md');
    expect(validateName('Cafe\u0301.md')).toBe('Café.md');
  });

  it.each([
    ['', /empty/],
    ['..', /not a valid name/],
    ['a/b', /cannot contain/],
    ['a\\b', /cannot contain/],
    ['what?.md', /cannot contain/],
    ['CON.md', /reserved by Windows/],
    ['lpt1', /reserved by Windows/],
    [' lead.md', /space/],
    ['trail.', /dot/],
    ['bell\u0007.md', /control/],
    ['evil\u202Egnp.md', /text-direction/],
    ['x'.repeat(300), /too long/],
  ])('refuses %j with a clear message', (name, message) => {
    expect(() => validateName(name)).toThrow(message);
  });
});

describe('splitLibraryPath', () => {
  it('splits relative paths and refuses escapes', () => {
    expect(splitLibraryPath('a/b.md')).toEqual(['a', 'b.md']);
    for (const bad of [
      '../a.md',
      'a/../../b.md',
      '/abs.md',
      'C:/x.md',
      'a\\b.md',
      'a//b.md',
      './a.md',
      'a\0b',
    ]) {
      expect(() => splitLibraryPath(bad)).toThrow();
    }
  });
});
