import { describe, expect, it } from 'vitest';
import { composeMethods, type SharedKeys } from '../../../electron/library/compose-methods';

const reading = { readArticle: async () => 'read' };
const saving = { saveArticle: async () => 'saved' };
const savingWithHistory = { saveArticle: async () => 'saved with history' };

describe('composeMethods', () => {
  it('puts every group’s methods into one object', async () => {
    const methods = composeMethods(reading, saving);
    expect(Object.keys(methods).sort()).toEqual(['readArticle', 'saveArticle']);
    expect(await methods.saveArticle()).toBe('saved');
  });

  it('refuses a method that two groups define instead of letting one replace the other', () => {
    // @ts-expect-error the compiler refuses two groups that both define saveArticle
    expect(() => composeMethods(reading, saving, savingWithHistory)).toThrow(
      'The method “saveArticle” is defined by two method groups.',
    );
  });

  it('names the keys that groups share, at the type level', () => {
    const shared: SharedKeys<[typeof reading, typeof saving, typeof savingWithHistory]> = 'saveArticle';
    // @ts-expect-error readArticle is defined once, so it is not shared
    const notShared: SharedKeys<[typeof reading, typeof saving, typeof savingWithHistory]> = 'readArticle';
    const none: [SharedKeys<[typeof reading, typeof saving]>] extends [never] ? true : false = true;
    expect([shared, notShared, none]).toEqual(['saveArticle', 'readArticle', true]);
  });
});
