import { describe, expect, it } from 'vitest';
import { countOf, pluralWord, words } from '../../shared/plural';

describe('plural', () => {
  it('takes the singular for exactly one and the plural for everything else', () => {
    expect([0, 1, 2, 1.5, 21, 1000].map((n) => countOf(n, words.article))).toEqual([
      '0 articles',
      '1 article',
      '2 articles',
      '1.5 articles',
      '21 articles',
      '1000 articles',
    ]);
    expect(pluralWord(1, { one: 'tool does', other: 'tools do' })).toBe('tool does');
    expect(pluralWord(3, { one: 'tool does', other: 'tools do' })).toBe('tools do');
  });
});
