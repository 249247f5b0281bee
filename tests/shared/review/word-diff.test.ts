import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { diffAsCriticMarkup, diffStats, wordDiff } from '../../../shared/review/word-diff';

/** One side of a diff rebuilt from its parts: everything but the other side's insertions. */
function side(parts: ReturnType<typeof wordDiff>, which: 'before' | 'after'): string {
  const others = which === 'before' ? 'insert' : 'delete';
  return parts
    .filter((p) => p.kind !== others)
    .map((p) => p.text)
    .join('');
}

describe('the word diff', () => {
  it('reports changed words rather than changed lines', () => {
    const parts = wordDiff('The quick brown fox.', 'The slow brown fox jumps.');
    expect(parts).toEqual([
      { kind: 'equal', text: 'The ' },
      { kind: 'delete', text: 'quick' },
      { kind: 'insert', text: 'slow' },
      { kind: 'equal', text: ' brown fox' },
      { kind: 'insert', text: ' jumps' },
      { kind: 'equal', text: '.' },
    ]);
    expect(diffStats(parts)).toEqual({ insertedWords: 2, deletedWords: 1, changes: 2 });
  });

  it('rebuilds both texts from its parts', () => {
    const before = 'One two\n\nthree four five.\n';
    const after = 'One 2\n\nthree five six.\nseven\n';
    const parts = wordDiff(before, after);
    expect(side(parts, 'before')).toBe(before);
    expect(side(parts, 'after')).toBe(after);
  });

  it('writes the diff as CriticMarkup for each side', () => {
    expect(diffAsCriticMarkup('a quick fox', 'a slow fox')).toBe('a {--quick--}{++slow++} fox');
    expect(diffAsCriticMarkup('a quick fox', 'a slow fox', 'before')).toBe('a {--quick--} fox');
    expect(diffAsCriticMarkup('a quick fox', 'a slow fox', 'after')).toBe('a {++slow++} fox');
  });

  it('keeps block syntax outside the marks so that headings and lists still render', () => {
    const marked = diffAsCriticMarkup('Intro.\n', 'Intro.\n\n# New heading\n\n- new item\n', 'after');
    expect(marked).toContain('# {++New heading++}');
    expect(marked).toContain('- {++new item++}');
    const html = renderMarkdown(marked);
    expect(html).toMatch(/<h1[^>]*><ins class="critic critic-ins">New heading<\/ins><\/h1>/);
    expect(html).toMatch(/<li><ins class="critic critic-ins">new item<\/ins><\/li>/);
  });

  it('renders the prose diff with insertions and deletions marked', () => {
    const html = renderMarkdown(diffAsCriticMarkup('He *said* yes.', 'He *said* no.'));
    expect(html).toContain('<del class="critic critic-del">yes</del><ins class="critic critic-ins">no</ins>');
  });
});

describe('the word diff on texts too different to diff word by word in time', () => {
  it('falls back to changed lines and still rebuilds both texts', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i} alpha`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `row ${i * 7} beta`).join('\n');
    const parts = wordDiff(before, after, { timeout: 0 });
    expect(parts.map((p) => p.kind)).toEqual(['delete', 'insert']);
    expect(side(parts, 'before')).toBe(before);
    expect(side(parts, 'after')).toBe(after);
  });
});
