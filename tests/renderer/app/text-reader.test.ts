import { describe, expect, it } from 'vitest';
import { findFrontmatter } from '../../../shared/frontmatter';
import { frontmatterOfReader, stringReader, type TextReader } from '../../../renderer/src/app/text-reader';

/** A reader of `text` that records how far it was read. */
function countingReader(text: string): TextReader & { furthest: number } {
  const reader = {
    length: text.length,
    furthest: 0,
    slice: (from: number, to: number) => {
      reader.furthest = Math.max(reader.furthest, to);
      return text.slice(from, to);
    },
  };
  return reader;
}

const body = 'A paragraph of the body.\n\n'.repeat(2000);

describe('frontmatterOfReader', () => {
  it('finds the same block as findFrontmatter in the whole text', () => {
    const texts = [
      `---\ntitle: A\n---\n${body}`,
      `\uFEFF---\r\ntitle: A\r\n---\r\n${body}`,
      `+++\ntitle = "A"\n+++\n${body}`,
      `---\n${'tags: [a, b]\n'.repeat(300)}---\n${body}`,
      // A fence line that continues past a read, a closing fence at the very end.
      `---${' '.repeat(3000)}\nkey: value\n---`,
      `---\nkey: value\n${'-'.repeat(1021)}\n---\n${body}`,
      '---\ntitle: short\n---',
      `---\ntitle: never closed\n${body}`,
      `# No frontmatter\n\n${body}`,
      `--- not a fence\n${body}`,
      '',
      '---',
    ];
    for (const text of texts) expect(frontmatterOfReader(stringReader(text))).toEqual(findFrontmatter(text));
  });

  it('reads a long article only as far as its frontmatter', () => {
    const fenced = countingReader(`---\ntitle: A\n---\n${body}`);
    expect(frontmatterOfReader(fenced)?.to).toBe(17);
    expect(fenced.furthest).toBeLessThan(body.length / 10);
    const plain = countingReader(`# Title\n\n${body}`);
    expect(frontmatterOfReader(plain)).toBeNull();
    expect(plain.furthest).toBeLessThan(body.length / 10);
  });

  it('reads everything after a fence that is never closed', () => {
    const open = countingReader(`---\ntitle: A\n${body}`);
    expect(frontmatterOfReader(open)).toBeNull();
    expect(open.furthest).toBe(open.length);
  });
});
