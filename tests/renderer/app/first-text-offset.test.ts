import { describe, expect, it } from 'vitest';
import { firstTextOffset } from '../../../renderer/src/app/first-text-offset';

/** The text from the offset on, up to the end of its line. */
function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? undefined : end);
}

describe('where the writing starts', () => {
  it('skips the frontmatter, blank lines and the title heading', () => {
    const text = '---\ntitle: A\n---\n\n# A title\n\nFirst words.\nMore.\n';
    expect(lineAt(text, firstTextOffset(text))).toBe('First words.');
  });

  it('stops at a second heading, which is text to write under', () => {
    const text = '# Title\n\n## Part one\n\nText.\n';
    expect(lineAt(text, firstTextOffset(text))).toBe('## Part one');
  });

  it('starts at the first line when there is no frontmatter and no title', () => {
    expect(firstTextOffset('Just text.\n')).toBe(0);
  });

  it('goes to the end of an article with nothing below its title', () => {
    const text = '---\ntitle: Empty\n---\n# Empty\n\n';
    expect(firstTextOffset(text)).toBe(text.length);
    expect(firstTextOffset('')).toBe(0);
  });

  it('treats an unclosed fence as text, not frontmatter', () => {
    const text = '---\ntitle: never closed\n';
    expect(firstTextOffset(text)).toBe(0);
  });

  it('keeps a hashtag line as text (no space after #)', () => {
    const text = '#hashtag\n';
    expect(firstTextOffset(text)).toBe(0);
  });
});
