import { describe, expect, it } from 'vitest';
import { mergeThreeWay, resolveMerge } from '../../../shared/review/three-way-merge';

const base = '# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n';

describe('the three-way merge', () => {
  it('merges changes to different paragraphs without asking', () => {
    const mine = base.replace('First paragraph.', 'First paragraph, edited by me.');
    const theirs = base.replace('Third paragraph.', 'Third paragraph, edited on disk.');
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toBe(0);
    expect(resolveMerge(result, [])).toBe(
      '# Title\n\nFirst paragraph, edited by me.\n\nSecond paragraph.\n\nThird paragraph, edited on disk.\n',
    );
  });

  it('merges changes to different words of one paragraph', () => {
    const b = 'One long paragraph with several words in it.\n';
    const mine = 'One long paragraph with many words in it.\n';
    const theirs = 'One short paragraph with several words in it.\n';
    const result = mergeThreeWay(b, mine, theirs);
    expect(result.conflicts).toBe(0);
    expect(resolveMerge(result, [])).toBe('One short paragraph with many words in it.\n');
  });

  it('reports edits of the same words as a conflict and resolves it by choice', () => {
    const mine = base.replace('Second paragraph.', 'Second paragraph, my way.');
    const theirs = base.replace('Second paragraph.', 'Second paragraph, their way.');
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toBe(1);
    const conflict = result.hunks.find((h) => h.kind === 'conflict');
    expect(conflict).toEqual({
      kind: 'conflict',
      base: 'Second paragraph.\n',
      mine: 'Second paragraph, my way.\n',
      theirs: 'Second paragraph, their way.\n',
    });
    expect(resolveMerge(result, ['mine'])).toBe(mine);
    expect(resolveMerge(result, ['theirs'])).toBe(theirs);
    expect(resolveMerge(result, ['both'])).toContain(
      'Second paragraph, my way.\nSecond paragraph, their way.\n',
    );
  });

  it('keeps non-conflicting changes around a conflict', () => {
    const mine = base.replace('First', 'Opening').replace('Second paragraph.', 'Mine.');
    const theirs = base.replace('Third', 'Closing').replace('Second paragraph.', 'Theirs.');
    const result = mergeThreeWay(base, mine, theirs);
    expect(result.conflicts).toBe(1);
    expect(resolveMerge(result, ['theirs'])).toBe(
      '# Title\n\nOpening paragraph.\n\nTheirs.\n\nClosing paragraph.\n',
    );
  });

  it('does not count the same change on both sides as a conflict', () => {
    const same = base.replace('Second', 'Middle');
    const result = mergeThreeWay(base, same, same);
    expect(result.conflicts).toBe(0);
    expect(resolveMerge(result, [])).toBe(same);
  });

  it('keeps a missing final newline and text added at the end', () => {
    const result = mergeThreeWay('a\nb', 'a\nb\nmine', 'z\na\nb');
    expect(result.conflicts).toBe(0);
    expect(resolveMerge(result, [])).toBe('z\na\nb\nmine');
  });
});
